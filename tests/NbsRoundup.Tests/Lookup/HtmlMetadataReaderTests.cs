using System.Text;
using NbsRoundup.Lookup;

namespace NbsRoundup.Tests.Lookup;

/// <summary>Page reading details that need no server: sources' shapes, trust order, language, charsets.</summary>
public sealed class HtmlMetadataReaderTests
{
    private static readonly Uri _address = new("https://www.example.org/news/2021/10/article.html");

    private static LookupResult Read(string head, string body = "", string htmlAttributes = "") =>
        HtmlMetadataReader.Read($"<!DOCTYPE html><html{htmlAttributes}><head>{head}</head><body>{body}</body></html>", _address);

    [Fact]
    public void JSON_LD_authors_as_strings_and_a_publisher_as_a_string_are_read()
    {
        var result = Read("""
            <script type="application/ld+json">
            [{"@context":"https://schema.org","@type":["NewsArticle","Article"],
              "headline":"Brazil pledges to end illegal deforestation by 2028",
              "author":["Jane Doe","Reuters Staff"],
              "publisher":"Reuters",
              "datePublished":"2021-11-02T14:03:00Z",
              "inLanguage":{"@type":"Language","name":"English","alternateName":"en"}}]
            </script>
            """);

        Assert.Equal("Brazil pledges to end illegal deforestation by 2028", result.OriginalTitle);
        Assert.Equal(["Jane Doe"], result.Authors);
        Assert.Equal(["Reuters", "Reuters Staff"], result.Organisations);
        Assert.Equal("2021-11-02", result.DateText);
        Assert.Equal("en", result.Language);
    }

    [Fact]
    public void A_broken_JSON_LD_block_is_skipped_and_the_other_sources_still_count()
    {
        var result = Read("""
            <script type="application/ld+json">{"@type":"Article", "headline": "Broken" </script>
            <meta property="og:title" content="Restoring mangroves in Guangdong">
            <meta property="og:site_name" content="China Dialogue">
            """);

        Assert.Equal("Restoring mangroves in Guangdong", result.OriginalTitle);
        Assert.Equal(["China Dialogue"], result.Organisations);
    }

    [Fact]
    public void Citation_tags_outrank_JSON_LD_which_outranks_OpenGraph()
    {
        var result = Read("""
            <meta property="og:title" content="OpenGraph title">
            <meta property="article:published_time" content="2021-01-01">
            <script type="application/ld+json">{"@type":"ScholarlyArticle","headline":"JSON-LD title","datePublished":"2021-02-02"}</script>
            <meta name="citation_title" content="Highwire title">
            <meta name="citation_publication_date" content="2021/03/03">
            """);

        Assert.Equal("Highwire title", result.OriginalTitle);
        Assert.Equal("2021-03-03", result.DateText);
        Assert.Equal(MetadataSource.Citation, result.Sources[LookupField.Date]);
    }

    [Theory]
    [InlineData(true, true, "Wetland restoration guidance (Dublin Core)", MetadataSource.DublinCore)]
    [InlineData(false, true, "Wetland restoration guidance (OpenGraph)", MetadataSource.OpenGraph)]
    [InlineData(false, false, "Wetland restoration guidance (title element)", MetadataSource.Html)]
    public void Below_JSON_LD_the_title_comes_from_Dublin_Core_then_OpenGraph_then_the_title_element(bool dublinCore, bool openGraph, string title, MetadataSource source)
    {
        // Written in the reverse of the order of trust: the order in the page does not decide.
        var result = Read("<title>Wetland restoration guidance (title element)</title>"
            + (openGraph ? "<meta property=\"og:title\" content=\"Wetland restoration guidance (OpenGraph)\">" : "")
            + (dublinCore ? "<meta name=\"DC.title\" content=\"Wetland restoration guidance (Dublin Core)\">" : ""));

        Assert.Equal(title, result.OriginalTitle);
        Assert.Equal(source, result.Sources[LookupField.OriginalTitle]);
    }

    [Fact]
    public void Dublin_Core_gives_title_creators_publisher_date_and_language()
    {
        var result = Read("""
            <meta name="DC.title" content="Guidelines for Integrating Ecosystem-based Adaptation into National Adaptation Plans">
            <meta name="DC.creator" content="Terton, Anika">
            <meta name="DC.creator" content="International Institute for Sustainable Development">
            <meta name="DC.publisher" content="UNEP">
            <meta name="DCTERMS.issued" content="2021-09-06">
            <meta name="DC.language" content="en">
            """);

        Assert.Equal(["Anika Terton"], result.Authors);
        Assert.Equal(["International Institute for Sustainable Development", "UNEP"], result.Organisations);
        Assert.Equal("2021-09-06", result.DateText);
        Assert.Equal(MetadataSource.DublinCore, result.Sources[LookupField.OriginalTitle]);
    }

