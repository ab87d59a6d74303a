namespace NbsRoundup.Browser.Tests.Looks;

/// <summary>No external fonts, scripts or CDNs: a reader's browser talks to the portal and nothing else.</summary>
[Collection(BrowserTests.Name)]
public class SameOriginTests(BrowserPortal browser)
{
    [Theory]
    [MemberData(nameof(ReaderPages.All), MemberType = typeof(ReaderPages))]
    public async Task Everything_the_page_loads_comes_from_the_portal_itself(string path) =>
        await browser.VisitAsync(async page =>
        {
            var requested = new List<string>();
            page.Request += (_, request) => requested.Add(request.Url);

            await page.GotoAsync(path);

            var referenced = await page.EvaluateAsync<string[]>("""
                () => [
                    ...[...document.querySelectorAll('link[href]')].map(e => e.href),
                    ...[...document.querySelectorAll('script[src]')].map(e => e.src),
                    ...[...document.querySelectorAll('img[src]')].map(e => e.src),
                ]
                """);
            var origin = browser.BaseAddress.GetLeftPart(UriPartial.Authority);
            Assert.Contains(referenced, url => url.EndsWith(".css", StringComparison.Ordinal) || url.Contains(".css?", StringComparison.Ordinal));
            Assert.All(referenced.Concat(requested), url => Assert.StartsWith(origin + "/", url));
        }, label: path);
}
