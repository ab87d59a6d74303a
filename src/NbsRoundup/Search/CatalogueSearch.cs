using Microsoft.EntityFrameworkCore;
using NbsRoundup.Catalogue;
using NbsRoundup.Data;
using NbsRoundup.Discovery;
using NbsRoundup.Text;

namespace NbsRoundup.Search;

/// <summary>
/// Runs a catalogue query over published entries: filters, keyword search through the
/// full-text index, sorting, paging and facet counts. The page, the API, exports and feeds all use it.
/// </summary>
public sealed class CatalogueSearch(CatalogueDb db)
{
    /// <summary>How many organisations the organisation facet lists.</summary>
    public const int OrganisationFacetSize = 15;

    /// <summary>How many places the places facet lists on a page (the map shows every country).</summary>
    public const int PlaceFacetSize = 15;

    /// <param name="Facets">Count the facets of the result set.</param>
    /// <param name="Columns">
    /// Filter, count and sort over <see cref="CatalogueColumns"/> (the portal's way); false runs the
    /// whole query in SQL, the reference the columns are tested against.
    /// </param>
    public sealed record Options(bool Facets = true, bool Columns = true);

    // A class with init properties, not a positional record: EF can only see through member initialisers.
    private sealed class Ranked
    {
        public required Entry Entry { get; init; }
        public double Rank { get; init; }
        /// <summary>Matches the keywords as typed, not only through the glossary's equivalents: ranks first.</summary>
        public bool Exact { get; init; }
    }

    /// <summary>The keywords as searched (with the glossary's equivalents unless the query says exact), and as typed.</summary>
    private sealed record Keywords(KeywordQuery Searched, KeywordQuery Typed, IReadOnlyList<string> ExpandedWith);

    private static Keywords? Read(CatalogueQuery query)
    {
        var typed = KeywordQuery.Parse(query.Keywords);
        if (typed is null || query.Exact)
        {
            return typed is null ? null : new Keywords(typed, typed, []);
        }
        var expansion = Glossary.Expand(query.Keywords);
        var searched = expansion.IsEmpty
            ? null
            : KeywordQuery.Parse(query.Keywords, expansion.Matches.Select(m => new KeywordExpansion(m.Start, m.Length, m.Equivalents)).ToList());
        return searched is { IsExpanded: true } ? new Keywords(searched, typed, expansion.ExpandedWith) : new Keywords(typed, typed, []);
    }

    public async Task<SearchResult> RunAsync(CatalogueQuery query, Options? options = null, CancellationToken ct = default)
    {
        options ??= new Options();
        return options.Columns ? await RunOverColumnsAsync(query, options, ct) : await RunInSqlAsync(query, options, ct);
    }

