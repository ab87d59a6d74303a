using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NbsRoundup.Testing;

namespace NbsRoundup.Browser.Tests;

/// <summary>
/// The portal on a real Kestrel port on loopback, over a fresh database of its own (TestEngine's:
/// an SQLite file by default) that its first start migrates and seeds from content/, as `dotnet
/// run` does on a new machine.
/// </summary>
public sealed class KestrelPortal : WebApplicationFactory<Program>
{
    public KestrelPortal()
    {
        ConnectionString = TestEngine.CreateDatabase("nbs-browser");
        // Loopback only, on a port the system picks: tests never collide and nothing is exposed.
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.Single());
    }

    /// <summary>Where the browser finds the portal, "http://127.0.0.1:41234/".</summary>
    public Uri BaseAddress { get; }

    /// <summary>The portal's catalogue.</summary>
    public string ConnectionString { get; }

    /// <summary>The configuration arguments a command verb needs to work on this portal's catalogue (`user add`).</summary>
    public string[] DatabaseArguments => [$"--Database:Provider={TestEngine.Provider}", $"--ConnectionStrings:Catalogue={ConnectionString}"];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", TestEngine.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Catalogue", ConnectionString);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Every page of a browser test comes from one address: the per-client limits are not what they test.
        builder.UseSetting("RateLimits:SignIn:PermitLimit", "100000");
        builder.UseSetting("RateLimits:Search:PermitLimit", "100000");
        // "Fill from link" reads the fixture server on 127.0.0.1: the switch for local testing.
        builder.UseSetting("Lookup:AllowPrivateAddresses", "true");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        TestEngine.DropDatabase(ConnectionString);
    }
}
