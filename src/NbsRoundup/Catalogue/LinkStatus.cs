namespace NbsRoundup.Catalogue;

/// <summary>
/// What the link checker last found at an entry's link. It is not part of the entry: recording it makes
/// no new version, no audit record, no search row and no stale page. It holds the link it checked, so a
/// link edited since is not judged by an old check.
/// </summary>
public sealed class LinkStatus
{
    private LinkStatus()
    {
    }

    public LinkStatus(int entryId) => EntryId = entryId;

    public int EntryId { get; private set; }

    /// <summary>The link as it was checked.</summary>
    public string Link { get; private set; } = "";

    /// <summary>When it was checked (UTC).</summary>
    public DateTime CheckedAt { get; private set; }

    /// <summary>The final answer's HTTP status; null when none came (refused, timed out, no connection).</summary>
    public int? StatusCode { get; private set; }

    /// <summary>True when the link did not answer 2xx after its redirects, or may not be fetched.</summary>
    public bool IsBroken { get; private set; }

    /// <summary>Why it is broken, in one line ("… answered 404 Not Found"); null when it works.</summary>
    public string? Problem { get; private set; }

    /// <summary>Where the link ended after redirects, when it moved; null when it answered where it is.</summary>
    public string? FinalUrl { get; private set; }

    /// <summary>Records a check; a problem that does not make the link broken (a site asking to slow down) is kept too.</summary>
    public void Record(string link, DateTime checkedAt, int? statusCode, bool isBroken, string? problem, string? finalUrl)
    {
        Link = link;
        CheckedAt = checkedAt;
        StatusCode = statusCode;
        IsBroken = isBroken;
        Problem = problem is { Length: > 500 } ? problem[..500] : problem;
        FinalUrl = finalUrl == link || finalUrl is { Length: > 2000 } ? null : finalUrl;
    }
}
