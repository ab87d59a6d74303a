namespace NbsRoundup.Browser.Tests.Accessibility;

[Collection(BrowserTests.Name)]
public class ReaderPageAccessibilityTests(BrowserPortal browser)
{
    [Theory]
    [MemberData(nameof(ReaderPages.All), MemberType = typeof(ReaderPages))]
    public async Task The_page_has_no_serious_accessibility_problems_in_chinese(string path) =>
        await browser.VisitAsync(async page =>
        {
            await page.GotoAsync(path);
            await Axe.AssertNoSeriousViolationsAsync(page);
        }, Reader.Desktop, label: path);

    [Theory]
    [MemberData(nameof(ReaderPages.All), MemberType = typeof(ReaderPages))]
    public async Task The_page_has_no_serious_accessibility_problems_in_english(string path) =>
        await browser.VisitAsync(async page =>
        {
            await page.GotoAsync(path);
            await Axe.AssertNoSeriousViolationsAsync(page);
        }, Reader.EnglishDesktop, label: path);
}
