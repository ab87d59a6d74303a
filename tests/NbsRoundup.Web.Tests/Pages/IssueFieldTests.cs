using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NbsRoundup.Catalogue;
using NbsRoundup.Data;
using NbsRoundup.Synthetic;
using NbsRoundup.Web.Pages.Entries;

namespace NbsRoundup.Web.Tests.Pages;

/// <summary>
/// The catalogue form's issue field suggests the newest issues instead of listing every one: a list of
/// all of them made the page grow with the catalogue. Any issue, however old, can still be asked for.
/// </summary>
public sealed class IssueFieldTests : IDisposable
{
    private readonly PortalFactory _portal = new();

    public IssueFieldTests()
    {
        using var scope = _portal.Services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<CatalogueDb>>();
        // 2,000 entries make 40 issues besides the newsletter's: more than the field suggests.
        new SyntheticCatalogue(2000).WriteAsync(() => new CatalogueDb(options)).GetAwaiter().GetResult();
    }

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task The_issue_field_suggests_the_newest_issues_and_an_older_one_can_be_asked_for()
    {
        List<string> newestFirst;
        int inOldest;
        using (var scope = _portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CatalogueDb>();
            newestFirst = await db.Issues.Published().OrderByDescending(i => i.Year).ThenByDescending(i => i.Month).ThenByDescending(i => i.Id)
                .Select(i => i.Slug).ToListAsync();
            var oldestSlug = newestFirst[^1];
            inOldest = await db.Entries.Published().CountAsync(e => e.Issue.Slug == oldestSlug);
        }
        Assert.True(newestFirst.Count > IndexModel.SuggestedIssues);

        var page = await _portal.GetPageAsync("/entries");

        Assert.Null(page.QuerySelector("select#issue"));
        var field = page.QuerySelector("input#issue")!;
        var suggested = page.QuerySelectorAll($"datalist#{field.GetAttribute("list")} option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(newestFirst.Take(IndexModel.SuggestedIssues), suggested);

        var oldest = newestFirst[^1];
        var narrowed = await _portal.GetPageAsync("/entries?issue=" + oldest);
        Assert.Equal(oldest, narrowed.QuerySelector("input#issue")!.GetAttribute("value"));
        Assert.True(inOldest > 0);
        Assert.Contains("共 " + inOldest + " 条", narrowed.QuerySelector(".result-count")!.TextContent);
    }
}
