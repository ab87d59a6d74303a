using System.Text.Json;
using NbsRoundup.Catalogue;
using NbsRoundup.Lookup;
using NbsRoundup.Testing;

namespace NbsRoundup.Tests.Lookup;

/// <summary>Looking up the kinds of link editors paste, served by the fixture server.</summary>
[Collection(LookupServerGroup.Name)]
public sealed class LinkLookupTests : IDisposable
{
    private readonly LookupFixtureServer _server;
    private readonly LinkLookup _lookup;

    public LinkLookupTests(LookupFixtureServer server)
    {
        _server = server;
        _lookup = new LinkLookup(new LinkLookupOptions
        {
            DoiResolver = server.Url("/doi"),
            Fetcher = new SafeFetcherOptions { AllowPrivateAddresses = true },
        });
    }

    public void Dispose() => _lookup.Dispose();

    private async Task<LookupResult> Found(string urlOrDoi)
    {
        var outcome = await _lookup.LookupAsync(urlOrDoi);
        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
        return outcome.Value!;
    }

    [Fact]
    public async Task Journal_article_gives_its_English_title_as_original_with_authors_journal_date_and_doi()
    {
        var result = await Found(_server.Url("/doi/full/10.1111/gcb.15513").AbsoluteUri);

        Assert.Null(result.Title);
        Assert.Equal("Getting the message right on nature‐based solutions to climate change", result.OriginalTitle);
        Assert.Equal(["Nathalie Seddon", "Alison Smith", "Pete Smith", "Isabel Key"], result.Authors);
        Assert.Equal(["John Wiley & Sons, Ltd", "Global Change Biology", "Wiley Online Library"], result.Organisations);
        Assert.Equal("2021-04", result.DateText);
        Assert.Equal(DatePrecision.Month, result.Date!.Precision);
        Assert.Equal("10.1111/gcb.15513", result.Doi);
        Assert.Equal(_server.Url("/doi/pdf/10.1111/gcb.15513").AbsoluteUri, result.PdfLink);
        Assert.Equal("en", result.Language);
        Assert.Equal(MetadataSource.Citation, result.Sources[LookupField.OriginalTitle]);
        Assert.Equal(MetadataSource.Citation, result.Sources[LookupField.Authors]);
    }

    [Fact]
    public async Task Report_page_with_only_OpenGraph_and_JSON_LD_names_its_publisher_authors_and_month()
    {
        var result = await Found(_server.Url("/research/mangroves?utm_source=twitter").AbsoluteUri);

        Assert.Equal("The State of the World's Mangroves 2021", result.OriginalTitle);
        Assert.Null(result.Title);
        // The publisher is only an @id reference in the @graph; the report's organisation author follows it.
        Assert.Equal(["World Resources Institute", "Global Mangrove Alliance"], result.Organisations);
        Assert.Equal(["Lorenzo Alfieri", "Mark Spalding"], result.Authors);
        Assert.Equal("2021-10", result.DateText);
        Assert.Equal("en", result.Language);
        // No canonical link: og:url, not the address with its tracking parameter.
        Assert.Equal(_server.Url("/research/state-worlds-mangroves-2021").AbsoluteUri, result.Link);
        Assert.Equal(MetadataSource.JsonLd, result.Sources[LookupField.Organisations]);
        Assert.Equal(MetadataSource.OpenGraph, result.Sources[LookupField.Link]);
    }

    [Fact]
    public async Task Chinese_government_notice_in_GBK_is_read_from_its_CMS_meta_tags()
    {
        var result = await Found(_server.Url("/xxgk2018/notice.shtml").AbsoluteUri);

        Assert.Equal("关于印发《生态保护修复成效评估技术指南（试行）》的通知", result.Title);
        Assert.Null(result.OriginalTitle);
        // ContentSource, then SiteName, which is the same ministry under its full name.
        Assert.Equal(["生态环境部"], result.Organisations);
        Assert.Empty(result.Authors);
        Assert.Equal("2021-10-12", result.DateText);
        Assert.Equal("zh", result.Language);
        Assert.Equal(_server.Url("/xxgk2018/xxgk/xxgk06/202110/t20211012_956023.shtml").AbsoluteUri, result.Link);
        Assert.Equal(MetadataSource.GovernmentCms, result.Sources[LookupField.Title]);
        Assert.Equal(MetadataSource.Script, result.Sources[LookupField.Language]);
    }

