using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NbsRoundup.Data;
using NbsRoundup.Web.Commands;

namespace NbsRoundup.Web.Tests.Areas.Admin.Entries;

/// <summary>
/// "Fill from link" on the entry forms and the `lookup` command, against the fixture server's pages
/// (a journal article, a report page, a Chinese government notice in GBK, PDFs, a DOI, redirects).
/// </summary>
public sealed class FillFromLinkTests(LookupPortal portal) : IClassFixture<LookupPortal>
{
    private const string NewEntry = "/admin/issues/2021-11/entries/new?section=research";

    private async Task<(HttpClient Editor, FormPage Form)> NewFormAsync(string? culture = null)
    {
        var editor = await Editors.SignInAsync(portal);
        if (culture is not null)
        {
            editor.DefaultRequestHeaders.Add("Accept-Language", culture);
        }
        return (editor, await Forms.GetAsync(editor, NewEntry));
    }

    private static async Task<IHtmlDocument> FillAsync(HttpClient editor, FormPage form, string link)
    {
        var response = await Forms.SubmitAsync(editor, form, new() { ["Input.Link"] = link }, handler: "Fill");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Forms.ReadAsync(response);
    }

    private static string Value(IHtmlDocument page, string id) =>
        page.GetElementById(id) switch
        {
            IHtmlInputElement input => input.Value,
            IHtmlTextAreaElement area => area.Value,
            var other => throw new InvalidOperationException($"#{id} is {other?.TagName ?? "missing"}"),
        };

    /// <summary>Saves the form; when it comes back once with warnings (another test's entry may look alike), saves it again.</summary>
    private static async Task<HttpResponseMessage> SaveAsync(HttpClient editor, FormPage form, Dictionary<string, string?>? values = null)
    {
        var response = await Forms.SubmitAsync(editor, form, values);
        if (response.StatusCode == HttpStatusCode.OK && await Forms.ReadAsync(response) is var page && page.GetElementById("entry-warnings") is not null)
        {
            response = await Forms.SubmitAsync(editor, new FormPage(form.Url, page));
        }
        return response;
    }

    private static string Mark(IHtmlDocument page, string id) =>
        page.QuerySelector($"label[for='{id}'] .filled-mark")?.TextContent.Trim() ?? "";

    [Fact]
    public async Task A_journal_article_fills_its_English_title_as_original_with_authors_date_and_publishers_each_marked_and_saves_nothing()
    {
        var (editor, form) = await NewFormAsync();
        var before = DatabaseDump.Of(portal);

        var page = await FillAsync(editor, form, portal.Sites.Url("/doi/full/10.1111/gcb.15513").AbsoluteUri);

        Assert.Equal("", Value(page, "Input_Title")); // left for the editor: the page is in English
        Assert.Equal("Getting the message right on nature‐based solutions to climate change", Value(page, "Input_OriginalTitle"));
        Assert.Equal("Nathalie Seddon et al.", Value(page, "Input_Authors"));
        Assert.Equal("2021-04", Value(page, "Input_Date"));
        Assert.Equal("John Wiley & Sons, Ltd; Global Change Biology; Wiley Online Library", Value(page, "Input_Organisations"));
        Assert.Equal("从链接填入：citation_* 元标签", Mark(page, "Input_OriginalTitle"));
        Assert.Equal("从链接填入：citation_* 元标签", Mark(page, "Input_Authors"));
        Assert.Equal("", Mark(page, "Input_Title"));
        Assert.Equal(3, page.QuerySelectorAll(".proposed-organisations .badge.new").Length);
        Assert.Equal(before, DatabaseDump.Of(portal));
    }

