using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NbsRoundup.Catalogue;
using NbsRoundup.Data;

namespace NbsRoundup.Web.Tests.Areas.Admin.Entries;

public sealed class EntryFormTests : IDisposable
{
    private const string Slug = "corporate-net-zero-standard";
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    private async Task<T> QueryAsync<T>(Func<CatalogueDb, Task<T>> query)
    {
        using var scope = _portal.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<CatalogueDb>());
    }

    private Task<Entry> EntryAsync(string slug) => QueryAsync(db => db.Entries.AsNoTracking()
        .Include(e => e.Organisations).ThenInclude(o => o.Organisation).SingleAsync(e => e.Slug == slug));

    [Fact]
    public async Task Creating_an_entry_stores_every_field_reads_the_date_like_an_import_and_records_it()
    {
        using var editor = await Editors.SignInAsync(_portal, email: "li@example.org");
        var form = await Forms.GetAsync(editor, "/admin/issues/2021-11/entries/new?section=policy");
        Assert.Equal("policy", form.Document.QuerySelector<IHtmlSelectElement>("#Input_SectionKey")!.Value);
        Assert.Equal("国内", form.Document.QuerySelector<IHtmlInputElement>("#Input_Subheading")!.Value); // where it will appear

        var response = await Forms.SubmitAsync(editor, form, new()
        {
            ["Input.Title"] = "《湿地保护法》通过",
            ["Input.OriginalTitle"] = "Wetlands Conservation Law",
            ["Input.Subheading"] = "国内",
            ["Input.Organisations"] = "大自然保护协会；一个新的机构",
            ["Input.Authors"] = "张三等",
            ["Input.Date"] = "12月24日",
            ["Input.Link"] = "https://example.org/law",
            ["Input.Summary"] = "法律**通过**。",
            ["Input.Slug"] = "wetlands-law",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/issues/2021-11#wetlands-law", response.Headers.Location!.OriginalString);
        var entry = await EntryAsync("wetlands-law");
        Assert.Equal(("《湿地保护法》通过", "Wetlands Conservation Law", "国内", "张三等", "https://example.org/law", "法律**通过**。"),
            (entry.Title, entry.OriginalTitle, entry.Subheading, entry.Authors, entry.Link, entry.Summary));
        Assert.Equal(("12月24日", "2020-12-24"), (entry.DateText, entry.Date!.Iso)); // a month after the issue's: the year before
        Assert.Equal(["The Nature Conservancy", "一个新的机构"], entry.Organisations.OrderBy(o => o.Position).Select(o => o.Organisation.Name));
        Assert.Equal(14, entry.Position); // appended after the 13 policy entries
        Assert.True(entry.IsPublished);
        var reader = await _portal.GetPageAsync("/entries/wetlands-law");
        Assert.Equal("通过", reader.QuerySelector(".summary strong")!.TextContent);
        var history = await Forms.GetAsync(editor, "/admin/entries/wetlands-law/history");
        Assert.Contains("li@example.org", history.Document.QuerySelector(".change .actor")!.TextContent);
        Assert.Contains("12月24日", history.Document.QuerySelector(".changes")!.TextContent);
    }

    [Fact]
    public async Task Editing_an_entry_saves_the_changes_and_its_history_shows_each_field_before_and_after()
    {
        using var editor = await Editors.SignInAsync(_portal, email: "wang@example.org");
        var form = await Forms.GetAsync(editor, $"/admin/entries/{Slug}/edit");
        Assert.Equal("10月", form.Document.QuerySelector<IHtmlInputElement>("#Input_Date")!.Value);
        Assert.Contains("2021年10月", form.Document.QuerySelector("#date-help")!.TextContent); // shown back at its precision

        var response = await Forms.SubmitAsync(editor, form, new() { ["Input.Title"] = "《企业净零标准》（修订）", ["Input.Date"] = "2021年10月28日", ["Input.Organisations"] = "SBTi; WRI" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = await EntryAsync(Slug);
        Assert.Equal(("《企业净零标准》（修订）", "2021-10-28"), (entry.Title, entry.Date!.Iso));
        Assert.Equal(["sbti", "wri"], entry.Organisations.OrderBy(o => o.Position).Select(o => o.Organisation.Slug));
        var history = await Forms.GetAsync(editor, $"/admin/entries/{Slug}/history");
        var rows = history.Document.QuerySelectorAll(".change")[0].QuerySelectorAll("tbody tr")
            .Select(r => (r.QuerySelector("th")!.TextContent, r.QuerySelector("del")!.TextContent, r.QuerySelector("ins")!.TextContent))
            .ToList();
        Assert.Contains(("标题", "《企业净零标准》", "《企业净零标准》（修订）"), rows);
        Assert.Contains(("日期", "10月", "2021年10月28日"), rows);
        Assert.Contains(("机构", "Science Based Targets initiative", "Science Based Targets initiative; World Resources Institute"), rows);
        Assert.Equal(3, rows.Count);
    }

    [Fact]
    public async Task A_form_with_mistakes_comes_back_with_what_was_typed_and_a_message_per_field_and_saves_nothing()
    {
        using var editor = await Editors.SignInAsync(_portal);
        var form = await Forms.GetAsync(editor, $"/admin/entries/{Slug}/edit");
        var before = DatabaseDump.Of(_portal);

        var response = await Forms.SubmitAsync(editor, form, new()
        {
            ["Input.Title"] = "",
            ["Input.Date"] = "下个月",
            ["Input.Link"] = "javascript:alert(1)",
            ["Input.Summary"] = "正文\n\n### 不允许的标题",
            ["Input.Authors"] = "刚输入的作者",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ReadAsync(response);
        Assert.Equal("请输入标题。", Forms.Message(page, "Input.Title"));
        Assert.StartsWith("请按来源的写法填写日期", Forms.Message(page, "Input.Date"));
        Assert.Equal("请输入以 http:// 或 https:// 开头的地址。", Forms.Message(page, "Input.Link"));
        Assert.StartsWith("这里不能使用 #、##、### 标题", Forms.Message(page, "Input.Summary"));
        Assert.Equal("刚输入的作者", page.QuerySelector<IHtmlInputElement>("#Input_Authors")!.Value);
        Assert.Equal("下个月", page.QuerySelector<IHtmlInputElement>("#Input_Date")!.Value);
        Assert.Equal(before, DatabaseDump.Of(_portal));
        // A screen reader reads each field's message with the field: aria-invalid and aria-describedby name it.
        foreach (var field in new[] { "Input_Title", "Input_Date", "Input_Link", "Input_Summary" })
        {
            var input = page.QuerySelector($"#{field}")!;
            Assert.Equal("true", input.GetAttribute("aria-invalid"));
            var described = (input.GetAttribute("aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var message = described.Select(id => page.GetElementById(id)).FirstOrDefault(e => e?.GetAttribute("data-valmsg-for") is not null);
            Assert.True(message is not null && message.TextContent.Trim().Length > 0, $"{field} does not name its message");
        }
        Assert.Null(page.QuerySelector("#Input_Authors")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task A_stale_save_shows_both_versions_and_overwrites_nothing_until_saved_again()
    {
        using var first = await Editors.SignInAsync(_portal);
        using var second = await Editors.SignInAsync(_portal);
        var firstForm = await Forms.GetAsync(first, $"/admin/entries/{Slug}/edit");
        var secondForm = await Forms.GetAsync(second, $"/admin/entries/{Slug}/edit");
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(first, firstForm, new() { ["Input.Authors"] = "第一位编辑" })).StatusCode);
        var afterFirst = DatabaseDump.Of(_portal);

        var stale = await Forms.SubmitAsync(second, secondForm, new() { ["Input.Authors"] = "第二位编辑" });

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(afterFirst, DatabaseDump.Of(_portal));
        var page = await Forms.ReadAsync(stale);
        var row = Assert.Single(page.QuerySelectorAll(".conflict tbody tr"));
        Assert.Equal(("作者", "第二位编辑", "第一位编辑"), (row.QuerySelector("th")!.TextContent, row.QuerySelector(".yours")!.TextContent.Trim(), row.QuerySelector(".current")!.TextContent.Trim()));
        Assert.Equal("第二位编辑", page.QuerySelector<IHtmlInputElement>("#Input_Authors")!.Value);

        // Having seen both, the second editor saves again on purpose.
        var again = await Forms.SubmitAsync(second, new FormPage($"/admin/entries/{Slug}/edit", page));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("第二位编辑", (await EntryAsync(Slug)).Authors);
    }

    [Fact]
    public async Task Preview_renders_the_summary_as_readers_will_see_it_and_saves_nothing()
    {
        using var editor = await Editors.SignInAsync(_portal);
        var form = await Forms.GetAsync(editor, $"/admin/entries/{Slug}/edit");
        var before = DatabaseDump.Of(_portal);

        var response = await Forms.SubmitAsync(editor, form, new() { ["Input.Summary"] = "**加粗** [危险](javascript:alert(1)) <script>x</script>" }, handler: "Preview");

        var preview = (await Forms.ReadAsync(response)).QuerySelector(".preview .summary")!;
        Assert.Equal("加粗", preview.QuerySelector("strong")!.TextContent);
        Assert.Equal("", preview.QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(preview.QuerySelector("script"));
        Assert.Equal(before, DatabaseDump.Of(_portal));
    }

    [Fact]
    public async Task Saving_an_edited_entry_after_a_preview_saves_it_instead_of_previewing_again()
    {
        using var editor = await Editors.SignInAsync(_portal);
        var form = await Forms.GetAsync(editor, $"/admin/entries/{Slug}/edit");
        var preview = await Forms.SubmitAsync(editor, form, new() { ["Input.Summary"] = "**改过的摘要**" }, handler: "Preview");
        // The browser now shows the preview at the address it posted to, and its form posts from there.
        var previewed = new FormPage($"/admin/entries/{Slug}/edit?handler=Preview", await Forms.ReadAsync(preview));

        var response = await Forms.SubmitAsync(editor, previewed);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("**改过的摘要**", (await EntryAsync(Slug)).Summary);
    }

    [Fact]
    public async Task Adding_an_entry_after_a_preview_adds_it_instead_of_previewing_again()
    {
        using var editor = await Editors.SignInAsync(_portal);
        var form = await Forms.GetAsync(editor, "/admin/issues/2021-11/entries/new?section=policy");
        var preview = await Forms.SubmitAsync(editor, form,
            new() { ["Input.Title"] = "预览之后添加", ["Input.Slug"] = "added-after-preview", ["Input.Summary"] = "**摘要**" }, handler: "Preview");
        var previewed = new FormPage("/admin/issues/2021-11/entries/new?section=policy&handler=Preview", await Forms.ReadAsync(preview));

        var response = await Forms.SubmitAsync(editor, previewed);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("预览之后添加", (await EntryAsync("added-after-preview")).Title);
    }

    [Fact]
    public async Task Deleting_an_entry_asks_first_then_removes_it_and_closes_the_gap_in_its_section()
    {
        using var editor = await Editors.SignInAsync(_portal);
        var confirm = await Forms.GetAsync(editor, $"/admin/entries/{Slug}/delete");
        Assert.Contains("《企业净零标准》", confirm.Document.QuerySelector("main")!.TextContent);

        var response = await Forms.SubmitAsync(editor, confirm);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await QueryAsync(db => db.Entries.AnyAsync(e => e.Slug == Slug)));
        var positions = await QueryAsync(db => db.Entries.Where(e => e.Issue.Slug == "2021-11" && e.SectionId == 1).OrderBy(e => e.Position).Select(e => e.Position).ToListAsync());
        Assert.Equal([1, 2, 3, 4], positions);
        Assert.Equal(HttpStatusCode.NotFound, (await _portal.CreateClient().GetAsync($"/entries/{Slug}")).StatusCode);
        var history = await Forms.GetAsync(editor, $"/admin/entries/{Slug}/history");
        Assert.Contains("这个条目已被删除", history.Document.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Entries_move_up_and_down_within_their_section_and_to_the_end_of_another()
    {
        using var editor = await Editors.SignInAsync(_portal);
        async Task<List<string>> OrderAsync(int section) => await QueryAsync(db => db.Entries
            .Where(e => e.Issue.Slug == "2021-11" && e.SectionId == section).OrderBy(e => e.Position).Select(e => e.Slug).ToListAsync());
        var standards = await OrderAsync(1);
        var page = await Forms.GetAsync(editor, "/admin/issues/2021-11");

        var down = await Forms.SubmitAsync(editor, page, new() { ["Input.Entry"] = standards[0] }, handler: "MoveDown", formSelector: $"#{standards[0]} form");
        Assert.Equal(HttpStatusCode.Redirect, down.StatusCode);
        Assert.Equal([standards[1], standards[0], .. standards[2..]], await OrderAsync(1));

        var up = await Forms.SubmitAsync(editor, page, new() { ["Input.Entry"] = standards[0] }, handler: "MoveUp", formSelector: $"#{standards[0]} form");
        Assert.Equal(HttpStatusCode.Redirect, up.StatusCode);
        Assert.Equal(standards, await OrderAsync(1));

        var moved = await Forms.SubmitAsync(editor, page, new() { ["Input.Entry"] = standards[1], ["Input.Section"] = "events" },
            formSelector: $"#{standards[1]} form[action*='handler=MoveTo']");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal([standards[0], .. standards[2..]], await OrderAsync(1));
        Assert.Equal(standards[1], (await OrderAsync(7)).Last());
        var positions = await QueryAsync(db => db.Entries.Where(e => e.SectionId == 1).OrderBy(e => e.Position).Select(e => e.Position).ToListAsync());
        Assert.Equal([1, 2, 3, 4], positions);
    }

    [Fact]
    public async Task A_draft_entry_is_invisible_to_readers_everywhere_until_it_is_published()
    {
        using var editor = await Editors.SignInAsync(_portal);
        using var reader = _portal.CreateClient();
        var form = await Forms.GetAsync(editor, $"/admin/entries/{Slug}/edit");

        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(editor, form, new() { ["Input.Draft"] = "true" })).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/entries/{Slug}")).StatusCode);
        Assert.Null((await _portal.GetPageAsync("/issues/2021-11")).GetElementById(Slug));
        Assert.Null((await _portal.GetPageAsync("/sections/standards")).GetElementById(Slug));
        // SBTi's only entry: an organisation named by drafts alone is not shown to readers.
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/organisations/sbti")).StatusCode);
        Assert.Contains("草稿", (await Forms.GetAsync(editor, "/admin/issues/2021-11")).Document.GetElementById(Slug)!.TextContent);

        var again = await Forms.GetAsync(editor, $"/admin/entries/{Slug}/edit");
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(editor, again, new() { ["Input.Draft"] = "false" })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/entries/{Slug}")).StatusCode);
        Assert.NotNull((await _portal.GetPageAsync("/issues/2021-11")).GetElementById(Slug));
        Assert.NotNull((await _portal.GetPageAsync("/sections/standards")).GetElementById(Slug));
        Assert.NotNull((await _portal.GetPageAsync("/organisations/sbti")).GetElementById(Slug));
    }
}
