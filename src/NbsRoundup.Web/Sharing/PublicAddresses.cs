using Microsoft.Extensions.Options;

namespace NbsRoundup.Web.Sharing;

/// <summary>Site:PublicUrl, the address readers reach the portal at ("https://nbs.example.org").</summary>
public sealed class SiteOptions
{
    public string? PublicUrl { get; set; }
}

/// <summary>
/// Absolute addresses of the portal's pages, for canonical links, OpenGraph tags, sitemap.xml
/// and robots.txt. Behind a proxy the request's own host may be an internal name, and the Host
/// header is the client's to choose, so a configured Site:PublicUrl wins over the request.
/// </summary>
public sealed class PublicAddresses(IOptions<SiteOptions> options)
{
    public string Base(HttpRequest request) =>
        options.Value.PublicUrl is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}";

    /// <summary>The absolute address of a path of this portal ("/issues/2021-11").</summary>
    public string For(HttpRequest request, string path) => Base(request) + path;

    /// <summary>This page's address without its query: ?lang=en and the like are not other pages.</summary>
    public string Canonical(HttpRequest request) => Base(request) + request.Path.ToUriComponent();
}