    [Fact]
    public void A_Chinese_page_whose_template_says_lang_en_is_Chinese()
    {
        var result = Read("<title>自然资源部办公厅关于印发《红树林生态修复手册》的通知</title><meta name=\"ContentSource\" content=\"自然资源部办公厅\">",
            "<p>为贯彻落实《红树林保护修复专项行动计划（2020－2025年）》，自然资源部组织编制了《红树林生态修复手册》。</p>",
            " lang=\"en\"");

        Assert.Equal("zh", result.Language);
        Assert.Equal(MetadataSource.Script, result.Sources[LookupField.Language]);
        Assert.Equal("自然资源部办公厅关于印发《红树林生态修复手册》的通知", result.Title);
    }

    [Fact]
    public void The_site_name_is_cut_from_a_title_element()
    {
        var result = Read("<title>国家林业和草原局 - 《“十四五”林业草原保护发展规划纲要》印发</title><meta property=\"og:site_name\" content=\"国家林业和草原局\">");

        Assert.Equal("《“十四五”林业草原保护发展规划纲要》印发", result.Title);
    }

    [Fact]
    public void The_site_name_is_cut_from_an_OpenGraph_title_too()
    {
        var result = Read("<meta property=\"og:title\" content=\"Natural Climate Solutions Handbook | The Nature Conservancy\"><meta property=\"og:site_name\" content=\"The Nature Conservancy\">");

        Assert.Equal("Natural Climate Solutions Handbook", result.OriginalTitle);
    }

    [Fact]
    public void An_English_page_titled_only_with_its_Chinese_site_name_has_no_Chinese_title()
    {
        var result = Read("<title>中华人民共和国生态环境部</title><meta name=\"SiteName\" content=\"中华人民共和国生态环境部\">"
            + "<meta name=\"ArticleTitle\" content=\"MEE releases the 2021 Report on the State of the Ecology and Environment in China\">");

        Assert.Null(result.Title);
        Assert.Equal("MEE releases the 2021 Report on the State of the Ecology and Environment in China", result.OriginalTitle);
    }

    [Fact]
    public void A_title_with_a_dash_of_its_own_keeps_it()
    {
        var result = Read("<title>Nature-based Solutions - Key Messages for Policy Makers</title>");

        Assert.Equal("Nature-based Solutions - Key Messages for Policy Makers", result.OriginalTitle);
    }

    [Fact]
    public void Relative_links_resolve_against_the_base_element()
    {
        var result = Read("<base href=\"https://www.example.org/en/\"><link rel=\"canonical\" href=\"reports/nbs-2021\"><meta name=\"citation_pdf_url\" content=\"files/nbs-2021.pdf\">");

        Assert.Equal("https://www.example.org/en/reports/nbs-2021", result.Link);
        Assert.Equal("https://www.example.org/en/files/nbs-2021.pdf", result.PdfLink);
    }

    [Fact]
    public void A_page_without_any_metadata_gives_its_title_element_and_address()
    {
        var result = Read("<title>Events</title>", "<p>Upcoming events of the network.</p>");

        Assert.Equal("Events", result.OriginalTitle);
        Assert.Equal(_address.AbsoluteUri, result.Link);
        Assert.Empty(result.Organisations);
        Assert.Null(result.Date);
    }

    [Fact]
    public void The_charset_of_the_header_wins_over_a_wrong_meta_tag()
    {
        var bytes = Encoding.UTF8.GetBytes("<html><head><meta charset=\"gbk\"><title>湿地公约第十四届缔约方大会</title></head></html>");

        var result = HtmlMetadataReader.Read(new FetchedDocument(_address, _address, 200, "text/html", "utf-8", null, bytes, []));

        Assert.Equal("湿地公约第十四届缔约方大会", result.Title);
    }

    [Theory]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">")]
    [InlineData("<meta charset=\"GBK\">")]
    [InlineData("<meta charset=\"gb18030\">")]
    [InlineData("")]
    public void GBK_pages_decode_from_their_meta_tag_or_undeclared(string declaration)
    {
        // 镕 is in GBK but not in GB2312: pages that say gb2312 are read as GBK, as browsers do.
        var html = $"<html><head>{declaration}<title>朱镕基考察湿地保护工作</title></head></html>";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(936).GetBytes(html);

        var result = HtmlMetadataReader.Read(new FetchedDocument(_address, _address, 200, "text/html", null, null, bytes, []));

        Assert.Equal("朱镕基考察湿地保护工作", result.Title);
    }

    [Fact]
    public void A_byte_order_mark_decides_the_encoding()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("<meta charset=\"gbk\"><title>红树林</title>")).ToArray();

        var result = HtmlMetadataReader.Read(new FetchedDocument(_address, _address, 200, "text/html", "gbk", null, bytes, []));

        Assert.Equal("红树林", result.Title);
    }
}
