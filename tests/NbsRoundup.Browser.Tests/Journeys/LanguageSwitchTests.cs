using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NbsRoundup.Browser.Tests.Journeys;

[Collection(BrowserTests.Name)]
public class LanguageSwitchTests(BrowserPortal browser)
{
    [Fact]
    public async Task Switching_to_english_in_the_header_shows_english_and_is_remembered_on_the_next_page() =>
        await browser.VisitAsync(async page =>
        {
            await page.GotoAsync("/issues/2021-11");
            await Expect(page.Locator("#toc-title")).ToHaveTextAsync("目录");

            await page.Locator("nav.language").GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex("/issues/2021-11$"));
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await Expect(page.Locator("#toc-title")).ToHaveTextAsync("Contents");
            await Expect(page.Locator("#corporate-net-zero-standard time")).ToHaveTextAsync("October 2021");

            await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Sections" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/sections$"));
            await Expect(page.Locator("h1")).ToHaveTextAsync("Sections");
            await Expect(page.Locator("main")).ToContainTextAsync("NbS at CBD COP15");

            await page.Locator("nav.language").GetByRole(AriaRole.Link, new() { Name = "中文" }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("栏目");
        });
}
