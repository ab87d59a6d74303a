using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NbsRoundup.Data;

namespace NbsRoundup.Web.Tests.Areas.Admin.Issues;

public sealed class IssueFormTests : IDisposable
{
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    private async Task<T> QueryAsync<T>(Func<CatalogueDb, Task<T>> query)
    {
        using var scope = _portal.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<CatalogueDb>());
    }

    [Fact]
    public async Task A_new_issue_starts_as_a_draft_that_readers_cannot_see_until_it_is_published()
    {
        using var editor = await Editors.SignInAsync(_portal);
        using var reader = _portal.CreateClient();
        var form = await Forms.GetAsync(editor, "/admin/issues/new");

        var created = await Forms.SubmitAsync(editor, form, new()
        {
            ["Input.Slug"] = "2022-01", ["Input.Title"] = "基于自然的解决方案通讯 2022年1月", ["Input.Year"] = "2022", ["Input.Month"] = "1",
            ["Input.Introduction"] = "新年第一期。", ["Input.SectionIntros[2]"] = "COP26 之后。",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/admin/issues/2022-01", created.Headers.Location!.OriginalString);
        var entryForm = await Forms.GetAsync(editor, "/admin/issues/2022-01/entries/new?section=research");
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(editor, entryForm, new() { ["Input.Title"] = "新的研究", ["Input.Slug"] = "new-research" })).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/issues/2022-01")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/entries/new-research")).StatusCode);
        Assert.Single((await _portal.GetPageAsync("/")).QuerySelectorAll(".issue-card"));

        var page = await Forms.GetAsync(editor, "/admin/issues/2022-01");
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(editor, page, handler: "Publish", formSelector: ".admin-header form")).StatusCode);

        var issue = await _portal.GetPageAsync("/issues/2022-01");
        Assert.Equal("新年第一期。", issue.QuerySelector(".introduction")!.TextContent.Trim());
        Assert.Equal("COP26 之后。", issue.QuerySelector("#cop26 .section-intro")!.TextContent.Trim());
        Assert.NotNull(issue.GetElementById("new-research"));
        Assert.Equal(2, (await _portal.GetPageAsync("/")).QuerySelectorAll(".issue-card").Length);
    }

    [Fact]
    public async Task An_issue_address_already_taken_and_an_impossible_month_are_refused_with_messages()
    {
        using var editor = await Editors.SignInAsync(_portal);
        var form = await Forms.GetAsync(editor, "/admin/issues/new");

        var response = await Forms.SubmitAsync(editor, form, new() { ["Input.Slug"] = "2021-11", ["Input.Title"] = "重复", ["Input.Year"] = "2021", ["Input.Month"] = "13" });

        var page = await Forms.ReadAsync(response);
        Assert.Equal("请输入 1 到 12 之间的月份。", Forms.Message(page, "Input.Month"));
        Assert.Equal(1, await QueryAsync(db => db.Issues.CountAsync()));
    }

    [Fact]
    public async Task Deleting_an_issue_with_entries_names_how_many_go_and_asks_again_if_that_changed()
    {
        using var editor = await Editors.SignInAsync(_portal);
        var confirm = await Forms.GetAsync(editor, "/admin/issues/2021-11/delete");
        Assert.Contains("70", confirm.Document.QuerySelector("main button.danger")!.TextContent);

        // Meanwhile another editor adds an entry: the confirmation no longer names the right number.
        var entryForm = await Forms.GetAsync(editor, "/admin/issues/2021-11/entries/new");
        await Forms.SubmitAsync(editor, entryForm, new() { ["Input.Title"] = "又一条" });
        var stale = await Forms.SubmitAsync(editor, confirm);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("71", (await Forms.ReadAsync(stale)).QuerySelector("main button.danger")!.TextContent);
        Assert.Equal(71, await QueryAsync(db => db.Entries.CountAsync()));

        var deleted = await Forms.SubmitAsync(editor, new FormPage("/admin/issues/2021-11/delete", await Forms.ReadAsync(stale)));

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(0, await QueryAsync(db => db.Entries.CountAsync()));
        Assert.Equal(0, await QueryAsync(db => db.Issues.CountAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await _portal.CreateClient().GetAsync("/issues/2021-11")).StatusCode);
    }

    [Fact]
    public async Task An_issue_downloads_as_a_newsletter_file_in_the_content_format()
    {
        using var editor = await Editors.SignInAsync(_portal);

        var response = await editor.GetAsync("/admin/issues/2021-11/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("2021-11.md", response.Content.Headers.ContentDisposition!.FileName);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("---\nslug: 2021-11\ntitle: 基于自然的解决方案通讯 2021年11月\n", text, StringComparison.Ordinal);
        Assert.Contains("\n### 《企业净零标准》\nslug: corporate-net-zero-standard\noriginal: Corporate Net-zero Standard\n", text, StringComparison.Ordinal);
        Assert.False(NbsRoundup.Importing.NewsletterParser.Parse(text, "export.md").HasErrors);
    }

    [Fact]
    public async Task A_stale_issue_save_shows_both_versions_and_overwrites_nothing()
    {
        using var first = await Editors.SignInAsync(_portal);
        using var second = await Editors.SignInAsync(_portal);
        var firstForm = await Forms.GetAsync(first, "/admin/issues/2021-11/edit");
        var secondForm = await Forms.GetAsync(second, "/admin/issues/2021-11/edit");
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(first, firstForm, new() { ["Input.Publisher"] = "TNC 中国" })).StatusCode);
        var before = DatabaseDump.Of(_portal);

        var stale = await Forms.SubmitAsync(second, secondForm, new() { ["Input.TitleEn"] = "NbS Round-up, November 2021" });

        Assert.Equal(before, DatabaseDump.Of(_portal));
        var rows = (await Forms.ReadAsync(stale)).QuerySelectorAll(".conflict tbody tr").Select(r => r.QuerySelector("th")!.TextContent).ToList();
        Assert.Equal(["英文标题", "出版方"], rows);
    }
}