    [Fact]
    public async Task A_report_page_names_publishers_the_catalogue_knows_by_their_catalogue_names()
    {
        var (editor, form) = await NewFormAsync();

        var page = await FillAsync(editor, form, portal.Sites.Url("/research/mangroves?utm_source=twitter").AbsoluteUri);

        Assert.Equal("The State of the World's Mangroves 2021", Value(page, "Input_OriginalTitle"));
        Assert.Equal("World Resources Institute; Global Mangrove Alliance", Value(page, "Input_Organisations"));
        var known = page.QuerySelectorAll(".proposed-organisations a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/organisations/wri", "/organisations/gma"], known);
        Assert.Empty(page.QuerySelectorAll(".proposed-organisations .badge.new"));
        Assert.Equal("Lorenzo Alfieri, Mark Spalding", Value(page, "Input_Authors"));
        Assert.Equal("2021-10", Value(page, "Input_Date"));
        // No canonical link: og:url, without the tracking parameter that was pasted.
        Assert.Equal(portal.Sites.Url("/research/state-worlds-mangroves-2021").AbsoluteUri, Value(page, "Input_Link"));
        Assert.Equal("从链接填入：OpenGraph", Mark(page, "Input_Link"));
        Assert.Equal("从链接填入：JSON-LD", Mark(page, "Input_Organisations"));
    }

    [Fact]
    public async Task A_Chinese_government_notice_in_GBK_fills_the_Chinese_title_and_proposes_its_ministry_as_a_new_organisation()
    {
        var (editor, form) = await NewFormAsync();

        var page = await FillAsync(editor, form, portal.Sites.Url("/xxgk2018/notice.shtml").AbsoluteUri);

        Assert.Equal("关于印发《生态保护修复成效评估技术指南（试行）》的通知", Value(page, "Input_Title"));
        Assert.Equal("", Value(page, "Input_OriginalTitle"));
        Assert.Equal("生态环境部", Value(page, "Input_Organisations"));
        Assert.Single(page.QuerySelectorAll(".proposed-organisations .badge.new"));
        Assert.Equal("2021-10-12", Value(page, "Input_Date"));
        Assert.Equal("从链接填入：政府网站元标签", Mark(page, "Input_Title"));
    }

    [Fact]
    public async Task A_PDF_fills_from_its_document_information_and_shows_the_entry_the_catalogue_already_has_with_that_title()
    {
        var (editor, form) = await NewFormAsync();

        var page = await FillAsync(editor, form, portal.Sites.Url("/reports/nbs-mitigation.pdf").AbsoluteUri);

        Assert.Equal("Nature-based solutions for climate change mitigation", Value(page, "Input_OriginalTitle"));
        Assert.Equal("United Nations Environment Programme", Value(page, "Input_Organisations"));
        Assert.Equal("从链接填入：PDF 文档信息", Mark(page, "Input_OriginalTitle"));
        var duplicate = Assert.Single(page.QuerySelectorAll("#entry-warnings .duplicates li"));
        Assert.Equal("/admin/entries/unep-iucn-nbs-climate-mitigation/edit", duplicate.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("标题几乎相同", duplicate.TextContent);
    }

    [Fact]
    public async Task A_DOI_fills_from_its_record_and_links_to_doi_org()
    {
        var (editor, form) = await NewFormAsync();

        var page = await FillAsync(editor, form, "10.1111/gcb.15513");

        Assert.Equal("https://doi.org/10.1111/gcb.15513", Value(page, "Input_Link"));
        Assert.Equal("Getting the message right on nature‐based solutions to climate change", Value(page, "Input_OriginalTitle"));
        // The Nature-based Solutions Initiative is in the catalogue; Wiley and the journal are not.
        Assert.Equal("Wiley; Global Change Biology; Nature-based Solutions Initiative", Value(page, "Input_Organisations"));
        Assert.Equal("从链接填入：DOI 记录", Mark(page, "Input_Date"));
    }

    [Fact]
    public async Task A_link_that_redirects_is_filled_with_the_address_it_ends_at()
    {
        var (editor, form) = await NewFormAsync();

        var page = await FillAsync(editor, form, portal.Sites.Url("/redirect/3").AbsoluteUri);

        Assert.Equal(portal.Sites.Url("/redirect/0").AbsoluteUri, Value(page, "Input_Link"));
        Assert.Equal("Arrived after the redirects", Value(page, "Input_OriginalTitle"));
    }

    [Fact]
    public async Task Paste_fill_correct_the_Chinese_title_and_save_puts_the_entry_in_the_issue_in_English_too()
    {
        var (editor, form) = await NewFormAsync("en");
        var page = await FillAsync(editor, form, portal.Sites.Url("/research/mangroves").AbsoluteUri);
        Assert.Equal("filled from the link: JSON-LD", Mark(page, "Input_Organisations"));

        var saved = await SaveAsync(editor, new FormPage(NewEntry, page), new() { ["Input.Title"] = "《2021年全球红树林状况》", ["Input.Slug"] = "mangroves-2021-filled" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var scope = portal.Services.CreateScope();
        var entry = await scope.ServiceProvider.GetRequiredService<CatalogueDb>().Entries.AsNoTracking()
            .Include(e => e.Organisations).ThenInclude(o => o.Organisation).SingleAsync(e => e.Slug == "mangroves-2021-filled");
        Assert.Equal(("《2021年全球红树林状况》", "The State of the World's Mangroves 2021", "2021-10"), (entry.Title, entry.OriginalTitle, entry.Date!.Iso));
        Assert.Equal(["wri", "gma"], entry.Organisations.OrderBy(o => o.Position).Select(o => o.Organisation.Slug));
        Assert.Equal(portal.Sites.Url("/research/state-worlds-mangroves-2021").AbsoluteUri, entry.Link);
        var issue = await portal.GetPageAsync("/issues/2021-11");
        Assert.Equal("《2021年全球红树林状况》", issue.GetElementById("mangroves-2021-filled")!.QuerySelector(".entry-title")!.TextContent.Trim());
    }

    [Fact]
    public async Task Filling_again_from_the_same_link_keeps_what_the_editor_typed_since()
    {
        var (editor, form) = await NewFormAsync();
        var filled = await FillAsync(editor, form, portal.Sites.Url("/reports/nbs-mitigation.pdf").AbsoluteUri);

        // Enter in a field without the script presses the first button: "Fill from link" again.
        var again = await Forms.SubmitAsync(editor, new FormPage(NewEntry, filled),
            new() { ["Input.OriginalTitle"] = "Nature-based Solutions for Climate Change Mitigation", ["Input.Date"] = "" }, handler: "Fill");

        var page = await Forms.ReadAsync(again);
        Assert.Equal("Nature-based Solutions for Climate Change Mitigation", Value(page, "Input_OriginalTitle"));
        Assert.Equal("2021-11-05", Value(page, "Input_Date")); // left blank, so filled again
    }

    [Fact]
    public async Task An_entry_awaiting_its_link_gets_it_on_the_edit_form_and_stops_waiting()
    {
        using var editor = await Editors.SignInAsync(portal);
        var form = await Forms.GetAsync(editor, "/admin/entries/state-of-the-worlds-mangroves/edit");
        Assert.True(form.Document.QuerySelector<IHtmlInputElement>("#Input_LinkAwaited")!.IsChecked);

        var page = await Forms.ReadAsync(await Forms.SubmitAsync(editor, form, new() { ["Input.Link"] = portal.Sites.Url("/reports/mangroves.pdf").AbsoluteUri }, handler: "Fill"));
        Assert.False(page.QuerySelector<IHtmlInputElement>("#Input_LinkAwaited")!.IsChecked);
        Assert.Equal("The State of the World's Mangroves 2021", Value(page, "Input_OriginalTitle"));
        Assert.Equal("The state of the world's mangroves", page.QuerySelector("label[for='Input_OriginalTitle'] ~ .filled-before")!.TextContent.Split('：', 2)[1]);
        var saved = await SaveAsync(editor, new FormPage("/admin/entries/state-of-the-worlds-mangroves/edit", page));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var scope = portal.Services.CreateScope();
        var entry = await scope.ServiceProvider.GetRequiredService<CatalogueDb>().Entries.AsNoTracking().SingleAsync(e => e.Slug == "state-of-the-worlds-mangroves");
        Assert.Equal((portal.Sites.Url("/reports/mangroves.pdf").AbsoluteUri, false), (entry.Link, entry.AwaitsLink));
        Assert.Equal(portal.Sites.Origin[7..] + "/reports/mangroves.pdf", entry.LinkKey);
    }

    [Fact]
    public async Task The_lookup_command_prints_one_JSON_object_with_organisations_resolved_and_duplicates()
    {
        var (exit, output, _) = await RunAsync("lookup", portal.Sites.Url("/reports/nbs-mitigation.pdf").AbsoluteUri);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("Nature-based solutions for climate change mitigation", root.GetProperty("originalTitle").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("title").ValueKind);
        var organisation = Assert.Single(root.GetProperty("organisations").EnumerateArray());
        Assert.Equal(("unep", "United Nations Environment Programme", false),
            (organisation.GetProperty("slug").GetString(), organisation.GetProperty("name").GetString(), organisation.GetProperty("isNew").GetBoolean()));
        Assert.Equal(["Nathalie Seddon"], root.GetProperty("authors").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("2021-11-05", root.GetProperty("date").GetString());
        // A PDF names no canonical address: the link is the one it was fetched from.
        Assert.Equal(portal.Sites.Url("/reports/nbs-mitigation.pdf").AbsoluteUri, root.GetProperty("link").GetString());
        Assert.True(root.TryGetProperty("language", out _));
        var duplicate = Assert.Single(root.GetProperty("duplicates").EnumerateArray());
        Assert.Equal(("unep-iucn-nbs-climate-mitigation", "《基于自然的解决方案减缓气候变化》", "title"),
            (duplicate.GetProperty("slug").GetString(), duplicate.GetProperty("title").GetString(), duplicate.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task The_lookup_command_resolves_a_publisher_named_by_one_of_an_organisation_s_aliases_to_that_organisation()
    {
        // The page names IUCN as "世界自然保护联盟", an alias the seed catalogue records for it.
        var (exit, output, _) = await RunAsync("lookup", portal.Sites.Url("/news/coastal-wetlands").AbsoluteUri);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var organisation = Assert.Single(json.RootElement.GetProperty("organisations").EnumerateArray());
        Assert.Equal(("iucn", "International Union for Conservation of Nature", false),
            (organisation.GetProperty("slug").GetString(), organisation.GetProperty("name").GetString(), organisation.GetProperty("isNew").GetBoolean()));
        Assert.Equal("滨海湿地保护与恢复：基于自然的解决方案在中国的实践", json.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_lookup_command_names_new_organisations_and_the_slug_they_would_get()
    {
        var (exit, output, _) = await RunAsync("lookup", portal.Sites.Url("/xxgk2018/notice.shtml").AbsoluteUri);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var organisation = Assert.Single(json.RootElement.GetProperty("organisations").EnumerateArray());
        Assert.Equal("生态环境部", organisation.GetProperty("name").GetString());
        Assert.True(organisation.GetProperty("isNew").GetBoolean());
        Assert.StartsWith("o-", organisation.GetProperty("slug").GetString());
        Assert.Equal("关于印发《生态保护修复成效评估技术指南（试行）》的通知", json.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_lookup_command_exits_with_one_line_when_the_page_cannot_be_read()
    {
        var (exit, output, error) = await RunAsync("lookup", portal.Sites.Url("/gone").AbsoluteUri);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Equal($"{portal.Sites.Origin}/gone answered 404 Not Found", error.Trim());
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync([.. args, .. portal.DatabaseArguments, .. portal.LookupArguments], output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
