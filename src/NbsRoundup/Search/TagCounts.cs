using Microsoft.EntityFrameworkCore;
using NbsRoundup.Catalogue;
using NbsRoundup.Data;

namespace NbsRoundup.Search;

/// <summary>
/// How many published entries each topic has, and how many fall within each place (a region counts
/// the entries of its countries too, each once): the topic and place indexes, their API and the sitemap.
/// </summary>
public static class TagCounts
{
    /// <summary>Published entries per topic key; topics without entries are absent.</summary>
    public static Task<Dictionary<string, int>> TopicsAsync(CatalogueDb db, CancellationToken ct)
    {
        var published = db.Entries.Published().Select(e => e.Id);
        return db.EntryTags.Where(t => t.Kind == TagKind.Topic && published.Contains(t.EntryId))
            .GroupBy(t => t.Key)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, ct);
    }

    /// <summary>Published entries within each place code; places without entries are absent.</summary>
    public static Task<Dictionary<string, int>> PlacesAsync(CatalogueDb db, CancellationToken ct)
    {
        var published = db.Entries.Published().Select(e => e.Id);
        return db.PlaceScopes.Where(s => published.Contains(s.EntryId))
            .GroupBy(s => s.Code)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, ct);
    }
}
