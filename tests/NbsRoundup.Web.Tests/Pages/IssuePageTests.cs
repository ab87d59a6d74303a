namespace NbsRoundup.Web.Tests.Pages;

public class IssuePageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_issue_page_holds_every_entry_in_newsletter_order()
    {
        var page = await portal.GetPageAsync("/issues/2021-11");

        var entries = page.QuerySelectorAll("article.entry");
        Assert.Equal(70, entries.Length);
        Assert.Equal("corporate-net-zero-standard", entries[0].Id);
        Assert.Equal("event-iclei-cities-with-nature-training-4", entries[^1].Id);
        Assert.Equal(["standards", "research", "cop26", "cop15", "policy", "cooperation", "events"],
            page.QuerySelectorAll("section.issue-section").Select(s => s.Id));
    }

    [Fact]
    public async Task The_table_of_contents_links_to_every_section_and_entry_on_the_page()
    {
        var page = await portal.GetPageAsync("/issues/2021-11");

        var targets = page.QuerySelectorAll("nav.toc a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(7 + 70, targets.Count);
        Assert.All(targets, href => Assert.NotNull(page.GetElementById(href.TrimStart('#'))));
    }

    [Fact]
    public async Task An_entry_shows_title_original_title_organisations_and_date()
    {
        var page = await portal.GetPageAsync("/issues/2021-11");

        var entry = page.GetElementById("unep-iucn-nbs-climate-mitigation")!;
        Assert.Equal("《基于自然的解决方案减缓气候变化》", entry.QuerySelector(".entry-title")!.TextContent.Trim());
        var original = entry.QuerySelector(".original-title")!;
        Assert.Equal("Nature-based solutions for climate change mitigation", original.TextContent);
        Assert.Equal("en", original.GetAttribute("lang"));
        Assert.Equal(["UNEP", "IUCN"], entry.QuerySelectorAll(".organisations a").Select(a => a.TextContent));
        var time = entry.QuerySelector("time")!;
        Assert.Equal(("2021-11-05", "2021年11月5日"), (time.GetAttribute("datetime"), time.TextContent));
    }

    [Fact]
    public async Task Dates_are_shown_at_their_own_precision()
    {
        var page = await portal.GetPageAsync("/issues/2021-11");

        var month = page.GetElementById("corporate-net-zero-standard")!.QuerySelector("time")!;
        Assert.Equal(("2021-10", "2021年10月"), (month.GetAttribute("datetime"), month.TextContent));
        var impossible = page.GetElementById("uk-footprint-on-global-biodiversity")!.QuerySelector("time")!;
        Assert.Equal(("2021-09", "2021年9月", "9 月 31 日"), (impossible.GetAttribute("datetime"), impossible.TextContent, impossible.GetAttribute("title")));
    }

    [Fact]
    public async Task Quoted_views_show_the_quotation_and_the_speaker()
    {
        var page = await portal.GetPageAsync("/issues/2021-11");

        var quote = page.GetElementById("cop26-view-laurence-tubiana")!;
        Assert.Contains("气候变化和生物多样性是同一个问题的两个组成部分", quote.QuerySelector("blockquote")!.TextContent);
        Assert.Equal("—— Laurence Tubiana, CEO of the European Climate Foundation", quote.QuerySelector("blockquote footer")!.TextContent.Trim());
    }

    [Fact]
    public async Task Sub_headings_and_section_introductions_are_shown()
    {
        var page = await portal.GetPageAsync("/issues/2021-11");

        Assert.Equal(["国际", "国内", "中国连发五份应对气候变化重要文件，10月24日-10月28日", "国内"], page.GetElementById("policy")!.QuerySelectorAll(".subheading").Select(h => h.TextContent));
        Assert.StartsWith("联合国气候变化框架公约（UNFCCC）", page.GetElementById("cop26")!.QuerySelector(".section-intro")!.TextContent.Trim());
    }

    [Fact]
    public async Task No_pdf_leftovers_or_placeholder_links_reach_the_reader()
    {
        var page = await portal.GetPageAsync("/issues/2021-11");

        var text = page.QuerySelector("main")!.TextContent;
        Assert.DoesNotContain(".pdf", text);
        Assert.DoesNotContain("二维码", text);
        Assert.DoesNotContain(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "#");
        Assert.Contains("以支持不同国家推进其国家适应计划。", text);
    }

    [Fact]
    public async Task The_page_reads_on_a_phone()
    {
        var page = await portal.GetPageAsync("/issues/2021-11");

        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("width=device-width", page.QuerySelector("meta[name=viewport]")!.GetAttribute("content"));
    }
}
