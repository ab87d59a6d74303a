using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace NbsRoundup.Web.Hosting;

/// <summary>
/// Behind nginx every request comes from the proxy's address over plain http. When the proxies are
/// named in `Hosting:KnownProxies`, their X-Forwarded-For and X-Forwarded-Proto are believed: rate
/// limits and sign-in logs see the reader's address, and the portal knows the reader used https
/// (which `__Host-` cookies need). Headers from any other address are ignored, so nobody can choose
/// their own address by sending the header; with no proxy named nothing is believed at all.
/// </summary>
public static class ReverseProxy
{
    public const string Section = "Hosting:KnownProxies";

    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = KnownProxies(configuration);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the proxies named here: ASP.NET Core would otherwise trust loopback by default.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(proxy);
            }
            // One proxy in front: the last address it appends is the reader's.
            o.ForwardLimit = 1;
        });
        return services;
    }

    public static WebApplication UseReverseProxySupport(this WebApplication app)
    {
        // The addresses were read and checked once, when the options were registered.
        if (app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value.KnownProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }
        return app;
    }

    /// <summary>The configured proxy addresses; a value that is not an address stops the start with its key.</summary>
    private static List<IPAddress> KnownProxies(IConfiguration configuration)
    {
        var proxies = new List<IPAddress>();
        foreach (var entry in configuration.GetSection(Section).GetChildren())
        {
            if (string.IsNullOrWhiteSpace(entry.Value))
            {
                continue;
            }
            if (!IPAddress.TryParse(entry.Value.Trim(), out var address))
            {
                throw new InvalidOperationException($"{entry.Path} = \"{entry.Value}\" is not an IP address (name each reverse proxy by its address, e.g. 127.0.0.1).");
            }
            proxies.Add(address);
        }
        return proxies;
    }
}
