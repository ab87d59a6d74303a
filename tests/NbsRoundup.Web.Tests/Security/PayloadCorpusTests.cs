using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using NbsRoundup.Accounts;

namespace NbsRoundup.Web.Tests.Security;

/// <summary>
/// Fixtures/payloads.md puts script, handler, javascript: and data: payloads in every field a
/// newsletter file has. Uploaded by an editor, none of them may come alive anywhere the catalogue
/// is shown: pages (readers' and editors'), Atom feeds, exports and the API.
/// </summary>
public sealed class PayloadCorpusTests : IAsyncLifetime, IDisposable
{
    private static readonly byte[] _payloads = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "payloads.md"));
    private readonly PortalFactory _portal = new();
    private HttpClient _editor = null!;

    public async Task InitializeAsync()
    {
        _editor = await Editors.SignInAsync(_portal, PortalRoles.Admin);
        await Uploading.ImportAsync(_editor, "payloads.md", _payloads);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _editor?.Dispose();
        _portal.Dispose();
    }

    private async Task<string> GetAsync(string url, HttpClient? client = null)
    {
        var response = await (client ?? _editor).GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task No_page_of_readers_or_editors_runs_a_payload()
    {
        using var reader = _portal.CreateClient();
        var readerPages = new List<string>
        {
            "/", "/issues/2099-01", "/entries/payload-script", "/entries/payload-code", "/sections", "/sections/research",
            "/organisations", "/organisations/payload-org", "/organisations/svg-onload-alert-new-organisation",
            "/entries?issue=2099-01", "/entries?q=alert", "/entries?organisation=payload-org",
        };
        var editorPages = new List<string>
        {
            "/admin", "/admin/issues/2099-01", "/admin/issues/2099-01/edit", "/admin/entries/payload-script/edit",
            "/admin/entries/payload-script/history", "/admin/history", "/admin/organisations", "/admin/organisations/payload-org/edit",
        };
        var problems = new List<string>();

        foreach (var url in readerPages)
        {
            problems.AddRange(LiveContent.InHtml(await GetAsync(url, reader)).Select(p => $"{url}: {p}"));
        }
        foreach (var url in editorPages)
        {
            problems.AddRange(LiveContent.InHtml(await GetAsync(url)).Select(p => $"{url}: {p}"));
        }
        var preview = await Forms.SubmitAsync(_editor, await Forms.GetAsync(_editor, "/admin/entries/payload-script/edit"), handler: "Preview");
        problems.AddRange(LiveContent.InHtml(await preview.Content.ReadAsStringAsync()).Select(p => $"preview: {p}"));

        Assert.Empty(problems);
        // Not vacuous: the payloads are there, shown as text.
        var entry = await GetAsync("/entries/payload-script", reader);
        Assert.Contains("&lt;script&gt;alert(&#x27;summary script&#x27;)&lt;/script&gt;", entry, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org/ok\"", await GetAsync("/entries/payload-code", reader), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_atom_feed_carries_a_payload_in_its_html_or_its_links()
    {
        var problems = new List<string>();
        foreach (var url in new[] { "/feed", "/entries/feed?issue=2099-01", "/sections/research/feed" })
        {
            var feed = XDocument.Parse(await GetAsync(url));
            XNamespace atom = "http://www.w3.org/2005/Atom";
            Assert.NotEmpty(feed.Descendants(atom + "entry"));
            foreach (var html in feed.Descendants().Where(e => (string?)e.Attribute("type") is "html" or "xhtml"))
            {
                problems.AddRange(LiveContent.InHtml(html.Value, fragment: true).Select(p => $"{url} <{html.Name.LocalName}>: {p}"));
            }
            problems.AddRange(feed.Descendants(atom + "link").Select(l => (string?)l.Attribute("href"))
                .Where(LiveContent.IsLiveUrl).Select(h => $"{url}: link {h}"));
        }

        Assert.Empty(problems);
    }

    [Fact]
    public async Task No_export_or_api_answer_can_run_as_a_page_or_carries_a_live_address()
    {
        var problems = new List<string>();
        foreach (var (url, type) in new[]
        {
            ("/entries/export.csv?issue=2099-01", "text/csv"), ("/entries/export.bib?issue=2099-01", "application/x-bibtex"),
            ("/entries/export.ris?issue=2099-01", "application/x-research-info-systems"), ("/entries/export.json?issue=2099-01", "application/vnd.citationstyles.csl+json"),
            ("/api/entries?issue=2099-01", "application/json"), ("/api/issues/2099-01", "application/json"),
            ("/api/organisations", "application/json"), ("/api/sections", "application/json"),
        })
        {
            var response = await _editor.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            // With nosniff, a body that is not text/html is never rendered as a page, whatever text it holds.
            Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
            var body = await response.Content.ReadAsStringAsync();
            if (!url.StartsWith("/api/sections", StringComparison.Ordinal))
            {
                Assert.Contains("alert", body, StringComparison.Ordinal); // the payloads are in it, as text
            }
            if (type.Contains("json", StringComparison.Ordinal))
            {
                // JSON escapes < and >, so no HTML parser can be tricked by it, and no address field is live.
                Assert.DoesNotContain("<", body, StringComparison.Ordinal);
                problems.AddRange(Addresses(JsonDocument.Parse(body).RootElement, url));
            }
            else
            {
                problems.AddRange(body.Split('\n').Where(l => AddressLine(l) is { } a && LiveContent.IsLiveUrl(a)).Select(l => $"{url}: {l}"));
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_csv_cell_never_starts_a_spreadsheet_formula()
    {
        var bytes = await (await _editor.GetAsync("/entries/export.csv?issue=2099-01")).Content.ReadAsByteArrayAsync();

        using var reader = CsvHelper.CsvReader.Create(bytes);
        var cells = new List<string>();
        while (reader.Read())
        {
            cells.AddRange(NbsRoundup.Exporting.CsvExport.Columns.Select(reader.GetString));
        }
        Assert.Contains(cells, c => c.Contains("alert", StringComparison.Ordinal));
        Assert.DoesNotContain(cells, c => c.Length > 0 && c[0] is '=' or '+' or '-' or '@');
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<script src=\"//evil.example/x.js\"></script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\" java\tscript:alert(1)\">x</a>")]
    [InlineData("<img src=\"data:image/svg+xml;base64,AAAA\">")]
    [InlineData("<iframe src=\"/\"></iframe>")]
    [InlineData("<p style=\"background:url(x)\">x</p>")]
    public void The_detector_finds_each_kind_of_live_content(string html)
    {
        Assert.NotEmpty(LiveContent.InHtml(html, fragment: true));
        Assert.Empty(LiveContent.InHtml("<p><a href=\"https://example.org\">x</a> &lt;script&gt;</p><script src=\"/js/admin.js\"></script>", fragment: true));
    }

    /// <summary>The address of a RIS "UR  - " or BibTeX "url = {...}" line.</summary>
    private static string? AddressLine(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.StartsWith("UR  - ", StringComparison.Ordinal) || trimmed.StartsWith("L1  - ", StringComparison.Ordinal))
        {
            return trimmed[6..];
        }
        if (trimmed.StartsWith("url", StringComparison.OrdinalIgnoreCase) && trimmed.Contains('{', StringComparison.Ordinal))
        {
            return trimmed[(trimmed.IndexOf('{', StringComparison.Ordinal) + 1)..].TrimEnd(',', '}');
        }
        return null;
    }

    private static IEnumerable<string> Addresses(JsonElement element, string url, string name = "")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject().SelectMany(p => Addresses(p.Value, url, p.Name)))
                {
                    yield return p;
                }
                break;
            case JsonValueKind.Array:
                foreach (var p in element.EnumerateArray().SelectMany(e => Addresses(e, url, name)))
                {
                    yield return p;
                }
                break;
            case JsonValueKind.String when name.Contains("url", StringComparison.OrdinalIgnoreCase) || name.Contains("link", StringComparison.OrdinalIgnoreCase):
                if (LiveContent.IsLiveUrl(element.GetString()))
                {
                    yield return $"{url}: {name} = {element.GetString()}";
                }
                break;
            default:
                break;
        }
    }
}
