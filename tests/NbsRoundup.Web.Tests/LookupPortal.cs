using Microsoft.AspNetCore.Hosting;
using NbsRoundup.Testing;

namespace NbsRoundup.Web.Tests;

/// <summary>
/// A portal whose link look-up may reach the fixture server on 127.0.0.1 (Lookup:AllowPrivateAddresses, as
/// for local testing), with the fixture server's DOI resolver and a short pause between requests to one host.
/// </summary>
public sealed class LookupPortal : PortalFactory, IAsyncLifetime
{
    public LookupFixtureServer Sites { get; } = new();

    public async Task InitializeAsync()
    {
        await Sites.InitializeAsync();
        // Started (migrated and seeded from content/) before any test, which may begin with a command on its database.
        _ = Services;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Sites.DisposeAsync();
        Dispose();
    }

    /// <summary>The configuration arguments a command verb needs to look up links as this portal does.</summary>
    public string[] LookupArguments =>
        ["--Lookup:AllowPrivateAddresses=true", $"--Lookup:DoiResolver={Sites.Url("/doi").AbsoluteUri}", "--Lookup:CheckPerHostPauseMilliseconds=20"];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Lookup:AllowPrivateAddresses", "true");
        builder.UseSetting("Lookup:DoiResolver", Sites.Url("/doi").AbsoluteUri);
        builder.UseSetting("Lookup:CheckPerHostPauseMilliseconds", "20");
    }
}
