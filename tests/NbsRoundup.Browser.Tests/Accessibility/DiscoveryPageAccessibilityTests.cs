namespace NbsRoundup.Browser.Tests.Accessibility;

/// <summary>
/// The topic and place pages and the maps, at a phone's width, in both languages: one page per
/// language and one axe run per address, so that the whole round costs a few seconds.
/// </summary>
[Collection(BrowserTests.Name)]
public class DiscoveryPageAccessibilityTests(BrowserPortal browser)
{
    private static readonly string[] _paths =
    [
        "/topics",
        "/topics/wetlands",
        "/places",
        "/places/419",
        "/entries",
        "/entries?topic=wetlands&place=CN",
    ];

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-GB")]
    public async Task The_topic_and_place_pages_and_the_maps_have_no_serious_accessibility_problems_on_a_phone(string locale) =>
        await browser.VisitAsync(async page =>
        {
            foreach (var path in _paths)
            {
                await page.GotoAsync(path);
                await Axe.AssertNoSeriousViolationsAsync(page);
                var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
                Assert.True(widths[0] <= widths[1], $"{path} is {widths[0]} px wide in a {widths[1]} px window");
            }
            // The map of the whole catalogue: countries are links, each with its count in its title.
            await page.GotoAsync("/places");
            Assert.True(await page.Locator("svg.map a").CountAsync() > 0, "the places page shows no map with links");
            var title = await page.Locator("svg.map a title").First.TextContentAsync();
            Assert.Matches(@"\d", title!);
        }, new Reader(locale, 390, 844), label: locale);
}
