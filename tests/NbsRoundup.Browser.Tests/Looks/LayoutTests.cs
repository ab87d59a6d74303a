using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NbsRoundup.Browser.Tests.Looks;

[Collection(BrowserTests.Name)]
public class LayoutTests(BrowserPortal browser)
{
    [Theory]
    [MemberData(nameof(ReaderPages.All), MemberType = typeof(ReaderPages))]
    public async Task Nothing_runs_off_the_side_of_a_360_px_phone(string path) =>
        await browser.VisitAsync(async page =>
        {
            await page.GotoAsync(path);

            var (scrollWidth, innerWidth) = await WidthsAsync(page);
            Assert.True(scrollWidth <= innerWidth, $"the page is {scrollWidth} px wide in a {innerWidth} px window; wider: {await WiderThanWindowAsync(page)}");
        }, Reader.SmallPhone, label: path);

    [Fact]
    public async Task The_english_interface_fits_a_360_px_phone_too() =>
        await browser.VisitAsync(async page =>
        {
            await page.GotoAsync("/issues/2021-11");

            var (scrollWidth, innerWidth) = await WidthsAsync(page);
            Assert.True(scrollWidth <= innerWidth, $"the page is {scrollWidth} px wide in a {innerWidth} px window; wider: {await WiderThanWindowAsync(page)}");
        }, Reader.SmallPhone with { Locale = "en-GB" });

    [Fact]
    public async Task On_a_wide_screen_the_text_keeps_a_readable_line_length() =>
        await browser.VisitAsync(async page =>
        {
            await page.GotoAsync("/issues/2021-11");

            var box = await page.Locator("main").BoundingBoxAsync();
            Assert.InRange(box!.Width, 600, 900);
            Assert.True(box.X > 300, $"the text column starts {box.X} px from the left of a 1920 px window: centred, not stuck to the edge");
        }, Reader.Desktop with { Width = 1920, Height = 1080 });

    [Fact]
    public async Task The_printed_issue_is_the_newsletter_without_the_website_around_it() =>
        await browser.VisitAsync(async page =>
        {
            await page.GotoAsync("/issues/2021-11");
            await page.EmulateMediaAsync(new() { Media = Media.Print });

            await Expect(page.Locator(".site-header")).ToBeHiddenAsync();
            await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" })).ToBeHiddenAsync();
            await Expect(page.Locator("nav.language")).ToBeHiddenAsync();
            await Expect(page.Locator(".site-footer")).ToBeHiddenAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("基于自然的解决方案通讯 2021年11月");
            await Expect(page.Locator("nav.toc")).ToBeVisibleAsync();
            // Each section starts a new page, as in the newsletter.
            Assert.Equal("page", await page.Locator("#cop15").EvaluateAsync<string>("e => getComputedStyle(e).breakBefore"));
        });

    private static async Task<(int ScrollWidth, int InnerWidth)> WidthsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        return (widths[0], widths[1]);
    }

    /// <summary>The elements sticking out on the right, to say in the failure what to fix.</summary>
    private static async Task<string> WiderThanWindowAsync(IPage page) =>
        string.Join("; ", await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
                .slice(0, 5)
                .map(e => e.outerHTML.slice(0, 120))
            """));
}
