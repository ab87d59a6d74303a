using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NbsRoundup.Browser.Tests.Journeys;

[Collection(BrowserTests.Name)]
public class ResearcherJourneyTests(BrowserPortal browser)
{
    [Fact]
    public async Task A_researcher_searches_narrows_by_organisation_and_month_and_downloads_the_csv() =>
        await browser.VisitAsync(async page =>
        {
            await page.GotoAsync("/");
            await page.Locator("nav.main-nav").GetByRole(AriaRole.Link, new() { Name = "检索" }).ClickAsync();
            await page.GetByLabel("关键词").FillAsync("NbS");
            await page.GetByRole(AriaRole.Button, new() { Name = "检索" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/entries\?q=NbS"));
            var all = await CountAsync(page);
            Assert.True(all > 10);
            // What the query matched is marked, the glossary's equivalent of NbS included.
            await Expect(page.Locator(".result mark").First).ToHaveTextAsync(new Regex("^(NbS|基于自然的解决方案)$", RegexOptions.IgnoreCase));

            await page.Locator("#facet-organisations + ul").GetByRole(AriaRole.Link, new() { Name = "TNC", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("organisation=tnc"));
            var byTnc = await CountAsync(page);
            Assert.InRange(byTnc, 1, all - 1);

            var month = page.Locator("#facet-months + ul li a").First;
            var monthCount = int.Parse(await page.Locator("#facet-months + ul li .count").First.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
            await month.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("from=.*&to="));
            Assert.Equal(monthCount, await CountAsync(page));

            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(".exports").GetByRole(AriaRole.Link, new() { Name = "CSV" }).ClickAsync());
            Assert.EndsWith(".csv", download.SuggestedFilename);
            var path = await download.PathAsync();
            var lines = (await File.ReadAllLinesAsync(path)).Where(l => l.Length > 0).ToList();
            Assert.Equal(monthCount + 1, lines.Count); // header and one line per result
            Assert.StartsWith("slug,title", lines[0].TrimStart('\uFEFF'));
        }, Reader.Desktop);

    [Fact]
    public async Task Removing_a_filter_widens_the_results_again() =>
        await browser.VisitAsync(async page =>
        {
            await page.GotoAsync("/entries?q=湿地&section=policy");
            var narrow = await CountAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "去掉筛选条件：栏目：政策动态" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/entries\?q=%E6%B9%BF%E5%9C%B0$"));
            Assert.True(await CountAsync(page) > narrow);
        }, Reader.Desktop);

    private static async Task<int> CountAsync(IPage page) =>
        int.Parse(Regex.Match(await page.Locator(".result-count").InnerTextAsync(), @"\d+").Value, System.Globalization.CultureInfo.InvariantCulture);
}
