using System.Net;
using System.Text;

namespace NbsRoundup.Web.Tests.Areas.Admin.WorkList;

/// <summary>The editors' work list: what each entry still needs, with counts, by issue, in both languages.</summary>
public sealed class WorkListTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_seed_issue_s_awaited_links_are_counted_and_each_leads_to_its_edit_form()
    {
        using var editor = await Editors.SignInAsync(portal);

        var page = (await Forms.GetAsync(editor, "/admin/worklist?issue=2021-11&kind=awaitedlink")).Document;

        var count = page.QuerySelectorAll(".work-counts a").Single(a => a.GetAttribute("href")!.EndsWith("kind=awaitedlink", StringComparison.Ordinal));
        Assert.Equal("28", count.QuerySelector(".count")!.TextContent);
        var items = page.QuerySelectorAll("#work-awaitedlink + .work-items li a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(28, items.Count);
        Assert.Contains("/admin/entries/corporate-net-zero-standard/edit", items);
        Assert.Contains("/admin/entries/event-iclei-cities-with-nature-training-4/edit", items);
        Assert.Equal("链接待补（link: #）", page.QuerySelector("#work-awaitedlink")!.ChildNodes[0].TextContent.Trim());
    }

    [Fact]
    public async Task Every_kind_is_counted_and_the_dates_kept_from_impossible_ones_show_the_date_as_printed()
    {
        using var editor = await Editors.SignInAsync(portal);
        editor.DefaultRequestHeaders.Add("Accept-Language", "en");

        var page = (await Forms.GetAsync(editor, "/admin/worklist")).Document;

        Assert.Equal(6, page.QuerySelectorAll(".work-counts li").Length);
        var impossible = Assert.Single(page.QuerySelectorAll("#work-impossibledate + .work-items li"));
        Assert.Equal("/admin/entries/uk-footprint-on-global-biodiversity/edit", impossible.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("9 月 31 日", impossible.QuerySelector(".detail")!.TextContent);
        Assert.Contains("Link awaited (link: #)", page.QuerySelector(".work-counts")!.TextContent);
        // Entries that name no organisation: the pledges of COP26, among others.
        Assert.Contains(page.QuerySelectorAll("#work-noorganisations + .work-items li a"), a => a.GetAttribute("href") == "/admin/entries/cop26-commitment-forest-pledge/edit");
    }

    [Fact]
    public async Task An_entry_with_no_link_at_all_is_listed_as_having_no_link_apart_from_one_awaiting_its_link()
    {
        using var editor = await Editors.SignInAsync(portal);
        const string file = "---\nslug: 2022-03-links\ntitle: 链接情况\nyear: 2022\nmonth: 3\n---\n\n# 研究和观点\n\n"
            + "### 没有链接的报告\nslug: report-without-link\norganisations: IUCN\n\n原文没有给出链接。\n\n"
            + "### 链接待补的报告\nslug: report-link-awaited\nlink: #\norganisations: IUCN\n\n原文的链接还不知道。\n\n"
            + "### 有链接的报告\nslug: report-with-link\nlink: https://www.iucn.org/resources/report-with-link\norganisations: IUCN\n\n原文有链接。\n";
        await Uploading.ImportAsync(editor, "2022-03-links.md", Encoding.UTF8.GetBytes(file));

        var page = (await Forms.GetAsync(editor, "/admin/worklist?issue=2022-03-links")).Document;

        Assert.Equal("没有链接", page.QuerySelector("#work-missinglink")!.ChildNodes[0].TextContent.Trim());
        var missing = Assert.Single(page.QuerySelectorAll("#work-missinglink + .work-items li a"));
        Assert.Equal("/admin/entries/report-without-link/edit", missing.GetAttribute("href"));
        var awaited = Assert.Single(page.QuerySelectorAll("#work-awaitedlink + .work-items li a"));
        Assert.Equal("/admin/entries/report-link-awaited/edit", awaited.GetAttribute("href"));
        var count = page.QuerySelectorAll(".work-counts a").Single(a => a.GetAttribute("href")!.EndsWith("kind=missinglink", StringComparison.Ordinal));
        Assert.Equal("1", count.QuerySelector(".count")!.TextContent);
    }

    [Fact]
    public async Task The_edit_form_of_an_entry_with_an_impossible_date_says_so()
    {
        using var editor = await Editors.SignInAsync(portal);

        var page = (await Forms.GetAsync(editor, "/admin/entries/uk-footprint-on-global-biodiversity/edit")).Document;

        Assert.Equal("“9 月 31 日”不是真实存在的日期：按原文保留，并读作 2021年9月（只精确到月）。", page.GetElementById("date-warning")!.TextContent.Trim());
        Assert.Contains("date-warning", page.QuerySelector("#Input_Date")!.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task An_unknown_issue_or_kind_is_not_found_and_readers_are_sent_to_sign_in()
    {
        using var editor = await Editors.SignInAsync(portal);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/admin/worklist?issue=1999-01")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/admin/worklist?kind=everything")).StatusCode);

        using var reader = portal.CreateClient(new() { AllowAutoRedirect = false });
        var response = await reader.GetAsync("/admin/worklist");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task An_uploaded_entry_without_tags_is_listed_until_an_editor_confirms_the_suggested_ones()
    {
        using var editor = await Editors.SignInAsync(portal);
        const string file = "---\nslug: 2022-02-suggested\ntitle: 建议标签\nyear: 2022\nmonth: 2\n---\n\n# 研究和观点\n\n"
            + "### 滨海湿地与红树林的恢复\nslug: untagged-wetland-report\norganisations: IUCN\n\n报告讨论了中国滨海湿地和红树林的恢复。\n";
        await Uploading.ImportAsync(editor, "2022-02-suggested.md", Encoding.UTF8.GetBytes(file));

        var page = (await Forms.GetAsync(editor, "/admin/worklist?issue=2022-02-suggested&kind=suggestedtags")).Document;

        var item = Assert.Single(page.QuerySelectorAll("#work-suggestedtags + .work-items li a"));
        Assert.Equal("/admin/entries/untagged-wetland-report/edit", item.GetAttribute("href"));
        // The seed issue is tagged by hand: nothing of it awaits confirmation.
        var seed = (await Forms.GetAsync(editor, "/admin/worklist?issue=2021-11&kind=suggestedtags")).Document;
        Assert.Empty(seed.QuerySelectorAll("#work-suggestedtags + .work-items li"));
    }
}
