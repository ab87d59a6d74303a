using Microsoft.EntityFrameworkCore;
using NbsRoundup.Data;
using NbsRoundup.Lookup;
using NbsRoundup.Text;

namespace NbsRoundup.Search;

/// <summary>Why an entry already in the catalogue looks like the one being added.</summary>
public enum DuplicateReason
{
    /// <summary>The same link, once normalised (scheme, www., trailing slash, tracking parameters).</summary>
    Link,
    /// <summary>A near-identical title in either language (TitleSimilarity).</summary>
    Title,
}

/// <summary>An entry already in the catalogue that may be the same item.</summary>
public sealed record Duplicate(string Slug, string Title, string? OriginalTitle, string IssueSlug, DuplicateReason Reason);

/// <summary>
/// Finds entries the catalogue already holds that an entry about to be added (or edited) may repeat:
/// the same link by its stored comparison key (Entry.LinkKey, one indexed look-up), or a near-identical
/// title in either language. Titles are compared with TitleSimilarity against a bounded set of
/// candidates: the visible entries whose titles hold one of the title's runs of three tokens (bigrams
/// or words) in the full-text index, best ranked first, and the drafts (not in the index; an editor's
/// few unpublished entries).
/// </summary>
/// <remarks>
/// Why runs: two near-identical titles share at least 80 % of their bigrams (or nearly all of the shorter
/// one's), so a few changed characters leave whole runs of three intact, and a run is far rarer in a large
/// catalogue than any of its bigrams alone: asking for the bigrams one by one matched most of 100,000
/// synthetic entries and took 0.4 s; runs keep the candidates few (bench/DuplicateCheck, bench/RESULTS.md).
/// </remarks>
public static class Duplicates
{
    /// <summary>Candidates a title is compared with, from the full-text index.</summary>
    public const int Candidates = 40;

    /// <summary>Drafts compared, newest first: drafts are few, but a bound keeps the check cheap whatever happens.</summary>
    public const int Drafts = 500;

    private const int RunLength = 3;

    // Runs the candidate query asks for; long titles are cut, their beginning says enough.
    private const int MaxRuns = 40;

    public static async Task<IReadOnlyList<Duplicate>> FindAsync(CatalogueDb db, string? link, string? title, string? originalTitle,
        string? exceptSlug = null, CancellationToken ct = default)
    {
        var found = new List<Duplicate>();
        if (LinkKeys.For(link) is { } key)
        {
            found.AddRange(await db.Entries.AsNoTracking()
                .Where(e => e.LinkKey == key && e.Slug != exceptSlug)
                .OrderBy(e => e.Id).Take(10)
                .Select(e => new Duplicate(e.Slug, e.Title, e.OriginalTitle, e.Issue.Slug, DuplicateReason.Link))
                .ToListAsync(ct));
        }
        var runs = Runs(title).Concat(Runs(originalTitle)).Distinct(RunComparer.Instance).Take(MaxRuns).ToList();
        if (runs.Count > 0)
        {
            var ranked = SearchIndex.TitleCandidates(db, runs).OrderBy(h => h.Rank).Take(Candidates).Select(h => h.Id);
            var candidates = await db.Entries.AsNoTracking()
                .Where(e => ranked.Contains(e.Id) && e.Slug != exceptSlug)
                .Select(e => new Duplicate(e.Slug, e.Title, e.OriginalTitle, e.Issue.Slug, DuplicateReason.Title))
                .ToListAsync(ct);
            // Drafts, and the entries of draft issues: each found through an index (IsPublished, IssueId).
            var draftIssues = db.Issues.Where(i => !i.IsPublished).Select(i => i.Id);
            foreach (var drafts in new[] { db.Entries.Where(e => !e.IsPublished), db.Entries.Where(e => draftIssues.Contains(e.IssueId)) })
            {
                candidates.AddRange(await drafts.AsNoTracking()
                    .Where(e => e.Slug != exceptSlug)
                    .OrderByDescending(e => e.Id).Take(Drafts)
                    .Select(e => new Duplicate(e.Slug, e.Title, e.OriginalTitle, e.Issue.Slug, DuplicateReason.Title))
                    .ToListAsync(ct));
            }
            found.AddRange(candidates
                .Where(c => found.All(f => f.Slug != c.Slug) && TitleSimilarity.AreSameWork(title, originalTitle, c.Title, c.OriginalTitle))
                .DistinctBy(c => c.Slug)
                .OrderBy(c => c.Slug, StringComparer.Ordinal));
        }
        return found;
    }

    /// <summary>The title's tokens as overlapping runs of three (the whole title when it is shorter).</summary>
    private static IEnumerable<IReadOnlyList<string>> Runs(string? title)
    {
        var tokens = SearchAnalyzer.WordTokens(title).ToList();
        if (tokens.Count <= RunLength)
        {
            return tokens.Count == 0 ? [] : [tokens];
        }
        return Enumerable.Range(0, tokens.Count - RunLength + 1).Select(i => (IReadOnlyList<string>)tokens.GetRange(i, RunLength));
    }

    private sealed class RunComparer : IEqualityComparer<IReadOnlyList<string>>
    {
        public static readonly RunComparer Instance = new();

        public bool Equals(IReadOnlyList<string>? x, IReadOnlyList<string>? y) => x is not null && y is not null && x.SequenceEqual(y);

        public int GetHashCode(IReadOnlyList<string> run) => string.Join(' ', run).GetHashCode(StringComparison.Ordinal);
    }
}
