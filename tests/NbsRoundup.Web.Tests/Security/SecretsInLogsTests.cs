using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NbsRoundup.Web.Tests.Areas.Admin;
using Serilog.Core;

namespace NbsRoundup.Web.Tests.Security;

/// <summary>The portal logging everything it can, down to Verbose, into a collector.</summary>
public sealed class VerbosePortal : PortalFactory
{
    private readonly LogCollector _collector = new();

    public IEnumerable<string> Lines => _collector.Events.Select(e =>
        e.RenderMessage(CultureInfo.InvariantCulture) + " " + string.Join(" ", e.Properties.Select(p => p.Key + "=" + p.Value)) + " " + e.Exception);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Verbose");
        foreach (var source in new[] { "Microsoft", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Microsoft.Hosting.Lifetime", "System" })
        {
            builder.UseSetting($"Serilog:MinimumLevel:Override:{source}", "Verbose");
        }
        builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(_collector));
    }
}

public sealed class SecretsInLogsTests
{
    [Fact]
    public async Task No_password_cookie_or_antiforgery_token_is_ever_logged_even_at_verbose_level()
    {
        using var portal = new VerbosePortal();
        const string password = "correct horse battery staple for logs";
        const string wrongPassword = "a wrong guess that must stay secret";
        using (var scope = portal.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<NbsRoundup.Accounts.PortalUser>>();
            var user = new NbsRoundup.Accounts.PortalUser { UserName = "quiet@example.org", Email = "quiet@example.org", EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, "Editor")).Succeeded);
        }
        using var client = portal.CreateClient(new() { AllowAutoRedirect = false });
        var secrets = new List<string> { password, wrongPassword };

        // A failed sign-in, a successful one, and a form post, each with its antiforgery token.
        var first = await client.GetAsync("/account/sign-in");
        secrets.AddRange(CookieValues(first)); // the antiforgery cookie
        var signInPage = new FormPage("/account/sign-in", await Forms.ReadAsync(first));
        secrets.Add(Token(signInPage));
        var failed = await Forms.SubmitAsync(client, signInPage, new() { ["Input.Email"] = "quiet@example.org", ["Input.Password"] = wrongPassword });
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        signInPage = await Forms.GetAsync(client, "/account/sign-in");
        secrets.Add(Token(signInPage));
        var signedIn = await Forms.SubmitAsync(client, signInPage, new() { ["Input.Email"] = "quiet@example.org", ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        secrets.AddRange(CookieValues(signedIn));
        var edit = await Forms.GetAsync(client, "/admin/entries/corporate-net-zero-standard/edit");
        secrets.Add(Token(edit));
        var saved = await Forms.SubmitAsync(client, edit, new() { ["Input.Authors"] = "Logged Author" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        secrets.AddRange(CookieValues(saved));

        var lines = portal.Lines.ToList();
        Assert.True(lines.Count > 50, "verbose logging was on");
        Assert.Contains(lines, l => l.Contains("quiet@example.org", StringComparison.Ordinal)); // the sign-ins were logged
        secrets = secrets.Where(s => s.Length >= 16).Distinct().ToList();
        Assert.True(secrets.Count >= 6, string.Join(", ", secrets.Select(s => s.Length)));
        foreach (var secret in secrets)
        {
            // Any 16 characters of a secret would be enough to notice it.
            var probe = secret[..16];
            Assert.DoesNotContain(lines, l => l.Contains(probe, StringComparison.Ordinal));
        }
    }

    private static string Token(FormPage page) =>
        page.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

    private static IEnumerable<string> CookieValues(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(c => c.Split(';')[0]).Select(c => c[(c.IndexOf('=', StringComparison.Ordinal) + 1)..])
            : [];
}
