using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NbsRoundup.Accounts;

namespace NbsRoundup.Web.Tests.Areas.Admin;

public sealed partial class AccessTests : IDisposable
{
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    /// <summary>Every page of the Admin area and every endpoint under /admin, as the app routes them.</summary>
    private List<(string Url, IReadOnlyList<string> Methods, bool IsPage)> AdminEndpoints()
    {
        var sources = _portal.Services.GetRequiredService<EndpointDataSource>();
        return sources.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>()?.AreaName == "Admin"
                || (e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("admin", StringComparison.OrdinalIgnoreCase))
            .Select(e => ("/" + RouteParameter().Replace(e.RoutePattern.RawText!.TrimStart('/'), "x"),
                (IReadOnlyList<string>)(e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.ToList() ?? ["GET", "POST"]),
                e.Metadata.GetMetadata<PageActionDescriptor>() is not null))
            .DistinctBy(e => e.Item1)
            .ToList();
    }

    [Fact]
    public async Task Every_admin_endpoint_sends_an_anonymous_visitor_to_sign_in_and_refuses_an_anonymous_post()
    {
        var endpoints = AdminEndpoints();
        var before = DatabaseDump.Of(_portal);
        using var client = _portal.CreateClient(new() { AllowAutoRedirect = false });

        // Not a vacuous sweep: the pages and the JSON endpoint are all found.
        Assert.True(endpoints.Count >= 20, string.Join(", ", endpoints.Select(e => e.Url)));
        Assert.Contains(endpoints, e => e.Url == "/admin/api/organisations" && !e.IsPage);
        Assert.Contains(endpoints, e => e.Url == "/admin/entries/x/edit");
        Assert.Contains(endpoints, e => e.Url == "/admin/users/new");
        foreach (var (url, methods, isPage) in endpoints)
        {
            if (methods.Contains("GET"))
            {
                var get = await client.GetAsync(url);
                // A page sends the visitor to sign in; a JSON endpoint answers 401, as an API should.
                if (isPage || get.StatusCode != HttpStatusCode.Unauthorized)
                {
                    Assert.True(get.StatusCode == HttpStatusCode.Redirect, $"GET {url} answered {(int)get.StatusCode}");
                    Assert.StartsWith("/account/sign-in?ReturnUrl=", get.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
                }
            }
            if (methods.Contains("POST"))
            {
                using var content = new FormUrlEncodedContent([new("Input.Title", "anonymous"), new("Input.EntryCount", "70")]);
                var post = await client.PostAsync(url, content);
                Assert.True(post.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden,
                    $"POST {url} answered {(int)post.StatusCode}");
                if (post.StatusCode == HttpStatusCode.Redirect)
                {
                    Assert.StartsWith("/account/sign-in", post.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
                }
            }
        }
        Assert.Equal(before, DatabaseDump.Of(_portal));
    }

    [Fact]
    public async Task An_editor_cannot_reach_account_management_or_the_whole_history()
    {
        using var editor = await Editors.SignInAsync(_portal, PortalRoles.Editor);

        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/admin")).StatusCode);
        foreach (var url in new[] { "/admin/users", "/admin/users/new", "/admin/history" })
        {
            var response = await editor.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        }
        var users = await editor.PostAsync("/admin/users/new", new FormUrlEncodedContent([new("Input.Email", "sneaky@example.org"),
            new("Input.Role", "Admin"), new("Input.Password", "another long passphrase")]));
        Assert.NotEqual(HttpStatusCode.OK, users.StatusCode);
        Assert.DoesNotContain("sneaky@example.org", DatabaseDump.Of(_portal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_opens_an_account_for_an_editor_who_can_then_sign_in()
    {
        using var admin = await Editors.SignInAsync(_portal, PortalRoles.Admin);
        var form = await Forms.GetAsync(admin, "/admin/users/new");

        var response = await Forms.SubmitAsync(admin, form, new() { ["Input.Email"] = "new.editor@example.org", ["Input.Role"] = "Editor", ["Input.Password"] = "a passphrase chosen for them" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("new.editor@example.org", (await Forms.GetAsync(admin, "/admin/users")).Document.QuerySelector("main table")!.TextContent);
        using var client = _portal.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal("/admin", (await Editors.SignInAsync(client, "new.editor@example.org", "a passphrase chosen for them")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_short_password_is_refused_when_an_admin_opens_an_account()
    {
        using var admin = await Editors.SignInAsync(_portal, PortalRoles.Admin);
        var form = await Forms.GetAsync(admin, "/admin/users/new");

        var response = await Forms.SubmitAsync(admin, form, new() { ["Input.Email"] = "short@example.org", ["Input.Password"] = "elevenchars" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("密码至少需要 12 个字符。", Forms.Message(await Forms.ReadAsync(response), "Input.Password"));
        Assert.Equal("short@example.org", (await Forms.ReadAsync(response)).QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Email")!.Value);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_the_right_one_is_refused_while_it_is_locked()
    {
        await Editors.CreateAsync(_portal, "target@example.org", PortalRoles.Editor);
        using var client = _portal.CreateClient(new() { AllowAutoRedirect = false });

        for (var i = 0; i < 5; i++)
        {
            var wrong = await Editors.SignInAsync(client, "target@example.org", "not the password at all");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        var right = await Editors.SignInAsync(client, "target@example.org", Editors.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("已被锁定 15 分钟", (await Forms.ReadAsync(right)).QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_says_so_without_telling_whether_the_account_exists()
    {
        await Editors.CreateAsync(_portal, "known@example.org", PortalRoles.Editor);
        using var client = _portal.CreateClient(new() { AllowAutoRedirect = false });

        var known = await Forms.ReadAsync(await Editors.SignInAsync(client, "known@example.org", "wrong password here"));
        var unknown = await Forms.ReadAsync(await Editors.SignInAsync(client, "nobody@example.org", "wrong password here"));

        Assert.Equal("电子邮箱或密码不正确。", known.QuerySelector(".validation-summary-errors li")!.TextContent);
        Assert.Equal(known.QuerySelector(".validation-summary-errors")!.TextContent, unknown.QuerySelector(".validation-summary-errors")!.TextContent);
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_and_same_site_and_sign_in_never_leaves_the_site()
    {
        await Editors.CreateAsync(_portal, "cookie@example.org", PortalRoles.Editor);
        using var client = _portal.CreateClient(new() { AllowAutoRedirect = false });
        var form = await Forms.GetAsync(client, "/account/sign-in?returnUrl=https%3A%2F%2Fevil.example%2F");

        var response = await Forms.SubmitAsync(client, form, new() { ["Input.Email"] = "cookie@example.org", ["Input.Password"] = Editors.Password });

        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("nbs-editor=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_header_links_to_editing_only_for_signed_in_editors_and_signing_out_ends_the_session()
    {
        using var anonymous = _portal.CreateClient();
        using var editor = await Editors.SignInAsync(_portal);

        var readerPage = await Forms.GetAsync(anonymous, "/");
        var editorPage = await Forms.GetAsync(editor, "/");
        Assert.Null(readerPage.Document.QuerySelector("a[href='/admin']"));
        Assert.NotNull(editorPage.Document.QuerySelector("header a[href='/admin']"));

        var signOut = await Forms.SubmitAsync(editor, editorPage, formSelector: "form.sign-out");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task An_admin_reads_the_whole_history_including_the_first_import()
    {
        using var admin = await Editors.SignInAsync(_portal, PortalRoles.Admin);

        var page = await Forms.GetAsync(admin, "/admin/history");

        var change = page.Document.QuerySelector(".change")!;
        Assert.Contains("Imported", change.QuerySelector(".description")!.TextContent);
        Assert.Contains("2021-11-nbs-roundup-vol3.md", change.QuerySelector(".description")!.TextContent);
        Assert.Equal("first start of the portal", change.QuerySelector(".actor")!.TextContent);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}

internal static class UriExtensions
{
    /// <summary>The path and query of a Location header, relative or absolute.</summary>
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
