using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace NbsRoundup.Web.Caching;

/// <summary>
/// Keeps this instance's output cache in step with the catalogue. Before a request may be served
/// from the cache it reads the change log (one small indexed query); changes committed since the
/// last look — by this instance, another instance or a command-line import — evict their tags first.
/// The newest change also gives public pages their ETag and Last-Modified, so a reader's browser
/// revalidates with a 304 instead of downloading a page again.
/// </summary>
public sealed class CacheCoherence(IOutputCacheStore store, ChangeSignal signal, CacheSharing sharing, ILogger<CacheCoherence> logger) : IDisposable
{
    private const string VersionKey = "catalogue-version";
    private readonly SemaphoreSlim _evicting = new(1, 1);
    private long _seen = -1;
    private (long Id, DateTime CommittedAt) _latest;

    public void Dispose() => _evicting.Dispose();

    public static bool IsCacheableRequest(HttpContext context) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && context.User.Identity?.IsAuthenticated != true
        && !context.Request.Headers.ContainsKey(HeaderNames.Authorization);

    /// <summary>Middleware step: catch up with the change log, then answer conditional requests.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!IsPublic(context) || !IsCacheableRequest(context))
        {
            await next(context);
            return;
        }
        var latest = await CatchUpAsync(context, context.RequestAborted);
        context.Items[VersionKey] = latest.Id;
        var etag = new EntityTagHeaderValue($"\"v{latest.Id}-{CultureInfo.CurrentUICulture.Name}\"", isWeak: true);
        var lastModified = new DateTimeOffset(DateTime.SpecifyKind(latest.CommittedAt, DateTimeKind.Utc));
        if (NotModified(context.Request, etag, lastModified))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            context.Response.Headers.ETag = etag.ToString();
            return;
        }
        context.Response.OnStarting(() =>
        {
            if (context.Response.StatusCode == StatusCodes.Status200OK)
            {
                var headers = context.Response.GetTypedHeaders();
                headers.ETag = etag;
                headers.LastModified = lastModified;
                // Revalidate every time: the ETag makes that a cheap 304, and no change is ever missed.
                context.Response.Headers.CacheControl = "no-cache";
            }
            return Task.CompletedTask;
        });
        await next(context);
    }

    /// <summary>True when no change was committed while this request was being answered.</summary>
    public async Task<bool> IsCurrentAsync(HttpContext context, CancellationToken ct)
    {
        if (context.Items[VersionKey] is not long atStart)
        {
            return false;
        }
        await using var scope = context.RequestServices.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogueDb>();
        return await ChangeLog.LatestAsync(db, ct) == atStart;
    }

    /// <summary>
    /// Evicts what commits since the last look made stale. The newest change counts as seen only
    /// once its evictions are done, so a request that finds it already seen may serve from the
    /// cache; a request that finds it new waits for the one evicting (one at a time).
    /// </summary>
    private async Task<(long Id, DateTime CommittedAt)> CatchUpAsync(HttpContext context, CancellationToken ct)
    {
        var db = context.RequestServices.GetRequiredService<CatalogueDb>();
        if (!signal.IsCheap)
        {
            // No local signal (PostgreSQL): one small query per request, but no lock unless something changed,
            // so cached requests do not wait in line for each other's round trips.
            var newest = await ChangeLog.LatestWithTimeAsync(db, ct);
            if (newest.Id == Interlocked.Read(ref _seen))
            {
                return newest;
            }
        }
        await _evicting.WaitAsync(ct);
        try
        {
            var seen = Interlocked.Read(ref _seen);
            if (seen >= 0 && signal.IsCheap && !signal.MayHaveChanged())
            {
                // Nothing committed anywhere since the last look: the cache is current.
                return _latest;
            }
            var latest = await ChangeLog.LatestWithTimeAsync(db, ct);
            if (seen < 0 ? sharing.Shared : latest.Id < seen)
            {
                // A shared cache (Redis) outlives this instance and may hold pages from before changes made
                // while no instance was running; a change log that went backwards means a restored database.
                // Neither says what is stale, so everything is.
                await store.EvictByTagAsync(PortalCachePolicy.EverythingTag, ct);
                logger.LogInformation("Output cache emptied: {Reason}", seen < 0 ? "first request of this instance on a shared cache" : "the change log went back (a restored catalogue)");
            }
            else if (seen >= 0 && latest.Id != seen)
            {
                // The log is read a page at a time; a large import leaves thousands of changes.
                for (var cursor = seen; cursor < latest.Id;)
                {
                    var changes = await ChangeLog.SinceAsync(db, cursor, ct);
                    if (changes.Count == 0)
                    {
                        break;
                    }
                    foreach (var tag in changes.SelectMany(c => CachePolicies.StaleAfter(c.Change)).Distinct())
                    {
                        await store.EvictByTagAsync(tag, ct);
                    }
                    cursor = changes[^1].Id;
                }
                logger.LogDebug("Output cache caught up with change {Change}", latest.Id);
            }
            // On the first request of an instance with its own memory cache, the cache is empty: nothing can be stale.
            _latest = latest;
            Interlocked.Exchange(ref _seen, latest.Id);
            return latest;
        }
        finally
        {
            _evicting.Release();
        }
    }

    private static bool IsPublic(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>() is not null;

    private static bool NotModified(HttpRequest request, EntityTagHeaderValue etag, DateTimeOffset lastModified)
    {
        var headers = request.GetTypedHeaders();
        if (headers.IfNoneMatch.Count > 0)
        {
            return headers.IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
        }
        return headers.IfModifiedSince is { } since && lastModified <= since.AddSeconds(1);
    }
}
