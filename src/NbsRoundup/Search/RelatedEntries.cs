using Microsoft.EntityFrameworkCore;
using NbsRoundup.Catalogue;
using NbsRoundup.Data;
using NbsRoundup.Discovery;
using NbsRoundup.Rendering;
using NbsRoundup.Text;

namespace NbsRoundup.Search;

/// <summary>An entry as a related entry lists it: its title, issue and date.</summary>
public sealed record RelatedEntry(string Slug, string Title, string IssueSlug, string IssueTitle, int? DateYear, int? DateMonth, int? DateDay, string? DateText, int Score)
{
    public PartialDate? Date => DateYear is { } year && DateText is not null ? new PartialDate(year, DateMonth, DateDay, DateText) : null;
}

/// <summary>
/// Up to five published entries from any issue that share the most with an entry. What is shared
/// weighs by how much it says: an ecosystem topic 3, an approach 2, a societal challenge 1 (climate
/// and biodiversity run through most of the newsletter); a country 3, a region 2, `global` 1; an
/// organisation 2; and each glossary term of the entry's titles and summary that the other entry's
/// text also holds, in either language, 1. Ties go to the newer entry, then the later one added:
/// the same catalogue always gives the same list. One SQL command.
/// </summary>
public static class RelatedEntries
{
    public const int Count = 5;
    public const int OrganisationWeight = 2;
    public const int KeywordWeight = 1;

    /// <summary>At most this many of the entry's glossary terms are looked for, titles' first.</summary>
    public const int MaxTerms = 6;

    private static readonly Lazy<GlossaryTerm?> _subject = new(() => Glossary.Find("nature-based solutions") is [var match, ..] ? match.Term : null);

    // A score row; a class with init properties, so that EF can see through it.
    private sealed class Hit
    {
        public int EntryId { get; init; }
        public int Score { get; init; }
    }

    public static async Task<IReadOnlyList<RelatedEntry>> ForAsync(CatalogueDb db, EntryRow entry, CancellationToken ct)
    {
        var self = db.Entries.Where(e => e.Slug == entry.Slug).Select(e => e.Id);
        var organisations = entry.Organisations.Select(o => o.Slug).ToList();
        IQueryable<Hit> hits = db.EntryOrganisations.Where(o => organisations.Contains(o.Organisation.Slug)).Select(o => new Hit { EntryId = o.EntryId, Score = OrganisationWeight });
        foreach (var weight in entry.Topics.GroupBy(t => Weight(t.Topic)))
        {
            var keys = weight.Select(t => t.Topic.Key).ToList();
            hits = hits.Concat(db.EntryTags.Where(t => t.Kind == TagKind.Topic && keys.Contains(t.Key)).Select(t => new Hit { EntryId = t.EntryId, Score = weight.Key }));
        }
        foreach (var weight in entry.Places.GroupBy(p => Weight(p.Place)))
        {
            var codes = weight.Select(p => p.Code).ToList();
            hits = hits.Concat(db.EntryTags.Where(t => t.Kind == TagKind.Place && codes.Contains(t.Key)).Select(t => new Hit { EntryId = t.EntryId, Score = weight.Key }));
        }
        foreach (var term in Terms(entry))
        {
            var matches = SearchIndex.Matches(db, term);
            hits = hits.Concat(matches.Select(id => new Hit { EntryId = id, Score = KeywordWeight }));
        }

        var scores = hits.Where(h => !self.Contains(h.EntryId))
            .GroupBy(h => h.EntryId)
            .Select(g => new { EntryId = g.Key, Score = g.Sum(h => h.Score) });
        var ranked = db.Entries.AsNoTracking().Published()
            .Join(scores, e => e.Id, s => s.EntryId, (e, s) => new { Entry = e, s.Score })
            .OrderByDescending(x => x.Score);
        return await ranked.ThenByNewestFirst(x => x.Entry.DateStart, db.Database).ThenByDescending(x => x.Entry.Id)
            .Take(Count)
            .Select(x => new RelatedEntry(x.Entry.Slug, x.Entry.Title, x.Entry.Issue.Slug, x.Entry.Issue.Title,
                x.Entry.DateYear, x.Entry.DateMonth, x.Entry.DateDay, x.Entry.DateText, x.Score))
            .ToListAsync(ct);
    }

    private static int Weight(Topic topic) => topic.Group == Topics.Ecosystems ? 3 : topic.Group == Topics.Approaches ? 2 : 1;

    private static int Weight(Place place) => place.Kind switch
    {
        PlaceKind.Country => 3,
        PlaceKind.Region => 2,
        _ => 1,
    };

    /// <summary>
    /// The glossary terms of an entry, as queries for any of their forms in either language: those
    /// of the titles first, then of the summary, once each. The term that names the newsletter's own
    /// subject (nature-based solutions, NbS) is left out, as nearly every entry holds it, and so are
    /// terms that only name a place.
    /// </summary>
    public static IReadOnlyList<KeywordQuery> Terms(EntryRow entry)
    {
        var everywhere = _subject.Value;
        var matches = Glossary.Find(entry.Title + "\n" + entry.OriginalTitle)
            .Concat(Glossary.Find(MarkdownRenderer.ToPlainText(entry.Summary)))
            // Place names count through the places already.
            .Where(m => m.Term != everywhere && (m.Term.Places.Count == 0 || m.Term.Topics.Count > 0))
            .DistinctBy(m => m.Term)
            .Take(MaxTerms);
        return matches
            .Select(m => KeywordQuery.Parse(m.Text, [new KeywordExpansion(0, m.Text.Length, m.Equivalents)]))
            .OfType<KeywordQuery>()
            .ToList();
    }
}
