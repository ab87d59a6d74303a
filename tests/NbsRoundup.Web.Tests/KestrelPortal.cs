using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace NbsRoundup.Web.Tests;

/// <summary>
/// The portal on a real Kestrel port on loopback: for what the in-memory test server does not do
/// as Kestrel does (request limits, its own 413 and 414 answers, header validation).
/// </summary>
public class KestrelPortal : PortalFactory
{
    public KestrelPortal()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        // CreateClient's clients talk to the Kestrel port (their default address is http://localhost/).
        ClientOptions.BaseAddress = BaseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Over the network: the test server's redirect and cookie handlers do not apply to a real socket.</summary>
    public override HttpClient CreateBrowserClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() }) { BaseAddress = BaseAddress };
}
