using NbsRoundup.Search;

namespace NbsRoundup.Web.Hosting;

/// <summary>
/// Reads the change log and loads the newest issue once before the first reader arrives. EF Core compiles each query shape once
/// per process, and the first query of a process also builds the query pipeline itself: together about
/// half a second that the first reader of the page most readers open first would otherwise wait for.
/// Start-up runs this on another core while the endpoints are mapped. It only reads; when it fails,
/// start-up logs it and goes on, and the page compiles its queries on its first request as before.
/// </summary>
internal static class ReaderWarmUp
{
    public static async Task RunAsync(IServiceProvider services, ILogger logger, CancellationToken ct = default)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CatalogueDb>();
            // Every request's look at the change log (CacheCoherence), then the page.
            await ChangeLog.LatestWithTimeAsync(db, ct);
            var newest = await db.Issues.AsNoTracking().Published()
                .NewestFirst()
                .Select(i => i.Slug).FirstOrDefaultAsync(ct);
            if (newest is not null)
            {
                await IssueContents.LoadAsync(db, newest, ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Loading the newest issue before the first request failed; its page will compile its queries when first asked");
        }
    }
}
