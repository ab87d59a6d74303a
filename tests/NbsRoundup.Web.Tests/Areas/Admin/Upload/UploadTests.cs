using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NbsRoundup.Data;
using NbsRoundup.Testing;

namespace NbsRoundup.Web.Tests.Areas.Admin.Upload;

public sealed class UploadTests : IDisposable
{
    private static readonly string _vol3 = ContentFiles.Text(ContentFiles.Vol3);
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] bytes)
    {
        var form = await Forms.GetAsync(client, "/admin/upload");
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in Forms.Fields(form.Document.QuerySelector("main form")!))
        {
            content.Add(new StringContent(value), name);
        }
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/markdown");
        content.Add(file, "Input.File", fileName);
        return await client.PostAsync("/admin/upload", content);
    }

    [Fact]
    public async Task A_corrected_file_is_previewed_without_writing_and_applied_only_on_confirm()
    {
        using var editor = await Editors.SignInAsync(_portal, email: "upload@example.org");
        var corrected = _vol3.Replace("date: 9 月 31 日", "date: 9 月 30 日", StringComparison.Ordinal)
            .Replace("### 《企业净零标准》\nslug: corporate-net-zero-standard\n", "### 《企业净零标准》\nslug: corporate-net-zero-standard\ndraft: yes\n", StringComparison.Ordinal);
        var before = DatabaseDump.Of(_portal);

        var preview = await UploadAsync(editor, "../../etc/vol3 fixed.md", Encoding.UTF8.GetBytes(corrected));

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal(before, DatabaseDump.Of(_portal));
        var page = await Forms.ReadAsync(preview);
        var changed = page.QuerySelectorAll(".plan-entries tr.changed").Select(r => r.TextContent).ToList();
        Assert.Equal(2, changed.Count);
        // The fields that change are named in the interface's language.
        Assert.Contains(changed, r => r.Contains("uk-footprint-on-global-biodiversity", StringComparison.Ordinal) && r.Contains("日期", StringComparison.Ordinal));
        Assert.Contains(changed, r => r.Contains("corporate-net-zero-standard", StringComparison.Ordinal) && r.Contains("草稿", StringComparison.Ordinal));
        Assert.Contains("不变 68 条", page.QuerySelector(".counts")!.TextContent);
        Assert.Equal("vol3 fixed.md", page.QuerySelector(".plan h2")!.TextContent); // a label, never a path

        var applied = await Forms.SubmitAsync(editor, new FormPage("/admin/upload", page), formSelector: "form[action='/admin/upload/apply']");

        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        using var scope = _portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogueDb>();
        Assert.Equal(30, (await db.Entries.SingleAsync(e => e.Slug == "uk-footprint-on-global-biodiversity")).DateDay);
        Assert.False((await db.Entries.SingleAsync(e => e.Slug == "corporate-net-zero-standard")).IsPublished);
        var changeSet = await db.ChangeSets.OrderByDescending(c => c.Id).FirstAsync();
        Assert.Equal(("upload@example.org", "vol3 fixed.md"), (changeSet.Actor, changeSet.File));
    }

    [Fact]
    public async Task A_file_with_errors_lists_them_by_line_offers_no_confirm_and_leaves_the_database_unchanged()
    {
        using var editor = await Editors.SignInAsync(_portal);
        var broken = _vol3.Replace("# 会议与活动", "# 天气", StringComparison.Ordinal).Replace("date: 10月8日", "date: 下周", StringComparison.Ordinal);
        var before = DatabaseDump.Of(_portal);

        var response = await UploadAsync(editor, "broken.md", Encoding.UTF8.GetBytes(broken));

        var page = await Forms.ReadAsync(response);
        var errors = page.QuerySelectorAll(".diagnostics li.error").Select(li => li.TextContent).ToList();
        // In the interface's language, from each problem's template.
        Assert.Contains(errors, e => e.Contains("第 ", StringComparison.Ordinal) && e.Contains("未知栏目“天气”；栏目有：标准和指南 (standards)", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("无法读取日期“下周”", StringComparison.Ordinal));
        Assert.Null(page.QuerySelector("form[action='/admin/upload/apply']"));
        Assert.Equal(before, DatabaseDump.Of(_portal));
    }

    [Fact]
    public async Task A_file_that_is_not_markdown_is_refused_with_a_message()
    {
        using var editor = await Editors.SignInAsync(_portal);
        var before = DatabaseDump.Of(_portal);

        var response = await UploadAsync(editor, "newsletter.docx", Encoding.UTF8.GetBytes(_vol3));

        Assert.Equal("只能上传以 .md 结尾的 Markdown 通讯文件。", Forms.Message(await Forms.ReadAsync(response), "Input.File"));
        Assert.Equal(before, DatabaseDump.Of(_portal));
    }

    [Fact]
    public async Task A_file_over_one_megabyte_is_refused_with_a_message()
    {
        using var editor = await Editors.SignInAsync(_portal);

        var response = await UploadAsync(editor, "huge.md", Encoding.UTF8.GetBytes(_vol3 + new string('x', 1024 * 1024)));

        Assert.Equal("文件超过了通讯文件的上限 1 MB。", Forms.Message(await Forms.ReadAsync(response), "Input.File"));
    }

    [Theory]
    [InlineData("../../etc/passwd.md", "passwd.md")]
    [InlineData("..\\..\\windows\\win.ini.md", "win.ini.md")]
    [InlineData("/etc/cron.d/evil.md", "evil.md")]
    [InlineData("<script>alert(1)</script>.md", "script.md")]
    public async Task The_client_file_name_is_only_a_label_never_a_path(string clientName, string label)
    {
        using var editor = await Editors.SignInAsync(_portal);
        var contentRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "NbsRoundup.Web"));
        var filesBefore = Directory.EnumerateFiles(contentRoot, "*", SearchOption.AllDirectories).Count(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal));
        var corrected = _vol3.Replace("date: 10月8日", "date: 10月9日", StringComparison.Ordinal);

        var preview = await Forms.ReadAsync(await UploadAsync(editor, clientName, Encoding.UTF8.GetBytes(corrected)));

        Assert.Equal(label, preview.QuerySelector(".plan h2")!.TextContent);
        Assert.False(File.Exists("/etc/passwd.md"));
        Assert.False(File.Exists("/etc/cron.d/evil.md"));
        Assert.Equal(filesBefore, Directory.EnumerateFiles(contentRoot, "*", SearchOption.AllDirectories).Count(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal)));
        var applied = await Forms.SubmitAsync(editor, new FormPage("/admin/upload", preview), formSelector: "form[action='/admin/upload/apply']");
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        using var scope = _portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogueDb>();
        Assert.Equal(label, (await db.ChangeSets.OrderByDescending(c => c.Id).FirstAsync()).File);
    }

    [Fact]
    public async Task A_request_far_over_the_limit_is_refused_with_a_page_that_says_why()
    {
        using var editor = await Editors.SignInAsync(_portal);
        var before = DatabaseDump.Of(_portal);

        var response = await UploadAsync(editor, "enormous.md", new byte[3 * 1024 * 1024]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("通讯文件最大为 1 MB", (await Forms.ReadAsync(response)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, DatabaseDump.Of(_portal));
    }

    [Fact]
    public async Task A_confirmation_whose_file_was_altered_imports_nothing()
    {
        using var editor = await Editors.SignInAsync(_portal);
        var preview = await Forms.ReadAsync(await UploadAsync(editor, "vol3.md", Encoding.UTF8.GetBytes(_vol3.Replace("date: 10月8日", "date: 10月9日", StringComparison.Ordinal))));
        var token = preview.QuerySelector("input[name='Input.Token']")!.GetAttribute("value")!;
        var before = DatabaseDump.Of(_portal);

        var response = await Forms.SubmitAsync(editor, new FormPage("/admin/upload", preview), new() { ["Input.Token"] = token[..^4] + "AAAA" },
            formSelector: "form[action='/admin/upload/apply']");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("没有导入任何内容", (await Forms.ReadAsync(response)).QuerySelector("main")!.TextContent);
        Assert.Equal(before, DatabaseDump.Of(_portal));
    }

    private async Task<string> TitleAsync(string slug)
    {
        using var scope = _portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CatalogueDb>().Entries.Where(e => e.Slug == slug).Select(e => e.Title).SingleAsync();
    }

    private static Task<HttpResponseMessage> ApplyAsync(HttpClient editor, FormPage page) =>
        Forms.SubmitAsync(editor, page, formSelector: "form[action='/admin/upload/apply']");

    [Fact]
    public async Task A_confirmation_sent_again_imports_nothing_and_does_not_revert_an_edit_made_since()
    {
        using var editor = await Editors.SignInAsync(_portal);
        var preview = new FormPage("/admin/upload", await Forms.ReadAsync(await UploadAsync(editor, "vol3.md",
            Encoding.UTF8.GetBytes(_vol3.Replace("date: 10月8日", "date: 10月9日", StringComparison.Ordinal)))));
        Assert.Equal(HttpStatusCode.Redirect, (await ApplyAsync(editor, preview)).StatusCode);
        var edit = await Forms.GetAsync(editor, "/admin/entries/corporate-net-zero-standard/edit");
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(editor, edit, new() { ["Input.Title"] = "《企业净零标准》（编辑改过）" })).StatusCode);
        var before = DatabaseDump.Of(_portal);

        var replay = await ApplyAsync(editor, preview);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        var page = await Forms.ReadAsync(replay);
        Assert.Contains("没有导入任何内容", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, DatabaseDump.Of(_portal));
        Assert.Equal("《企业净零标准》（编辑改过）", await TitleAsync("corporate-net-zero-standard"));
        // The fresh preview shows what the file would do now: put the title back, and nothing else.
        Assert.Contains("corporate-net-zero-standard", page.QuerySelector(".plan-entries tr.changed")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_made_after_the_preview_gets_a_fresh_preview_whose_confirmation_then_applies()
    {
        using var editor = await Editors.SignInAsync(_portal);
        var preview = new FormPage("/admin/upload", await Forms.ReadAsync(await UploadAsync(editor, "vol3.md",
            Encoding.UTF8.GetBytes(_vol3.Replace("date: 10月8日", "date: 10月9日", StringComparison.Ordinal)))));
        var edit = await Forms.GetAsync(editor, "/admin/entries/corporate-net-zero-standard/edit");
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(editor, edit, new() { ["Input.Title"] = "《企业净零标准》（预览之后改过）" })).StatusCode);

        var stale = await ApplyAsync(editor, preview);

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var fresh = new FormPage("/admin/upload/apply", await Forms.ReadAsync(stale));
        Assert.Contains("自预览以来已有改动", fresh.Document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("《企业净零标准》（预览之后改过）", await TitleAsync("corporate-net-zero-standard"));
        var changed = fresh.Document.QuerySelectorAll(".plan-entries tr.changed").Select(r => r.TextContent).ToList();
        Assert.Contains(changed, r => r.Contains("corporate-net-zero-standard", StringComparison.Ordinal) && r.Contains("标题", StringComparison.Ordinal));

        // Seen and confirmed: now it applies, once.
        Assert.Equal(HttpStatusCode.Redirect, (await ApplyAsync(editor, fresh)).StatusCode);
        Assert.NotEqual("《企业净零标准》（预览之后改过）", await TitleAsync("corporate-net-zero-standard"));
        Assert.Equal(HttpStatusCode.OK, (await ApplyAsync(editor, fresh)).StatusCode);
    }
}
