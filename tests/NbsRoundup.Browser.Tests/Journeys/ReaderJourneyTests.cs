using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NbsRoundup.Browser.Tests.Journeys;

[Collection(BrowserTests.Name)]
public class ReaderJourneyTests(BrowserPortal browser)
{
    private static readonly Dictionary<string, Reader> _readers = new()
    {
        ["on a desktop"] = Reader.Desktop,
        ["on a phone"] = Reader.SmallPhone with { Width = 390, Height = 844 },
        // Pages are plain links and anchors: scripts may enhance them, never carry them.
        ["with JavaScript off"] = Reader.Desktop with { JavaScript = false },
    };

    [Theory]
    [InlineData("on a desktop")]
    [InlineData("on a phone")]
    [InlineData("with JavaScript off")]
    public async Task A_reader_goes_from_the_home_page_through_an_issue_to_an_entry_and_its_organisation(string how) =>
        await browser.VisitAsync(async page =>
        {
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Link, new() { Name = "基于自然的解决方案通讯 2021年11月" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/issues/2021-11$"));
            await Expect(page.Locator("h1")).ToHaveTextAsync("基于自然的解决方案通讯 2021年11月");

            await page.Locator("nav.toc").GetByRole(AriaRole.Link, new() { Name = "NbS 在 CBD COP15", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/issues/2021-11#cop15$"));
            await Expect(page.Locator("#cop15-title")).ToBeInViewportAsync();

            var entry = page.Locator("#cop15-forum-climate-biodiversity");
            await entry.GetByRole(AriaRole.Link, new() { Name = "生态文明平行论坛之“应对气候变化（碳达峰碳中和）与保护生物多样性”主题论坛召开" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/entries/cop15-forum-climate-biodiversity$"));
            await Expect(page.Locator("h1")).ToHaveTextAsync("生态文明平行论坛之“应对气候变化（碳达峰碳中和）与保护生物多样性”主题论坛召开");

            await page.Locator(".organisations").GetByRole(AriaRole.Link, new() { Name = "TNC", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/organisations/tnc$"));
            await Expect(page.Locator("h1")).ToHaveTextAsync("The Nature Conservancy (TNC)");
            await Expect(page.Locator("article#cop15-forum-climate-biodiversity")).ToBeVisibleAsync();
        }, _readers[how], label: how);
}
