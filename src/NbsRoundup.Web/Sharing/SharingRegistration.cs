using NbsRoundup.Web.Hosting;

namespace NbsRoundup.Web.Sharing;

public static class SharingRegistration
{
    public static IServiceCollection AddSharing(this IServiceCollection services)
    {
        // Outside Development and the tests a start without Site:PublicUrl stops, naming the key: the
        // request's Host header is the client's to choose, and it would become the canonical, sitemap
        // and feed address (a cache could keep a page naming another site for every reader).
        services.AddOptions<SiteOptions>().BindConfiguration("Site")
            .Validate<IHostEnvironment>((site, environment) => PortalCookies.PlainHttpAllowed(environment) || IsAddress(site.PublicUrl),
                "Site:PublicUrl must be the address readers reach the portal at, such as https://nbs.example.org (Site__PublicUrl=...): outside Development canonical links, sitemap.xml and feeds are not taken from the request's Host header.")
            .ValidateOnStart();
        services.AddSingleton<PublicAddresses>();
        return services;
    }

    private static bool IsAddress(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
