using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using NbsRoundup.Search;
using Microsoft.Net.Http.Headers;

namespace NbsRoundup.Web.Caching;

/// <summary>
/// Caches what anonymous readers get: GET and HEAD, status 200, no cookie set, varied by the
/// interface language, the compression the reader accepts and the query parameters the answer reads, tagged for exact eviction. Editors
/// (signed in) always get a fresh page. A response computed while a change was committed is not
/// stored: it may show the catalogue from before the change.
/// </summary>
internal sealed class PortalCachePolicy(Func<HttpContext, IEnumerable<string>> tags) : IOutputCachePolicy
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(6);

    /// <summary>On every cached response: what CacheCoherence evicts when it cannot know what is stale.</summary>
    public const string EverythingTag = "portal";

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var attempt = CacheCoherence.IsCacheableRequest(http);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = attempt;
        context.AllowCacheStorage = attempt;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        // Only the parameters the answer reads: any other query string would be a new cache entry, and a
        // new page computed, for every value a client cares to send.
        context.CacheVaryByRules.QueryKeys = ReadsCatalogueQueryAttribute.Of(http) ? new StringValues([.. CatalogueQuery.Parameters]) : StringValues.Empty;
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        context.CacheVaryByRules.VaryByValues["encoding"] = Encoding(http.Request);
        context.Tags.Add(EverythingTag);
        foreach (var tag in tags(http))
        {
            context.Tags.Add(tag);
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public async ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey(HeaderNames.SetCookie))
        {
            context.AllowCacheStorage = false;
            return;
        }
        foreach (var tag in CachePolicies.AddedTags(context.HttpContext))
        {
            context.Tags.Add(tag);
        }
        if (context.AllowCacheStorage && !await context.HttpContext.RequestServices.GetRequiredService<CacheCoherence>().IsCurrentAsync(context.HttpContext, cancellation))
        {
            context.AllowCacheStorage = false;
        }
    }

    /// <summary>The compression a reader will get, as one of three values rather than the raw header.</summary>
    private static string Encoding(HttpRequest request)
    {
        var accepted = request.Headers.AcceptEncoding.ToString();
        return accepted.Contains("br", StringComparison.OrdinalIgnoreCase) ? "br"
            : accepted.Contains("gzip", StringComparison.OrdinalIgnoreCase) ? "gzip"
            : "identity";
    }
}
