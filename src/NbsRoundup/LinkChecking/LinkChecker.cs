using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NbsRoundup.Catalogue;
using NbsRoundup.Data;
using NbsRoundup.Lookup;

namespace NbsRoundup.LinkChecking;

/// <summary>Settings of <see cref="LinkChecker"/>.</summary>
public sealed record LinkCheckOptions
{
    /// <summary>Hosts checked at the same time. 4.</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>Pause between two requests to the same host. 1 s.</summary>
    public TimeSpan PerHostPause { get; init; } = TimeSpan.FromSeconds(1);
}

/// <summary>How far a check has come.</summary>
public sealed record LinkCheckProgress(int Checked, int Total, int Broken);

/// <summary>What a check found: how many links it checked and how many are broken.</summary>
public sealed record LinkCheckReport(int Checked, int Broken, IReadOnlyList<BrokenLink> BrokenLinks);

/// <summary>A broken link, for the command's report.</summary>
public sealed record BrokenLink(string Slug, string Link, string Problem);

/// <summary>
/// Checks every entry's link (of one issue, or of the catalogue) with the fetcher's address rules: HEAD,
/// then GET when a server refuses HEAD (SafeFetcher.CheckAsync). Hosts are checked a few at a time, each
/// host's links one after another with a pause between them, so no site is hammered. What each link
/// answered is recorded in LinkStatus (status, problem, when): not an edit of the entry, so no version,
/// audit record, search row or stale page. Drafts are checked too. Never run on a reader's request.
/// </summary>
public sealed class LinkChecker(SafeFetcher fetcher, LinkCheckOptions? options = null, ILogger<LinkChecker>? logger = null, TimeProvider? time = null)
{
    private const int BatchSize = 25;

    private readonly LinkCheckOptions _options = options ?? new LinkCheckOptions();
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    private sealed record Target(int Id, string Slug, string Link);

    private sealed record Result(Target Target, LinkCheck Check, DateTime At);

    /// <summary>Checks the links of an issue (null: of every issue) and records what they answered.</summary>
    /// <returns>Null when there is no issue with that slug.</returns>
    public async Task<LinkCheckReport?> RunAsync(CatalogueDb db, string? issueSlug, IProgress<LinkCheckProgress>? progress = null, CancellationToken ct = default)
    {
        if (issueSlug is not null && !await db.Issues.AnyAsync(i => i.Slug == issueSlug, ct))
        {
            return null;
        }
        var targets = await db.Entries.AsNoTracking()
            .Where(e => e.Link != null && (issueSlug == null || e.Issue.Slug == issueSlug))
            .OrderBy(e => e.Id)
            .Select(e => new Target(e.Id, e.Slug, e.Link!))
            .ToListAsync(ct);
        _logger.LogInformation("Checking {Count} links of {Scope}", targets.Count, issueSlug ?? "every issue");
        progress?.Report(new LinkCheckProgress(0, targets.Count, 0));

        // Not SingleReader: that channel cannot count what waits in it, which says when to write a batch.
        var results = Channel.CreateUnbounded<Result>();
        var checking = CheckAllAsync(targets, results.Writer, ct);
        var broken = new List<BrokenLink>();
        var done = 0;
        var batch = new List<Result>();
        await foreach (var result in results.Reader.ReadAllAsync(ct))
        {
            batch.Add(result);
            done++;
            if (IsBroken(result.Check))
            {
                broken.Add(new BrokenLink(result.Target.Slug, SafeFetcher.Redact(result.Check.Url), result.Check.Failure!.Message));
            }
            if (batch.Count >= BatchSize || results.Reader.Count == 0)
            {
                await RecordAsync(db, batch, ct);
                batch.Clear();
                progress?.Report(new LinkCheckProgress(done, targets.Count, broken.Count));
            }
        }
        await checking;
        await RecordAsync(db, batch, ct);
        progress?.Report(new LinkCheckProgress(done, targets.Count, broken.Count));
        _logger.LogInformation("Checked {Count} links: {Broken} broken", done, broken.Count);
        return new LinkCheckReport(done, broken.Count, broken);
    }

    private async Task CheckAllAsync(IReadOnlyList<Target> targets, ChannelWriter<Result> results, CancellationToken ct)
    {
        try
        {
            var byHost = targets.GroupBy(t => Uri.TryCreate(t.Link, UriKind.Absolute, out var url) ? url.IdnHost.ToLowerInvariant() : "");
            await Parallel.ForEachAsync(byHost, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.Concurrency), CancellationToken = ct },
                async (host, token) =>
                {
                    var first = true;
                    foreach (var target in host)
                    {
                        if (!first)
                        {
                            await Task.Delay(_options.PerHostPause, _time, token);
                        }
                        first = false;
                        var check = Uri.TryCreate(target.Link, UriKind.Absolute, out var url)
                            ? await fetcher.CheckAsync(url, token)
                            : new LinkCheck(new Uri("about:blank"), null, null, "HEAD", 0,
                                new LookupFailure(FailureKind.InvalidInput, "the link is not an absolute address"));
                        await results.WriteAsync(new Result(target, check, _time.GetUtcNow().UtcDateTime), token);
                    }
                });
            results.Complete();
        }
        catch (Exception e)
        {
            results.Complete(e);
            throw;
        }
    }

    // A site that asks to slow down (429) has not lost the page.
    private static bool IsBroken(LinkCheck check) => check.Failure is { StatusCode: not 429 };

    private static async Task RecordAsync(CatalogueDb db, List<Result> batch, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return;
        }
        var ids = batch.Select(r => r.Target.Id).ToList();
        var statuses = await db.LinkStatuses.Where(s => ids.Contains(s.EntryId)).ToDictionaryAsync(s => s.EntryId, ct);
        // An entry deleted while its link was checked has nothing to record against.
        var existing = await db.Entries.Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct);
        foreach (var result in batch.Where(r => existing.Contains(r.Target.Id)))
        {
            if (!statuses.TryGetValue(result.Target.Id, out var status))
            {
                status = new LinkStatus(result.Target.Id);
                db.LinkStatuses.Add(status);
                statuses[result.Target.Id] = status;
            }
            var check = result.Check;
            status.Record(result.Target.Link, result.At, check.StatusCode, IsBroken(check), check.Failure?.Message,
                check.FinalUrl?.AbsoluteUri);
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
