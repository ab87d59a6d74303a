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
/// candidates: the visible entries whose titles share the most words or bigrams in the full-text
/// index, and the drafts (not in the index; an editor's few unpublished entries).
/// </summary>
public static class Duplicates
{
    /// <summary>Candidates a title is compared with, from the full-text index.</summary>
    public const int Candidates = 40;

    /// <summary>Drafts compared, newest first: drafts are few, but a bound keeps the check cheap whatever happens.</summary>
    public const int Drafts = 500;

    // Tokens of the titles the candidate query asks for; long titles are cut, their beginning says enough.
    private const int MaxTokens = 48;

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
        var tokens = SearchAnalyzer.WordTokens(title + " " + originalTitle).Distinct().Take(MaxTokens).ToList();
        if (tokens.Count > 0)
        {
            var ranked = SearchIndex.TitleCandidates(db, tokens).OrderBy(h => h.Rank).Take(Candidates).Select(h => h.Id);
            var candidates = await db.Entries.AsNoTracking()
                .Where(e => ranked.Contains(e.Id) && e.Slug != exceptSlug)
                .Select(e => new Duplicate(e.Slug, e.Title, e.OriginalTitle, e.Issue.Slug, DuplicateReason.Title))
                .ToListAsync(ct);
            candidates.AddRange(await db.Entries.AsNoTracking()
                .Where(e => (!e.IsPublished || !e.Issue.IsPublished) && e.Slug != exceptSlug)
                .OrderByDescending(e => e.Id).Take(Drafts)
                .Select(e => new Duplicate(e.Slug, e.Title, e.OriginalTitle, e.Issue.Slug, DuplicateReason.Title))
                .ToListAsync(ct));
            found.AddRange(candidates
                .Where(c => found.All(f => f.Slug != c.Slug) && TitleSimilarity.AreSameWork(title, originalTitle, c.Title, c.OriginalTitle))
                .DistinctBy(c => c.Slug)
                .OrderBy(c => c.Slug, StringComparer.Ordinal));
        }
        return found;
    }
}
