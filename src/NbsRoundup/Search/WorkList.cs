using Microsoft.EntityFrameworkCore;
using NbsRoundup.Catalogue;
using NbsRoundup.Data;

namespace NbsRoundup.Search;

/// <summary>What an entry on the editors' work list still needs.</summary>
public enum WorkKind
{
    /// <summary>The source printed a link that is not known yet (`link: #`).</summary>
    AwaitedLink,
    /// <summary>No link at all.</summary>
    MissingLink,
    /// <summary>The link checker found the link broken (for the link the entry has now).</summary>
    BrokenLink,
    /// <summary>Topics or places suggested by the portal that no editor has confirmed.</summary>
    SuggestedTags,
    /// <summary>No organisation named.</summary>
    NoOrganisations,
    /// <summary>The date as printed does not exist ("9月31日"): kept at the month, the day needs checking.</summary>
    ImpossibleDate,
}

/// <summary>An entry on the work list, with the detail of what it needs (the broken link's problem, the date as printed).</summary>
public sealed record WorkItem(WorkKind Kind, string Slug, string Title, string IssueSlug, string SectionKey, bool IsDraft, string? Detail);

/// <summary>The work list: how many entries need each kind of work, and the entries of one kind (or a few of each).</summary>
public sealed record WorkListResult(IReadOnlyDictionary<WorkKind, int> Counts, IReadOnlyList<WorkItem> Items, int Shown);

/// <summary>
/// The editors' work list: entries whose link is awaited, missing or broken, whose topics or places are
/// only suggested, that name no organisation, or whose printed date does not exist. Every kind is one
/// indexed or filtered query over Entries; counts first, then the entries.
/// </summary>
public static class WorkList
{
    /// <summary>Entries listed per kind when no kind is chosen.</summary>
    public const int PerKind = 50;

    /// <summary>Entries listed when one kind is chosen.</summary>
    public const int OfOneKind = 1000;

    public static async Task<WorkListResult> LoadAsync(CatalogueDb db, string? issueSlug, WorkKind? only, CancellationToken ct = default)
    {
        var entries = db.Entries.AsNoTracking().Where(e => issueSlug == null || e.Issue.Slug == issueSlug);
        var counts = new Dictionary<WorkKind, int>();
        var items = new List<WorkItem>();
        foreach (var kind in Enum.GetValues<WorkKind>())
        {
            var matching = Of(db, entries, kind);
            counts[kind] = await matching.CountAsync(ct);
            if ((only is not null && only != kind) || counts[kind] == 0)
            {
                continue;
            }
            items.AddRange(await matching
                .OrderBy(e => e.Issue.Year).ThenBy(e => e.Issue.Month).ThenBy(e => e.Section.Position).ThenBy(e => e.Position)
                .Take(only is null ? PerKind : OfOneKind)
                .Select(e => new WorkItem(kind, e.Slug, e.Title, e.Issue.Slug, e.Section.Key, !e.IsPublished || !e.Issue.IsPublished,
                    kind == WorkKind.BrokenLink ? db.LinkStatuses.Where(s => s.EntryId == e.Id).Select(s => s.Problem).FirstOrDefault()
                    : kind == WorkKind.ImpossibleDate ? e.DateText : null))
                .ToListAsync(ct));
        }
        return new WorkListResult(counts, items, items.Count);
    }

    private static IQueryable<Entry> Of(CatalogueDb db, IQueryable<Entry> entries, WorkKind kind) => kind switch
    {
        WorkKind.AwaitedLink => entries.Where(e => e.AwaitsLink),
        WorkKind.MissingLink => entries.Where(e => e.Link == null && !e.AwaitsLink),
        // Only a check of the link the entry has now: an edited link is not judged by an old check.
        WorkKind.BrokenLink => entries.Where(e => db.LinkStatuses.Any(s => s.EntryId == e.Id && s.IsBroken && s.Link == e.Link)),
        WorkKind.SuggestedTags => WithSuggestedTags(entries),
        WorkKind.NoOrganisations => entries.Where(e => !e.Organisations.Any()),
        WorkKind.ImpossibleDate => WithImpossibleDate(entries),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// Entries whose date text names a day but whose date is kept at the month: the parser does that only
    /// when the day does not exist ("9月31日", "2021-02-30"); a real day gives a date to the day.
    /// </summary>
    public static IQueryable<Entry> WithImpossibleDate(IQueryable<Entry> entries) =>
        entries.Where(e => e.DateDay == null && e.DateMonth != null && e.DateText != null
            && (EF.Functions.Like(e.DateText, "%日%") || EF.Functions.Like(e.DateText, "%-%-%") || EF.Functions.Like(e.DateText, "%－%－%")));

    /// <summary>Entries with topics or places the portal suggested and no editor confirmed.</summary>
    public static IQueryable<Entry> WithSuggestedTags(IQueryable<Entry> entries) => entries.Where(e => e.Tags.Any(t => t.IsSuggested));
}
