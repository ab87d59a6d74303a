using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace NbsRoundup.Web.Tests.Areas.Admin;

/// <summary>Log events as Serilog writes them; a sink of its own, which the logger may dispose of freely.</summary>
public sealed class LogCollector : ILogEventSink
{
    public ConcurrentQueue<LogEvent> Events { get; } = new();

    public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);
}

/// <summary>The portal with its log events collected (Serilog reads sinks from the services).</summary>
public sealed class LoggedPortal : PortalFactory
{
    private readonly LogCollector _collector = new();

    public ConcurrentQueue<LogEvent> Events => _collector.Events;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(_collector));
    }
}

/// <summary>The portal outside Development: the sign-in cookie is https-only and host-bound.</summary>
public sealed class ProductionPortal : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("Site:PublicUrl", "https://localhost"); // required outside Development
    }
}

public sealed class SignInTests
{
    [Fact]
    public async Task Failed_sign_ins_are_logged_with_the_address_and_the_outcome_but_never_the_password()
    {
        using var portal = new LoggedPortal();
        await Editors.CreateAsync(portal, "logged@example.org", "Editor");
        using var client = portal.CreateClient(new() { AllowAutoRedirect = false });

        for (var i = 0; i < 6; i++)
        {
            await Editors.SignInAsync(client, "logged@example.org", "secret-guess-number-" + i);
        }

        var attempts = portal.Events.Where(e => e.MessageTemplate.Text.StartsWith("Sign-in for", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, attempts.Count);
        Assert.All(attempts, e => Assert.Equal("\"logged@example.org\"", e.Properties["Email"].ToString()));
        Assert.Equal("\"failed\"", attempts[0].Properties["Outcome"].ToString());
        Assert.Equal("\"locked out\"", attempts[^1].Properties["Outcome"].ToString());
        Assert.DoesNotContain(portal.Events, e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("secret-guess", StringComparison.Ordinal)
            || e.Properties.Values.Any(v => v.ToString().Contains("secret-guess", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Outside_development_the_sign_in_cookie_is_secure_http_only_and_host_bound()
    {
        using var portal = new ProductionPortal();
        await Editors.CreateAsync(portal, "prod@example.org", "Editor");
        using var client = portal.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        var response = await Editors.SignInAsync(client, "prod@example.org", Editors.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-nbs-editor=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
