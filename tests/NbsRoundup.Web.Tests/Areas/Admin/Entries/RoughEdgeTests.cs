using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NbsRoundup.Catalogue;
using NbsRoundup.Data;

namespace NbsRoundup.Web.Tests.Areas.Admin.Entries;

/// <summary>What a first-time editor ran into, each put right.</summary>
public sealed class RoughEdgeTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<T> QueryAsync<T>(Func<CatalogueDb, Task<T>> query)
    {
        using var scope = portal.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<CatalogueDb>());
    }

    private Task<Entry> EntryAsync(string slug) => QueryAsync(db => db.Entries.AsNoTracking().SingleAsync(e => e.Slug == slug));

    [Fact]
    public async Task A_draft_entry_is_shown_to_its_editors_as_readers_will_see_it_with_a_banner_never_indexed_or_stored_and_readers_get_404()
    {
        using var editor = await Editors.SignInAsync(portal);
        var form = await Forms.GetAsync(editor, "/admin/entries/ramsar-cop14-wuhan/edit");
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(editor, form, new() { ["Input.Draft"] = "true" })).StatusCode);

        var response = await editor.GetAsync("/entries/ramsar-cop14-wuhan");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Equal("noindex, nofollow", response.Headers.GetValues("X-Robots-Tag").Single());
        var page = await Forms.ReadAsync(response);
        Assert.Equal("noindex, nofollow", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Contains("读者还看不到", page.QuerySelector(".draft-banner")!.TextContent);
        Assert.Equal("/admin/entries/ramsar-cop14-wuhan/edit", page.QuerySelector(".draft-banner a")!.GetAttribute("href"));
        Assert.Contains("湖北武汉", page.QuerySelector("main")!.TextContent);
        using var reader = portal.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/entries/ramsar-cop14-wuhan")).StatusCode);
        // A published entry shows no banner, to editors either.
        Assert.Null((await Forms.ReadAsync(await editor.GetAsync("/entries/corporate-net-zero-standard"))).QuerySelector(".draft-banner"));
    }

    [Fact]
    public async Task A_draft_issue_is_shown_to_its_editors_with_a_banner_and_readers_get_404()
    {
        using var editor = await Editors.SignInAsync(portal);
        await Uploading.ImportAsync(editor, "draft.md", Encoding.UTF8.GetBytes(
            "---\nslug: 2022-03-draft\ntitle: 草稿期刊\nyear: 2022\nmonth: 3\ndraft: true\n---\n\n# 研究和观点\n\n### 草稿期刊的条目\nslug: draft-issue-entry\n\n正文。\n"));

        var response = await editor.GetAsync("/issues/2022-03-draft");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.NoStore);
        var page = await Forms.ReadAsync(response);
        Assert.NotNull(page.QuerySelector(".draft-banner"));
        Assert.NotNull(page.GetElementById("draft-issue-entry"));
        using var reader = portal.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/issues/2022-03-draft")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/entries/draft-issue-entry")).StatusCode);
    }

    [Fact]
    public async Task A_new_entry_whose_section_was_changed_does_not_keep_the_sub_heading_of_the_section_the_form_was_opened_for()
    {
        using var editor = await Editors.SignInAsync(portal);
        var form = await Forms.GetAsync(editor, "/admin/issues/2021-11/entries/new?section=policy");
        Assert.Equal("国内", form.Document.QuerySelector<IHtmlInputElement>("#Input_Subheading")!.Value);

        var response = await Forms.SubmitAsync(editor, form, new() { ["Input.Title"] = "一条合作动态", ["Input.SectionKey"] = "cooperation", ["Input.Slug"] = "moved-section-new-entry" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = await EntryAsync("moved-section-new-entry");
        Assert.Equal((Section.Find("cooperation")!.Id, (string?)null), (entry.SectionId, entry.Subheading));
    }

    [Fact]
    public async Task An_entry_moved_to_another_section_lands_under_that_section_s_sub_heading_and_the_new_entry_form_does_not_offer_the_old_one()
    {
        using var editor = await Editors.SignInAsync(portal);
        var show = await Forms.GetAsync(editor, "/admin/issues/2021-11");
        var moveForm = show.Document.QuerySelectorAll("form[action*='handler=MoveTo']")
            .Single(f => f.QuerySelector("input[name='Input.Entry']")!.GetAttribute("value") == "amazon-tnc-agroforestry-restoration-accelerator");
        var response = await editor.PostAsync(moveForm.GetAttribute("action"),
            new FormUrlEncodedContent(Forms.Fields(moveForm, new Dictionary<string, string?> { ["Input.Section"] = "events" })));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.Null((await EntryAsync("amazon-tnc-agroforestry-restoration-accelerator")).Subheading); // was 国际
        var form = await Forms.GetAsync(editor, "/admin/issues/2021-11/entries/new?section=events");
        Assert.Equal("", form.Document.QuerySelector<IHtmlInputElement>("#Input_Subheading")!.Value);
    }

    [Fact]
    public async Task An_impossible_date_is_warned_in_the_form_as_the_importer_warns_and_kept_as_written_at_the_month()
    {
        using var editor = await Editors.SignInAsync(portal);
        var form = await Forms.GetAsync(editor, "/admin/issues/2021-11/entries/new?section=research");

        var first = await Forms.SubmitAsync(editor, form, new() { ["Input.Title"] = "二月的报告", ["Input.Date"] = "2021-02-30", ["Input.Slug"] = "february-report" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var page = await Forms.ReadAsync(first);
        Assert.Equal("“2021-02-30”不是真实存在的日期：按原文保留，并读作 2021年2月（只精确到月）。", page.GetElementById("date-warning")!.TextContent.Trim());
        Assert.Contains("尚未保存", page.GetElementById("entry-warnings")!.TextContent);
        Assert.False(await QueryAsync(db => db.Entries.AnyAsync(e => e.Slug == "february-report")));

        var again = await Forms.SubmitAsync(editor, new FormPage(form.Url, page));

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var entry = await EntryAsync("february-report");
        Assert.Equal(("2021-02-30", 2021, 2, (int?)null), (entry.DateText, entry.DateYear, entry.DateMonth!.Value, entry.DateDay));
    }

    [Fact]
    public async Task A_control_character_is_named_not_taken_for_a_line_break_or_a_heading()
    {
        using var editor = await Editors.SignInAsync(portal);
        var form = await Forms.GetAsync(editor, "/admin/entries/corporate-net-zero-standard/edit");

        var response = await Forms.SubmitAsync(editor, form, new()
        {
            ["Input.Title"] = "《企业\u0007净零标准》",
            ["Input.Summary"] = "摘要\u0001正文",
            ["Input.Authors"] = "张三\n李四",
        });

        var page = await Forms.ReadAsync(response);
        Assert.Equal("这里有一个看不见的控制字符（U+0007，第 4 个字符），通讯文件无法保存它：请删除。这类字符常随从 PDF 或文字处理软件复制的文字一起出现。", Forms.Message(page, "Input.Title"));
        Assert.StartsWith("这里有一个看不见的控制字符（U+0001，第 3 个字符）", Forms.Message(page, "Input.Summary"));
        Assert.Equal("请写在一行内。", Forms.Message(page, "Input.Authors"));
    }

    [Fact]
    public async Task The_upload_page_leads_to_the_format_guide_rendered_in_the_admin_area()
    {
        using var editor = await Editors.SignInAsync(portal);
        var upload = await Forms.GetAsync(editor, "/admin/upload");
        Assert.NotNull(upload.Document.QuerySelector("main a[href='/admin/upload/format']"));

        var guide = (await Forms.GetAsync(editor, "/admin/upload/format")).Document;

        Assert.Single(guide.QuerySelectorAll("h1"));
        var text = guide.QuerySelector(".format-guide")!;
        Assert.Contains(text.QuerySelectorAll("h2, h3"), h => h.TextContent.StartsWith("Links awaited", StringComparison.Ordinal));
        Assert.NotNull(text.QuerySelector("table"));
        Assert.Null(text.QuerySelector("script"));
        using var reader = portal.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await reader.GetAsync("/admin/upload/format")).StatusCode);
    }

    [Fact]
    public async Task The_preview_of_a_new_issue_speaks_the_interface_s_language_and_calls_nothing_changed()
    {
        using var editor = await Editors.SignInAsync(portal);
        var file = "---\nslug: 2022-04-new\ntitle: 新的一期\nyear: 2022\nmonth: 4\n---\n\n# 研究和观点\n\n研究栏目的导语。\n\n### 新报告\nslug: new-report-april\norganisations: 一个从未见过的机构\ndate: 4月31日\n\n正文。\n";

        var page = await Forms.ReadAsync(await Uploading.PreviewAsync(editor, "2022-04.md", Encoding.UTF8.GetBytes(file)));

        var plan = page.QuerySelector(".plan")!;
        Assert.Contains("新期刊 2022-04-new。", plan.TextContent);
        Assert.DoesNotContain("修改：", plan.TextContent);
        Assert.DoesNotContain("introduction", plan.TextContent);
        Assert.Contains(plan.QuerySelectorAll("li"), li => li.TextContent.StartsWith("新机构：一个从未见过的机构（o-", StringComparison.Ordinal));
        var warning = plan.QuerySelector(".diagnostics li.warning")!;
        Assert.Contains("“4月31日”不是真实存在的日期（2022-04 没有 31 日）；保留为 2022-04", warning.TextContent);
        Assert.Null(warning.QuerySelector("[lang=en]"));

        editor.DefaultRequestHeaders.Add("Accept-Language", "en");
        var english = await Forms.ReadAsync(await Uploading.PreviewAsync(editor, "2022-04.md", Encoding.UTF8.GetBytes(file)));
        Assert.Contains(english.QuerySelectorAll(".plan li"), li => li.TextContent.StartsWith("New organisation: 一个从未见过的机构 (o-", StringComparison.Ordinal));
        Assert.Contains("'4月31日' is not a real date (2022-04 has no day 31); kept as 2022-04", english.QuerySelector(".diagnostics li.warning")!.TextContent);
    }

    [Fact]
    public async Task An_organisation_named_in_front_matter_by_one_of_its_aliases_resolves_to_it_and_is_never_renamed()
    {
        using var editor = await Editors.SignInAsync(portal);
        var file = "---\nslug: 2022-05-alias\ntitle: 别名\nyear: 2022\nmonth: 5\norganisations:\n  - name: 世界自然保护联盟\n    short: IUCN\n  - slug: wri\n    name: 世界资源研究所（WRI）\n---\n\n# 研究和观点\n\n### 联盟的报告\nslug: alias-report\norganisations: 世界自然保护联盟; wri\n\n正文。\n";

        var preview = await Forms.ReadAsync(await Uploading.PreviewAsync(editor, "alias.md", Encoding.UTF8.GetBytes(file)));
        Assert.Contains("导入从不改名", preview.QuerySelector(".diagnostics li.warning")!.TextContent);
        await Uploading.ImportAsync(editor, "alias.md", Encoding.UTF8.GetBytes(file));

        var (iucn, wri, linked) = await QueryAsync(async db => (
            await db.Organisations.Include(o => o.Aliases).SingleAsync(o => o.Slug == "iucn"),
            await db.Organisations.Include(o => o.Aliases).SingleAsync(o => o.Slug == "wri"),
            await db.Entries.Where(e => e.Slug == "alias-report").SelectMany(e => e.Organisations).OrderBy(l => l.Position).Select(l => l.Organisation.Slug).ToListAsync()));
        Assert.Equal(("International Union for Conservation of Nature", "IUCN"), (iucn.Name, iucn.ShortName));
        Assert.Equal("World Resources Institute", wri.Name);
        Assert.Contains(wri.Aliases, a => a.Name == "世界资源研究所（WRI）");
        Assert.Equal(["iucn", "wri"], linked);
        Assert.False(await QueryAsync(db => db.Organisations.AnyAsync(o => o.Name == "世界自然保护联盟")));
    }
}
