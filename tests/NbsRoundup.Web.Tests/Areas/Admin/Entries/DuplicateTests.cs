using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NbsRoundup.Data;

namespace NbsRoundup.Web.Tests.Areas.Admin.Entries;

/// <summary>An item the catalogue may already hold is shown before it is saved, in the form and in an upload's preview.</summary>
public sealed class DuplicateTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string NewEntry = "/admin/issues/2021-11/entries/new?section=standards";

    private async Task<bool> ExistsAsync(string slug)
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CatalogueDb>().Entries.AnyAsync(e => e.Slug == slug);
    }

    [Fact]
    public async Task A_near_identical_title_holds_the_save_back_once_with_a_link_to_the_entry_and_saving_again_saves()
    {
        using var editor = await Editors.SignInAsync(portal);
        var form = await Forms.GetAsync(editor, NewEntry);
        var before = DatabaseDump.Of(portal);

        var first = await Forms.SubmitAsync(editor, form, new()
        {
            ["Input.Title"] = "企业净零标准",
            ["Input.OriginalTitle"] = "The Corporate Net-Zero Standard",
            ["Input.Slug"] = "net-zero-standard-again",
        });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(before, DatabaseDump.Of(portal));
        var page = await Forms.ReadAsync(first);
        var warning = page.GetElementById("entry-warnings")!;
        Assert.Equal("alert", warning.GetAttribute("role"));
        Assert.Contains("尚未保存", warning.TextContent);
        var duplicate = Assert.Single(warning.QuerySelectorAll(".duplicates li"));
        Assert.Equal("/admin/entries/corporate-net-zero-standard/edit", duplicate.QuerySelector("a")!.GetAttribute("href"));

        var again = await Forms.SubmitAsync(editor, new FormPage(NewEntry, page));

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.True(await ExistsAsync("net-zero-standard-again"));
    }

    [Fact]
    public async Task The_same_link_written_another_way_is_a_duplicate()
    {
        using var editor = await Editors.SignInAsync(portal);
        var edit = await Forms.GetAsync(editor, "/admin/entries/iucn-restoration-intervention-typology/edit");
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(editor, edit, new() { ["Input.Link"] = "https://www.iucn.org/resources/restoration-typology/" })).StatusCode);
        var form = await Forms.GetAsync(editor, NewEntry);

        var response = await Forms.SubmitAsync(editor, form, new()
        {
            ["Input.Title"] = "一份完全不同的标题",
            ["Input.Link"] = "http://iucn.org/resources/restoration-typology?utm_source=wechat&from=timeline",
            ["Input.Slug"] = "typology-by-link",
        });

        var page = await Forms.ReadAsync(response);
        var duplicate = Assert.Single(page.QuerySelectorAll("#entry-warnings .duplicates li"));
        Assert.Contains("iucn-restoration-intervention-typology", duplicate.TextContent);
        Assert.Contains("链接相同", duplicate.TextContent);
        Assert.False(await ExistsAsync("typology-by-link"));
    }

    [Fact]
    public async Task Saving_an_entry_whose_title_and_link_did_not_change_is_not_held_back()
    {
        using var editor = await Editors.SignInAsync(portal);
        var form = await Forms.GetAsync(editor, "/admin/entries/china-ndc-achievements-new-targets-measures/edit");

        var response = await Forms.SubmitAsync(editor, form, new() { ["Input.Authors"] = "国家联络人" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task The_upload_preview_flags_a_new_entry_the_catalogue_may_already_hold()
    {
        using var editor = await Editors.SignInAsync(portal);
        var file = """
            ---
            slug: 2021-12-dup
            title: 基于自然的解决方案通讯 2021年12月
            year: 2021
            month: 12
            ---

            # 研究和观点

            ### 《红树林现状》
            slug: mangroves-again
            original: The State of the World’s Mangroves.

            又一份红树林报告。

            ### 全新的条目
            slug: something-new

            正文。
            """;

        var preview = await Forms.ReadAsync(await Uploading.PreviewAsync(editor, "2021-12.md", Encoding.UTF8.GetBytes(file)));

        var row = preview.QuerySelectorAll(".plan-entries tbody tr").Single(r => r.TextContent.Contains("mangroves-again"));
        var duplicate = Assert.Single(row.QuerySelectorAll(".may-repeat li"));
        Assert.Equal("/admin/entries/state-of-the-worlds-mangroves/edit", duplicate.QuerySelector("a")!.GetAttribute("href"));
        Assert.Empty(preview.QuerySelectorAll(".plan-entries tbody tr").Single(r => r.TextContent.Contains("something-new")).QuerySelectorAll(".may-repeat"));
        Assert.Contains("有 1 条新条目可能已在目录中", preview.QuerySelector(".plan .notice.warning")!.TextContent);
    }
}