    /// <summary>
    /// The keyword match in SQL (the full-text index), everything else over the columns: filters,
    /// facets, total and order; then one page of rows.
    /// </summary>
    private async Task<SearchResult> RunOverColumnsAsync(CatalogueQuery query, Options options, CancellationToken ct)
    {
        var read = Read(query);
        var keywords = read?.Searched;
        var columns = await CatalogueColumns.ForAsync(db, ct);
        var errors = new List<QueryError>();
        int? issueId = null, organisationId = null;
        if (query.Issue is { } issue)
        {
            issueId = await db.Issues.Published().Where(i => i.Slug == issue).Select(i => (int?)i.Id).FirstOrDefaultAsync(ct);
            if (issueId is null)
            {
                errors.Add(new QueryError("issue", "no issue '{0}'", issue));
            }
        }
        if (query.Organisation is { } name)
        {
            organisationId = columns.FindOrganisation(name)?.Id;
            if (organisationId is null)
            {
                errors.Add(new QueryError("organisation", "no organisation is called '{0}'", name));
            }
        }
        if (errors.Count > 0)
        {
            return SearchResult.Invalid(query, errors);
        }
        var filter = new ColumnQuery(columns, query, issueId, organisationId);
        var skip = (query.Page - 1) * query.PageSize;
        ColumnSlots slots;
        int[] page;
        if (keywords is null)
        {
            slots = filter.All();
            page = Window(slots.Span, skip, query.PageSize);
        }
        else if (query.Sort == CatalogueSort.Relevance)
        {
            // Read as they come: a list of every match would be a large allocation per query.
            var (hits, typed) = SearchIndex.StreamRanked(db, keywords, keywords.IsExpanded ? read!.Typed : null, ct);
            // Ranked with the columns' lengths of the entries, not one read from the index per match.
            using var lengths = SqliteRank.UseLengths(columns);
            (slots, var top) = await filter.ByRelevanceAsync(hits, typed, skip + query.PageSize, ct);
            page = Window(top, skip, query.PageSize);
        }
        else
        {
            slots = await filter.AmongAsync(SearchIndex.StreamMatchesAsync(db, keywords, ct), ct);
            page = Window(slots.Span, skip, query.PageSize);
        }
        Facets? facets;
        int total;
        using (slots)
        {
            facets = !options.Facets ? null : query.HasFilters ? ColumnFacets.Count(columns, slots.Span) : columns.WholeFacets;
            total = slots.Length;
        }
        var ids = page.Select(s => columns.Ids[s]).ToList();
        // The columns keep ids, not slugs (100,000 strings read at every change): the page's slugs by their ids.
        var slugOf = ids.Count == 0 ? [] : await db.Entries.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.Slug }).ToDictionaryAsync(e => e.Id, e => e.Slug, ct);
        var items = await RowsAsync(ids.Where(slugOf.ContainsKey).Select(id => slugOf[id]).ToList(), ct);
        return new SearchResult(query, keywords, total, items, facets, []) { ExpandedWith = read?.ExpandedWith ?? [] };
    }

    private static int[] Window(ReadOnlySpan<int> slots, int skip, int take) =>
        skip >= slots.Length ? [] : slots.Slice(skip, Math.Min(take, slots.Length - skip)).ToArray();

    private async Task<SearchResult> RunInSqlAsync(CatalogueQuery query, Options options, CancellationToken ct)
    {
        var read = Read(query);
        var keywords = read?.Searched;
        var (filtered, errors) = await FilterAsync(query, read, ct);
        if (errors.Count > 0)
        {
            return SearchResult.Invalid(query, errors);
        }
        // With keywords only, every match is a visible entry: the index counts them without touching the table.
        var keywordsOnly = keywords is not null && !query.HasFiltersBesideKeywords;
        var facets = options.Facets ? await FacetsAsync(filtered.Select(r => r.Entry), ct) : null;
        // Every entry is in one section, so the section counts add up to the total.
        var total = facets is not null ? facets.Sections.Sum(s => s.Count)
            : keywordsOnly ? await SearchIndex.CountAsync(db, keywords!, ct) : await filtered.CountAsync(ct);
        var ordered = Order(filtered, query, keywords);
        var page = ordered.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize);
        var items = await RowsAsync(await page.Select(r => r.Entry.Slug).ToListAsync(ct), ct);
        return new SearchResult(query, keywords, total, items, facets, []) { ExpandedWith = read?.ExpandedWith ?? [] };
    }

    /// <summary>
    /// Every result of a query, in order, fetched a batch at a time so that exporting the whole
    /// catalogue does not hold it in memory; null with the errors when the query cannot run.
    /// </summary>
    public async Task<(IAsyncEnumerable<EntryRow>? Rows, IReadOnlyList<QueryError> Errors)> StreamAsync(CatalogueQuery query, int? limit = null, CancellationToken ct = default)
    {
        var read = Read(query);
        var (filtered, errors) = await FilterAsync(query, read, ct);
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var ordered = Order(filtered, query, read?.Searched);
        var slugs = await (limit is { } max ? ordered.Take(max) : ordered).Select(r => r.Entry.Slug).ToListAsync(ct);
        return (Batches(slugs, ct), []);
    }

    private async IAsyncEnumerable<EntryRow> Batches(List<string> slugs, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var batch in slugs.Chunk(500))
        {
            foreach (var row in await RowsAsync(batch, ct))
            {
                yield return row;
            }
        }
    }

    private IOrderedQueryable<Ranked> Order(IQueryable<Ranked> filtered, CatalogueQuery query, KeywordQuery? keywords) =>
        query.Sort == CatalogueSort.Relevance && keywords is not null
            ? filtered.OrderByDescending(r => r.Exact).ThenBy(r => r.Rank).ThenByNewestFirst(r => r.Entry.DateStart, db.Database).ThenBy(r => r.Entry.Id)
            // Section ids follow newsletter order (Section.All), so no join is needed to sort by section.
            : filtered.OrderByNewestFirst(r => r.Entry.DateStart, db.Database).ThenByDescending(r => r.Entry.IssueId)
                .ThenBy(r => r.Entry.SectionId).ThenBy(r => r.Entry.Position).ThenBy(r => r.Entry.Id);

    /// <summary>
    /// The rows of the given entries, in the given order. Keys first, rows second: EF cannot
    /// project an entry's organisations through a join with the full-text index.
    /// </summary>
    private async Task<List<EntryRow>> RowsAsync(IReadOnlyCollection<string> slugs, CancellationToken ct)
    {
        // Split: as one query SQLite materialises every entry-organisation link before joining.
        var rows = (await db.Entries.AsNoTracking().Where(e => slugs.Contains(e.Slug)).Select(EntryRow.Projection).AsSplitQuery().ToListAsync(ct))
            .ToDictionary(r => r.Slug);
        return slugs.Select(slug => rows[slug]).ToList();
    }

    private async Task<(IQueryable<Ranked>, List<QueryError>)> FilterAsync(CatalogueQuery query, Keywords? read, CancellationToken ct)
    {
        var keywords = read?.Searched;
        var errors = new List<QueryError>();
        // The index holds visible entries only, so a keyword match needs no visibility join.
        var entries = keywords is null ? db.Entries.AsNoTracking().Published() : db.Entries.AsNoTracking();
        if (query.Sections.Count > 0)
        {
            var ids = Section.All.Where(s => query.Sections.Contains(s.Key)).Select(s => s.Id).ToList();
            entries = entries.Where(e => ids.Contains(e.SectionId));
        }
        if (query.Issue is { } issue)
        {
            if (!await db.Issues.Published().AnyAsync(i => i.Slug == issue, ct))
            {
                errors.Add(new QueryError("issue", "no issue '{0}'", issue));
            }
            entries = entries.Where(e => e.Issue.Slug == issue);
        }
        if (query.Organisation is { } name)
        {
            var organisation = await OrganisationLookup.FindPublishedAsync(db, name, ct);
            if (organisation is null)
            {
                errors.Add(new QueryError("organisation", "no organisation is called '{0}'", name));
            }
            else
            {
                // `Id IN (entries of the organisation)` rather than a correlated EXISTS: SQLite probes a small set.
                var linked = db.EntryOrganisations.Where(eo => eo.OrganisationId == organisation.Id).Select(eo => eo.EntryId);
                entries = entries.Where(e => linked.Contains(e.Id));
            }
        }
        foreach (var key in query.Topics)
        {
            // Each an indexed lookup of the topic's entries: `Id IN (...)`, one per topic, all must hold.
            var tagged = db.EntryTags.Where(t => t.Kind == TagKind.Topic && t.Key == key).Select(t => t.EntryId);
            entries = entries.Where(e => tagged.Contains(e.Id));
        }
        foreach (var code in query.Places)
        {
            // Place scopes hold every region an entry's places lie in: a region is one indexed code too.
            var within = db.PlaceScopes.Where(s => s.Code == code).Select(s => s.EntryId);
            entries = entries.Where(e => within.Contains(e.Id));
        }
        if (query.From is { } from)
        {
            var start = from.Start;
            entries = entries.Where(e => e.DateEnd >= start);
        }
        if (query.To is { } to)
        {
            var end = to.End;
            entries = entries.Where(e => e.DateStart <= end);
        }
        if (keywords is null)
        {
            return (entries.Select(e => new Ranked { Entry = e, Rank = 0 }), errors);
        }
        if (query.Sort == CatalogueSort.Relevance)
        {
            var ranked = SearchIndex.Ranked(db, keywords);
            if (!keywords.IsExpanded)
            {
                return (entries.Join(ranked, e => e.Id, h => h.Id, (e, h) => new Ranked { Entry = e, Rank = h.Rank, Exact = true }), errors);
            }
            var typed = SearchIndex.Matches(db, read!.Typed);
            return (entries.Join(ranked, e => e.Id, h => h.Id, (e, h) => new Ranked { Entry = e, Rank = h.Rank, Exact = typed.Contains(e.Id) }), errors);
        }
        // Sorted by date the rank is not needed: a plain `Id IN (matches)` lets the engine skip ranking.
        var matches = SearchIndex.Matches(db, keywords);
        return (entries.Where(e => matches.Contains(e.Id)).Select(e => new Ranked { Entry = e, Rank = 0 }), errors);
    }

    private async Task<Facets> FacetsAsync(IQueryable<Entry> entries, CancellationToken ct)
    {
        // Sections and months from one grouping pass; organisations from a second over the same set.
        var groups = await entries.GroupBy(e => new { e.SectionId, e.DateYear, e.DateMonth })
            .Select(g => new { g.Key.SectionId, g.Key.DateYear, g.Key.DateMonth, Count = g.Count() })
            .ToListAsync(ct);
        var sectionCounts = groups.GroupBy(g => g.SectionId).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        var sections = Section.All.Where(s => sectionCounts.ContainsKey(s.Id))
            .Select(s => new FacetCount(s.Key, s.NameZh, s.NameEn, sectionCounts[s.Id]))
            .ToList();
        var months = groups.GroupBy(g => (g.DateYear, g.DateMonth))
            .Select(g => (g.Key.DateYear, g.Key.DateMonth, Count: g.Sum(x => x.Count)))
            .OrderByDescending(m => m.DateYear).ThenByDescending(m => m.DateMonth)
            .Select(m => new FacetCount(ColumnFacets.MonthKey(m.DateYear, m.DateMonth), ColumnFacets.MonthKey(m.DateYear, m.DateMonth) ?? "", null, m.Count))
            .ToList();

        var ids = entries.Select(e => e.Id);
        var organisations = await db.EntryOrganisations
            .Where(eo => ids.Contains(eo.EntryId))
            .GroupBy(eo => eo.OrganisationId)
            .Select(g => new { Id = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Id)
            .Take(OrganisationFacetSize)
            .Join(db.Organisations, g => g.Id, o => o.Id, (g, o) => new { o.Slug, o.Name, o.ShortName, g.Count })
            .ToListAsync(ct);

        // Topics and places from one grouping pass over both tables, each row an indexed probe by entry.
        var tags = await db.EntryTags.Where(t => t.Kind == TagKind.Topic && ids.Contains(t.EntryId)).Select(t => new { Kind = 0, t.Key })
            .Concat(db.PlaceScopes.Where(s => ids.Contains(s.EntryId)).Select(s => new { Kind = 1, Key = s.Code }))
            .GroupBy(x => new { x.Kind, x.Key })
            .Select(g => new { g.Key.Kind, g.Key.Key, Count = g.Count() })
            .ToListAsync(ct);
        var topicCounts = tags.Where(t => t.Kind == 0).ToDictionary(t => t.Key, t => t.Count);
        var topics = Discovery.Topics.All.Where(t => topicCounts.ContainsKey(t.Key))
            .Select(t => new FacetCount(t.Key, t.Chinese, t.English, topicCounts[t.Key]))
            .ToList();
        var places = tags.Where(t => t.Kind == 1)
            .Select(t => (Place: Discovery.Places.ByCode(t.Key), t.Count))
            .Where(p => p.Place is not null)
            .OrderByDescending(p => p.Count).ThenBy(p => p.Place!.Code, StringComparer.Ordinal)
            .Select(p => new FacetCount(p.Place!.Code, p.Place.Chinese, p.Place.English, p.Count))
            .ToList();

        return new Facets(
            sections,
            organisations.OrderByDescending(o => o.Count).ThenBy(o => o.Name, StringComparer.Ordinal)
                .Select(o => new FacetCount(o.Slug, o.ShortName ?? o.Name, o.Name, o.Count)).ToList(),
            months)
        {
            Topics = topics,
            Places = places,
        };
    }
}