    [Fact]
    public async Task Chinese_page_that_also_gives_an_English_title_fills_both_titles()
    {
        var result = await Found(_server.Url("/articles/stxb202101010001").AbsoluteUri);

        Assert.Equal("基于自然的解决方案：概念、框架与应用", result.Title);
        Assert.Equal("Nature-based solutions: concepts, framework and applications", result.OriginalTitle);
        Assert.Equal(["王晓东", "李静"], result.Authors);
        Assert.Equal(["科学出版社", "生态学报"], result.Organisations);
        Assert.Equal("2021-09-08", result.DateText);
        Assert.Equal("zh", result.Language);
    }

    [Fact]
    public async Task Canonical_link_replaces_the_address_that_was_pasted()
    {
        var pasted = _server.Url("/news/kunming?utm_source=wechat&from=timeline");
        var result = await Found(pasted.AbsoluteUri);

        Assert.Equal(new Uri(pasted, "../2021/10/13/kunming-declaration.html").AbsoluteUri, result.Link);
        Assert.Equal(MetadataSource.Html, result.Sources[LookupField.Link]);
        Assert.Equal("《昆明宣言》正式发布", result.Title);
        Assert.Equal(["中国网"], result.Organisations);
        Assert.Equal(["李明"], result.Authors);
        Assert.Equal("2021-10-13", result.DateText);
        Assert.Equal("zh", result.Language);
    }

    [Fact]
    public async Task Canonical_link_to_the_home_page_is_a_template_mistake_and_the_address_is_kept()
    {
        var result = await Found(_server.Url("/news/standard-launch").AbsoluteUri);

        Assert.Equal(_server.Url("/news/standard-launch").AbsoluteUri, result.Link);
        Assert.Equal(MetadataSource.Http, result.Sources[LookupField.Link]);
        // "| IUCN" is the site's name, not part of the title.
        Assert.Equal("IUCN launches a global standard for nature-based solutions", result.OriginalTitle);
        Assert.Equal("2020-07-23", result.DateText);
    }

    [Fact]
    public async Task PDF_without_a_document_title_takes_the_largest_lines_of_its_cover_and_the_printed_date()
    {
        var result = await Found(_server.Url("/reports/mangroves.pdf").AbsoluteUri);

        Assert.Equal("The State of the World's Mangroves 2021", result.OriginalTitle);
        Assert.Equal("2021-10", result.DateText);
        // InDesign and the PDF library made the file; they did not publish it.
        Assert.Empty(result.Organisations);
        Assert.Equal(_server.Url("/reports/mangroves.pdf").AbsoluteUri, result.Link);
        Assert.Equal("en", result.Language);
        Assert.Equal(MetadataSource.PdfText, result.Sources[LookupField.OriginalTitle]);
    }

    [Fact]
    public async Task Chinese_PDF_whose_document_title_is_a_file_name_takes_its_cover_title()
    {
        var result = await Found(_server.Url("/reports/mangrove-manual.pdf").AbsoluteUri);

        Assert.Equal("红树林生态修复手册", result.Title);
        Assert.Null(result.OriginalTitle);
        Assert.Equal("2021-10", result.DateText);
        // Chromium and Skia made the file.
        Assert.Empty(result.Organisations);
        Assert.Equal("zh", result.Language);
    }

    [Fact]
    public async Task PDF_served_as_octet_stream_is_recognised_and_its_document_information_read()
    {
        var result = await Found(_server.Url("/reports/nbs-mitigation.pdf").AbsoluteUri);

        Assert.Equal("Nature-based solutions for climate change mitigation", result.OriginalTitle);
        Assert.Equal(MetadataSource.PdfInfo, result.Sources[LookupField.OriginalTitle]);
        Assert.Equal(["Nathalie Seddon"], result.Authors);
        Assert.Equal(["United Nations Environment Programme"], result.Organisations);
        Assert.Equal("2021-11-05", result.DateText);
    }

