using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NbsRoundup.Catalogue;
using NbsRoundup.Data;
using NbsRoundup.Web.Tests.Areas.Admin.Upload;

namespace NbsRoundup.Web.Tests.Areas.Admin.Entries;

/// <summary>Topics and places as editors meet them: suggested on an untagged upload or an empty form, confirmed or edited on the entry form.</summary>
public sealed class TagFormTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Untagged = """
        ---
        slug: 2098-11
        title: 标签测试 2098年11月
        year: 2098
        month: 11
        ---

        A generated issue without tags.

        # 研究和观点

        ### 伯利兹恢复红树林湿地
        slug: untagged-belize-wetlands

        伯利兹的红树林和湿地恢复项目获得了新的资金。

        """;

    private async Task<Entry> EntryAsync(string slug)
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CatalogueDb>().Entries.AsNoTracking()
            .Include(e => e.Tags).SingleAsync(e => e.Slug == slug);
    }

    [Fact]
    public async Task An_untagged_upload_previews_the_suggested_tags_and_stores_them_marked_as_suggestions()
    {
        using var editor = await Editors.SignInAsync(portal, email: "tags@example.org");

        var preview = await Forms.ReadAsync(await UploadTests.UploadAsync(editor, "untagged.md", Encoding.UTF8.GetBytes(Untagged)));

        var row = preview.QuerySelector(".plan-entries tr.added")!;
        Assert.Contains("untagged-belize-wetlands", row.TextContent, StringComparison.Ordinal);
        var suggested = row.QuerySelector(".suggested-tags")!.TextContent;
        Assert.Contains("湿地", suggested, StringComparison.Ordinal);
        Assert.Contains("伯利兹", suggested, StringComparison.Ordinal);

        var applied = await Forms.SubmitAsync(editor, new FormPage("/admin/upload", preview), formSelector: "form[action='/admin/upload/apply']");

        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var entry = await EntryAsync("untagged-belize-wetlands");
        Assert.Contains("wetlands", entry.TagKeys.Topics);
        Assert.Contains("BZ", entry.TagKeys.Places);
        Assert.All(entry.Tags, t => Assert.True(t.IsSuggested));
        using var json = JsonDocument.Parse(await portal.CreateClient().GetStringAsync("/api/entries/untagged-belize-wetlands"));
        Assert.All(json.RootElement.GetProperty("topics").EnumerateArray(), t => Assert.True(t.GetProperty("suggested").GetBoolean()));
        Assert.Contains(json.RootElement.GetProperty("places").EnumerateArray(), p => p.GetProperty("code").GetString() == "BZ" && p.GetProperty("suggested").GetBoolean());
        var list = await Forms.GetAsync(editor, "/admin/issues/2098-11");
        Assert.NotNull(list.Document.QuerySelector("#untagged-belize-wetlands .badge.suggested"));
        // The same place filter finds it, suggestion or not.
        var catalogue = await portal.GetPageAsync("/entries?place=伯利兹&issue=2098-11");
        Assert.Equal(["/entries/untagged-belize-wetlands"], catalogue.QuerySelectorAll("li.result .entry-title a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task A_form_left_empty_gets_suggestions_which_stay_suggested_until_an_editor_confirms_or_changes_them()
    {
        using var editor = await Editors.SignInAsync(portal, email: "form@example.org");
        var create = await Forms.GetAsync(editor, "/admin/issues/2021-11/entries/new?section=research");
        var created = await Forms.SubmitAsync(editor, create, new()
        {
            ["Input.Title"] = "巴西的森林恢复与碳市场",
            ["Input.Summary"] = "巴西启动了新的森林恢复项目。",
            ["Input.Slug"] = "brazil-forest-restoration",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var entry = await EntryAsync("brazil-forest-restoration");
        Assert.Contains("forests", entry.TagKeys.Topics);
        Assert.Equal(["BR"], entry.TagKeys.Places);
        Assert.True(entry.HasSuggestedTags);

        // Saved as they are, they stay suggestions.
        var edit = await Forms.GetAsync(editor, "/admin/entries/brazil-forest-restoration/edit");
        Assert.Contains("forests", edit.Document.QuerySelector<IHtmlInputElement>("#Input_Topics")!.Value, StringComparison.Ordinal);
        Assert.NotNull(edit.Document.QuerySelector("#Input_ConfirmTags"));
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(editor, edit)).StatusCode);
        Assert.True((await EntryAsync("brazil-forest-restoration")).HasSuggestedTags);

        // Confirmed, they are curated.
        edit = await Forms.GetAsync(editor, "/admin/entries/brazil-forest-restoration/edit");
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(editor, edit, new() { ["Input.ConfirmTags"] = "true" })).StatusCode);
        entry = await EntryAsync("brazil-forest-restoration");
        Assert.False(entry.HasSuggestedTags);
        Assert.Contains("forests", entry.TagKeys.Topics);
        edit = await Forms.GetAsync(editor, "/admin/entries/brazil-forest-restoration/edit");
        Assert.Null(edit.Document.QuerySelector("#Input_ConfirmTags"));
    }

    [Fact]
    public async Task Edited_tags_are_saved_curated_by_name_in_either_language_and_a_name_that_names_nothing_is_refused()
    {
        const string slug = "corporate-net-zero-standard";
        using var editor = await Editors.SignInAsync(portal, email: "edit-tags@example.org");
        var edit = await Forms.GetAsync(editor, $"/admin/entries/{slug}/edit");
        var before = DatabaseDump.Of(portal);

        var refused = await Forms.SubmitAsync(editor, edit, new() { ["Input.Topics"] = "wetland; 金融", ["Input.Places"] = "Atlantis" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Forms.ReadAsync(refused);
        Assert.Contains("wetland", Forms.Message(page, "Input.Topics"), StringComparison.Ordinal);
        Assert.Contains("wetlands", Forms.Message(page, "Input.Topics"), StringComparison.Ordinal); // the closest name
        Assert.Contains("Atlantis", Forms.Message(page, "Input.Places"), StringComparison.Ordinal);
        Assert.Equal(before, DatabaseDump.Of(portal));

        var saved = await Forms.SubmitAsync(editor, edit, new() { ["Input.Topics"] = "湿地; finance", ["Input.Places"] = "global; 伯利兹" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var entry = await EntryAsync(slug);
        Assert.Equal(["finance", "wetlands"], entry.TagKeys.Topics.Order(StringComparer.Ordinal));
        Assert.Equal(["BZ", "global"], entry.TagKeys.Places.Order(StringComparer.Ordinal));
        Assert.False(entry.HasSuggestedTags);
        var history = await Forms.GetAsync(editor, $"/admin/entries/{slug}/history");
        Assert.Contains("wetlands", history.Document.QuerySelector(".change")!.TextContent, StringComparison.Ordinal);
    }
}
