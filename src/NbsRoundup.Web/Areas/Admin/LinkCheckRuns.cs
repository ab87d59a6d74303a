using System.Threading.Channels;
using NbsRoundup.LinkChecking;

namespace NbsRoundup.Web.Areas.Admin;

/// <summary>Where the admin area's link check is: running (how far), or the last one's outcome.</summary>
public sealed record LinkCheckState(bool Running, string? IssueSlug, string? StartedBy, int Checked, int Total, int Broken, DateTime? FinishedAt, bool Failed);

/// <summary>
/// Link checks started from the admin area, run in the background one at a time. Checking every link
/// of a catalogue takes minutes to hours (a pause per host, 10 s for a silent site), far longer than a
/// web request may wait, and an editor's click must not start a second check while one runs; so the
/// button only asks for a check, and the work list shows how far it has come. A check stops when the
/// portal stops; the links checked by then keep their status.
/// </summary>
public sealed class LinkCheckRuns(IServiceScopeFactory scopes, LinkChecker checker, ILogger<LinkCheckRuns> logger) : BackgroundService
{
    private readonly Channel<(string? Issue, string Actor)> _requests = Channel.CreateBounded<(string?, string)>(1);
    private readonly Lock _gate = new();
    private LinkCheckState? _state;

    /// <summary>The running check, or the last one; null before the first.</summary>
    public LinkCheckState? State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>Asks for a check of one issue's links (null: every link); false when one is already running.</summary>
    public bool TryStart(string? issueSlug, string actor)
    {
        lock (_gate)
        {
            if (_state is { Running: true } || !_requests.Writer.TryWrite((issueSlug, actor)))
            {
                return false;
            }
            _state = new LinkCheckState(true, issueSlug, actor, 0, 0, 0, null, false);
            return true;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (issue, actor) in _requests.Reader.ReadAllAsync(stoppingToken))
        {
            var failed = false;
            try
            {
                logger.LogInformation("{Actor} started a link check of {Scope}", actor, issue ?? "every issue");
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CatalogueDb>();
                await checker.RunAsync(db, issue, new Progress(this), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failed = true;
                logger.LogError(e, "The link check of {Scope} failed", issue ?? "every issue");
            }
            lock (_gate)
            {
                _state = _state! with { Running = false, FinishedAt = DateTime.UtcNow, Failed = failed };
            }
        }
    }

    // Reported synchronously: Progress<T> would post to the thread pool and could land after the finish.
    private sealed class Progress(LinkCheckRuns runs) : IProgress<LinkCheckProgress>
    {
        public void Report(LinkCheckProgress value)
        {
            lock (runs._gate)
            {
                runs._state = runs._state! with { Checked = value.Checked, Total = value.Total, Broken = value.Broken };
            }
        }
    }
}