    [Theory]
    [InlineData("10.1111/gcb.15513")]
    [InlineData("doi:10.1111/GCB.15513")]
    [InlineData("https://doi.org/10.1111/gcb.15513")]
    [InlineData("http://dx.doi.org/10.1111%2Fgcb.15513")]
    public async Task DOI_in_any_spelling_is_resolved_by_content_negotiation(string input)
    {
        var result = await Found(input);

        // The record's markup (<i>) is dropped.
        Assert.Equal("Getting the message right on nature‐based solutions to climate change", result.OriginalTitle);
        Assert.Equal(["Nathalie Seddon", "Alison Smith", "Pete Smith", "Isabel Key"], result.Authors);
        Assert.Equal(["Wiley", "Global Change Biology", "Nature-based Solutions Initiative"], result.Organisations);
        Assert.Equal("2021-04", result.DateText);
        Assert.Equal("https://doi.org/10.1111/gcb.15513", result.Link);
        Assert.Equal("10.1111/gcb.15513", result.Doi);
        Assert.Equal("en", result.Language);
        Assert.All(result.Sources.Values, s => Assert.Equal(MetadataSource.Doi, s));
    }

    [Fact]
    public async Task DOI_whose_agency_has_no_record_is_read_from_its_landing_page()
    {
        var result = await Found(LookupFixtureServer.LandingPageDoi);

        Assert.Equal("基于自然的解决方案：概念、框架与应用", result.Title);
        Assert.Equal(LookupFixtureServer.LandingPageDoi, result.Doi);
    }

    [Fact]
    public async Task Unregistered_DOI_fails_saying_so()
    {
        var outcome = await _lookup.LookupAsync("10.9999/no-such-thing");

        Assert.False(outcome.Succeeded);
        Assert.Equal(FailureKind.HttpStatus, outcome.Failure!.Kind);
        Assert.Equal("the DOI 10.9999/no-such-thing is not registered", outcome.Failure.Message);
    }

    [Fact]
    public async Task Zip_file_is_refused_as_a_kind_of_content_that_cannot_be_read()
    {
        var outcome = await _lookup.LookupAsync(_server.Url("/data/archive.zip").AbsoluteUri);

        Assert.Equal(FailureKind.UnsupportedContentType, outcome.Failure!.Kind);
        Assert.Contains("application/zip", outcome.Failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://example.org/report.pdf")]
    [InlineData("javascript:alert(1)")]
    [InlineData("the state of the world's mangroves")]
    [InlineData("")]
    public async Task Text_that_is_neither_an_address_nor_a_DOI_is_refused(string input)
    {
        var outcome = await _lookup.LookupAsync(input);

        Assert.Equal(FailureKind.InvalidInput, outcome.Failure!.Kind);
        Assert.DoesNotContain('\n', outcome.Failure.Message);
    }

    [Fact]
    public async Task Page_answering_404_fails_with_its_status()
    {
        var outcome = await _lookup.LookupAsync(_server.Url("/gone").AbsoluteUri);

        Assert.Equal(FailureKind.HttpStatus, outcome.Failure!.Kind);
        Assert.Equal(404, outcome.Failure.StatusCode);
        Assert.Equal($"{_server.Origin}/gone answered 404 Not Found", outcome.Failure.Message);
    }

    [Fact]
    public async Task Result_serialises_to_the_command_line_shape()
    {
        var result = await Found(_server.Url("/xxgk2018/notice.shtml").AbsoluteUri);

        using var json = JsonDocument.Parse(result.ToJson());
        var root = json.RootElement;
        Assert.Equal("关于印发《生态保护修复成效评估技术指南（试行）》的通知", root.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("originalTitle").ValueKind);
        Assert.Equal("生态环境部", root.GetProperty("organisations")[0].GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("authors").ValueKind);
        Assert.Equal("2021-10-12", root.GetProperty("date").GetString());
        Assert.Equal("zh", root.GetProperty("language").GetString());
        Assert.StartsWith("http://127.0.0.1:", root.GetProperty("link").GetString(), StringComparison.Ordinal);
        Assert.Equal("GovernmentCms", root.GetProperty("sources").GetProperty("title").GetString());
        // Chinese is written as is, for a terminal to show.
        Assert.Contains("生态环境部", result.ToJson(), StringComparison.Ordinal);
        var names = root.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["title", "originalTitle", "organisations", "authors", "date", "link", "language"], names.Take(7));
    }
}
