using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NbsRoundup.Data;
using NbsRoundup.Web.Areas.Admin;
using NbsRoundup.Web.Commands;

namespace NbsRoundup.Web.Tests.Areas.Admin.WorkList;

/// <summary>The link checker, from the command line and from the admin area, against the fixture server.</summary>
public sealed class LinkCheckTests(LookupPortal portal) : IClassFixture<LookupPortal>
{
    private async Task ImportAsync(string slug, params (string Entry, string Path)[] links)
    {
        using var editor = await Editors.SignInAsync(portal);
        var file = new StringBuilder($"---\nslug: {slug}\ntitle: 链接检查 {slug}\nyear: 2022\nmonth: 1\n---\n\n# 研究和观点\n");
        foreach (var (entry, path) in links)
        {
            file.Append(CultureInfo.InvariantCulture, $"\n### 条目 {entry}\nslug: {entry}\nlink: {portal.Sites.Url(path).AbsoluteUri}\n\n正文。\n");
        }
        await Uploading.ImportAsync(editor, slug + ".md", Encoding.UTF8.GetBytes(file.ToString()));
    }

    private async Task<T> QueryAsync<T>(Func<CatalogueDb, Task<T>> query)
    {
        using var scope = portal.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<CatalogueDb>());
    }

    [Fact]
    public async Task Check_links_records_each_status_without_editing_any_entry_and_the_work_list_shows_the_broken_one()
    {
        await ImportAsync("2022-01-links", ("ok-page", "/research/mangroves"), ("gone-page", "/gone"), ("head-refused", "/head-refused"), ("moved", "/redirect/2"));
        var (versions, changeSets, changeRecords) = await QueryAsync(async db => (
            await db.Entries.Where(e => e.Issue.Slug == "2022-01-links").OrderBy(e => e.Id).Select(e => e.Version).ToListAsync(),
            await db.ChangeSets.CountAsync(), await db.ChangeRecords.CountAsync()));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CommandLine.RunAsync(["check-links", "--issue", "2022-01-links", .. portal.DatabaseArguments, .. portal.LookupArguments], output, error);

        Assert.Equal(0, exit);
        Assert.Contains("Checked 4 links of issue 2022-01-links: 1 broken.", output.ToString());
        Assert.Contains("gone-page", output.ToString());
        var statuses = await QueryAsync(db => db.LinkStatuses.Join(db.Entries, s => s.EntryId, e => e.Id, (s, e) => new { e.Slug, s.StatusCode, s.IsBroken, s.FinalUrl, s.CheckedAt })
            .ToDictionaryAsync(s => s.Slug));
        Assert.Equal((200, false), (statuses["ok-page"].StatusCode, statuses["ok-page"].IsBroken));
        Assert.Equal((404, true), (statuses["gone-page"].StatusCode, statuses["gone-page"].IsBroken));
        Assert.Equal((200, false), (statuses["head-refused"].StatusCode, statuses["head-refused"].IsBroken)); // GET after HEAD's 405
        Assert.Equal(portal.Sites.Url("/redirect/0").AbsoluteUri, statuses["moved"].FinalUrl);
        Assert.All(statuses.Values, s => Assert.True(s.CheckedAt > DateTime.UtcNow.AddMinutes(-5)));
        // Not an edit: no new version, no audit record, no change log row.
        var (versionsAfter, changeSetsAfter, changeRecordsAfter) = await QueryAsync(async db => (
            await db.Entries.Where(e => e.Issue.Slug == "2022-01-links").OrderBy(e => e.Id).Select(e => e.Version).ToListAsync(),
            await db.ChangeSets.CountAsync(), await db.ChangeRecords.CountAsync()));
        Assert.Equal(versions, versionsAfter);
        Assert.Equal((changeSets, changeRecords), (changeSetsAfter, changeRecordsAfter));

        using var editor = await Editors.SignInAsync(portal);
        var list = (await Forms.GetAsync(editor, "/admin/worklist?issue=2022-01-links")).Document;
        var broken = Assert.Single(list.QuerySelectorAll("#work-brokenlink + .work-items li"));
        Assert.Equal("/admin/entries/gone-page/edit", broken.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("404", broken.QuerySelector(".detail")!.TextContent);
    }

    [Fact]
    public async Task The_admin_button_checks_an_issue_in_the_background_and_the_work_list_shows_how_it_went()
    {
        await ImportAsync("2022-02-links", ("still-there", "/research/mangroves"), ("vanished", "/gone"));
        using var editor = await Editors.SignInAsync(portal);
        var list = await Forms.GetAsync(editor, "/admin/worklist?issue=2022-02-links");

        var started = await Forms.SubmitAsync(editor, list);

        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Equal("/admin/worklist?issue=2022-02-links&started=True", started.Headers.Location!.OriginalString);
        var runs = portal.Services.GetRequiredService<LinkCheckRuns>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (runs.State is not { Running: false })
        {
            await Task.Delay(50, timeout.Token);
        }
        Assert.Equal((2, 1, false), (runs.State.Checked, runs.State.Broken, runs.State.Failed));
        var page = (await Forms.GetAsync(editor, "/admin/worklist?issue=2022-02-links")).Document;
        Assert.Contains("2 个链接，1 个失效", page.QuerySelector(".link-check")!.TextContent);
        Assert.Equal("/admin/entries/vanished/edit", Assert.Single(page.QuerySelectorAll("#work-brokenlink + .work-items li a")).GetAttribute("href"));
    }

    [Fact]
    public async Task An_unknown_issue_is_refused_by_the_command()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CommandLine.RunAsync(["check-links", "--issue", "1999-01", .. portal.DatabaseArguments, .. portal.LookupArguments], output, error);

        Assert.Equal(1, exit);
        Assert.Equal("No issue 1999-01 in the catalogue.", error.ToString().Trim());
    }
}
