using System.Net;
using NbsRoundup.Accounts;

namespace NbsRoundup.Web.Tests.Security;

public sealed class SessionTests : IDisposable
{
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    /// <summary>The sign-in cookie a client holds, as "name=value", to replay from another client.</summary>
    private static async Task<(HttpClient Client, string Cookie)> SignInAsync(PortalFactory portal, string email, string role = PortalRoles.Editor)
    {
        await Editors.CreateAsync(portal, email, role);
        var client = portal.CreateClient(new() { AllowAutoRedirect = false });
        var response = await Editors.SignInAsync(client, email, Editors.Password);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("nbs-editor=", StringComparison.Ordinal)).Split(';')[0];
        return (client, cookie);
    }

    /// <summary>What a stolen copy of the cookie gets at /admin: 200 while the session lives, a redirect once it is over.</summary>
    private async Task<HttpStatusCode> ReplayAsync(string cookie)
    {
        using var thief = _portal.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
        request.Headers.Add("Cookie", cookie);
        return (await thief.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task Signing_out_ends_the_session_for_every_copy_of_the_cookie()
    {
        var (editor, cookie) = await SignInAsync(_portal, "leaving@example.org");
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(cookie));

        var page = await Forms.GetAsync(editor, "/");
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(editor, page, formSelector: "form.sign-out")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(cookie));
        Assert.Equal(HttpStatusCode.Redirect, (await editor.GetAsync("/admin")).StatusCode);
        editor.Dispose();
    }

    [Fact]
    public async Task Removing_an_account_ends_its_open_session_at_its_next_request()
    {
        var (editor, cookie) = await SignInAsync(_portal, "removed@example.org");
        using var admin = await Editors.SignInAsync(_portal, PortalRoles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/admin")).StatusCode);
        var accounts = await Forms.GetAsync(admin, "/admin/users");
        var remove = accounts.Document.QuerySelectorAll("tr").Single(r => r.TextContent.Contains("removed@example.org", StringComparison.Ordinal))
            .QuerySelector("a.danger")!.GetAttribute("href")!;

        var removed = await Forms.SubmitAsync(admin, await Forms.GetAsync(admin, remove));

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var next = await editor.GetAsync("/admin/issues/2021-11");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Equal("/account/sign-in", new Uri(new Uri("http://localhost"), next.Headers.Location!).AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(cookie));
        editor.Dispose();
    }

    [Fact]
    public async Task A_new_password_set_on_the_command_line_ends_open_sessions()
    {
        var (editor, cookie) = await SignInAsync(_portal, "reset@example.org");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await NbsRoundup.Web.Commands.CommandLine.RunAsync(["user", "reset-password", "--email", "reset@example.org", .. _portal.DatabaseArguments],
            output, error, new StringReader("a completely new passphrase\na completely new passphrase\n"));

        Assert.True(exit == 0, error.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await editor.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(cookie));
        editor.Dispose();
    }

    [Fact]
    public async Task Outside_development_every_session_and_token_cookie_is_host_bound_secure_http_only_and_same_site()
    {
        using var portal = new ConfiguredPortal("Production");
        await Editors.CreateAsync(portal, "cookies@example.org", PortalRoles.Editor);
        using var client = portal.CreateHttpsClient();

        var form = await client.GetAsync("/account/sign-in");
        var page = new FormPage("/account/sign-in", await Forms.ReadAsync(form));
        var signIn = await Forms.SubmitAsync(client, page, new() { ["Input.Email"] = "cookies@example.org", ["Input.Password"] = Editors.Password });

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookies = form.Headers.GetValues("Set-Cookie").Concat(signIn.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(cookies, c => c.StartsWith("__Host-nbs-antiforgery=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("__Host-nbs-editor=", StringComparison.Ordinal));
        Assert.All(cookies, c =>
        {
            Assert.StartsWith("__Host-", c, StringComparison.Ordinal);
            Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; httponly", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; path=/", c, StringComparison.OrdinalIgnoreCase);
            Assert.Matches("(?i); samesite=(lax|strict)", c);
            Assert.DoesNotContain("domain=", c, StringComparison.OrdinalIgnoreCase);
        });
        Assert.Contains("samesite=strict", cookies.Single(c => c.StartsWith("__Host-nbs-antiforgery=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
    }
}
