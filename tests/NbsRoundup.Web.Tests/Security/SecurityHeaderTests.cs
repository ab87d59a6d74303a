using System.Net;
using System.Text.RegularExpressions;
using NbsRoundup.Testing;

namespace NbsRoundup.Web.Tests.Security;

public sealed partial class SecurityHeaderTests(PortalFactory shared) : IClassFixture<PortalFactory>
{
    // Pages, static files, feeds, exports, the API, a 404 of each kind, a 400 and a refused POST.
    public static TheoryData<string, string, HttpStatusCode> Responses => new()
    {
        { "GET", "/", HttpStatusCode.OK },
        { "GET", "/issues/2021-11", HttpStatusCode.OK },
        { "GET", "/entries?q=湿地", HttpStatusCode.OK },
        { "GET", "/css/site.css", HttpStatusCode.OK },
        { "GET", "/js/admin.js", HttpStatusCode.OK },
        { "GET", "/entries/feed", HttpStatusCode.OK },
        { "GET", "/entries/export.csv", HttpStatusCode.OK },
        { "GET", "/api/entries", HttpStatusCode.OK },
        { "GET", "/account/sign-in", HttpStatusCode.OK },
        { "GET", "/no-such-page", HttpStatusCode.NotFound },
        { "GET", "/issues/1999-01", HttpStatusCode.NotFound },
        { "GET", "/api/issues/1999-01", HttpStatusCode.NotFound },
        { "GET", "/entries?pageSize=1000", HttpStatusCode.BadRequest },
        { "POST", "/account/sign-in", HttpStatusCode.BadRequest },
        { "GET", "/admin", HttpStatusCode.Redirect },
    };

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url) =>
        method == "POST" ? await client.PostAsync(url, new FormUrlEncodedContent([new("Input.Email", "x@example.org")])) : await client.GetAsync(url);

    private static void AssertHeaders(HttpResponseMessage response, string url)
    {
        var csp = Single(response, "Content-Security-Policy", url);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options", url));
        Assert.Equal("strict-origin-when-cross-origin", Single(response, "Referrer-Policy", url));
        Assert.Equal("DENY", Single(response, "X-Frame-Options", url));
        Assert.False(response.Headers.Contains("Server"), $"{url} names its server");
    }

    private static string Single(HttpResponseMessage response, string name, string url) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? Assert.Single(values)
            : throw new Xunit.Sdk.XunitException($"{url} ({(int)response.StatusCode}) has no {name} header");

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Every_response_carries_the_security_headers_but_no_hsts_in_development(string method, string url, HttpStatusCode status)
    {
        using var client = shared.CreateClient(new() { AllowAutoRedirect = false });

        var response = await SendAsync(client, method, url);

        Assert.Equal(status, response.StatusCode);
        AssertHeaders(response, url);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS would pin a developer's localhost to https");
    }

    [Fact]
    public async Task Outside_development_every_response_also_carries_hsts_for_365_days()
    {
        using var portal = new ConfiguredPortal("Production");
        using var client = portal.CreateHttpsClient();

        foreach (var (method, url, status) in Responses.Select(r => ((string)r[0], (string)r[1], (HttpStatusCode)r[2])))
        {
            var response = await SendAsync(client, method, url);
            Assert.Equal(status, response.StatusCode);
            AssertHeaders(response, url);
            Assert.Equal("max-age=31536000; includeSubDomains", Single(response, "Strict-Transport-Security", url));
        }
    }

    [Fact]
    public async Task Outside_development_a_failing_page_shows_the_error_page_without_a_stack_trace_and_with_the_headers()
    {
        using var portal = new ConfiguredPortal("Production");
        using var client = portal.CreateHttpsClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/issues/2021-11")).StatusCode);
        // The catalogue breaks under the running portal: every query of entries now throws.
        TestEngine.Execute(portal.ConnectionString, "ALTER TABLE \"Entries\" RENAME TO \"EntriesGone\"");

        // Pages not yet in the output cache (the issue page above is, and stays readable).
        var page = await client.GetAsync("/entries/corporate-net-zero-standard");
        var api = await client.GetAsync("/api/entries");

        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("出错了", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        foreach (var (response, body) in new[] { (page, html), (api, await api.Content.ReadAsStringAsync()) })
        {
            Assert.DoesNotMatch(StackTraceLike(), body);
            AssertHeaders(response, response.RequestMessage!.RequestUri!.PathAndQuery);
            Assert.True(response.Headers.Contains("Strict-Transport-Security"));
        }
    }

    [Fact]
    public async Task In_development_the_same_failure_does_show_details_so_the_check_above_can_fail()
    {
        using var portal = new PortalFactory();
        using var client = portal.CreateClient();
        _ = await client.GetAsync("/");
        TestEngine.Execute(portal.ConnectionString, "ALTER TABLE \"Entries\" RENAME TO \"EntriesGone\"");

        var page = await client.GetAsync("/issues/2021-11");

        Assert.Matches(StackTraceLike(), await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public void No_view_has_an_inline_script_style_or_event_handler()
    {
        var web = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "NbsRoundup.Web"));
        var views = Directory.EnumerateFiles(web, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        Assert.True(views.Count > 30);
        var offending = views.SelectMany(f => InlineCode().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetRelativePath(web, f)}: {m.Value}")).ToList();
        Assert.Empty(offending);
    }

    [Fact]
    public async Task The_admin_forms_load_their_script_as_a_file_from_the_portal_itself()
    {
        using var editor = await Editors.SignInAsync(shared);

        var page = await Forms.GetAsync(editor, "/admin/entries/corporate-net-zero-standard/edit");
        var script = Assert.Single(page.Document.QuerySelectorAll("script"));
        var src = script.GetAttribute("src")!;
        Assert.Matches(@"^/js/admin(\.[a-z0-9]+)?\.js$", src); // fingerprinted by MapStaticAssets
        var file = await editor.GetAsync(src);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("text/javascript", file.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(page.Document.QuerySelector("input[data-suggest='/admin/api/organisations']"));
        // The type-ahead's own request passes the connect-src 'self' policy: same origin, JSON.
        var suggestions = await editor.GetAsync("/admin/api/organisations?q=tnc");
        Assert.Contains("\"slug\":\"tnc\"", await suggestions.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle\s*=|\son[a-z]+\s*=|javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex InlineCode();

    // "   at Namespace.Type.Method(" lines, or exception type names.
    [GeneratedRegex(@"\bat [A-Z][\w.]+\.\w+\(|Exception\b|SqliteException|PostgresException|no such table|does not exist", RegexOptions.None)]
    private static partial Regex StackTraceLike();
}
