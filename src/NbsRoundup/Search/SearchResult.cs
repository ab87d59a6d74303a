using NbsRoundup.Text;

namespace NbsRoundup.Search;

/// <summary>A count in one facet: a section, an organisation, or a month ("2021-10"; "2021" for year-only dates; null for undated).</summary>
public sealed record FacetCount(string? Key, string Label, string? LabelEn, int Count);

/// <summary>The facets of a result set: counts over the whole set, not one page.</summary>
public sealed record Facets(IReadOnlyList<FacetCount> Sections, IReadOnlyList<FacetCount> Organisations, IReadOnlyList<FacetCount> Months)
{
    /// <summary>Topics by key, in vocabulary order.</summary>
    public IReadOnlyList<FacetCount> Topics { get; init; } = [];

    /// <summary>
    /// Places by code, most entries first: every place the set's entries fall within (a region counts
    /// each entry once, however many of its countries it names). The map shades the countries of this list.
    /// </summary>
    public IReadOnlyList<FacetCount> Places { get; init; } = [];
}

/// <summary>One page of a catalogue query, with its total and, when asked for, its facets.</summary>
public sealed record SearchResult(
    CatalogueQuery Query,
    KeywordQuery? Keywords,
    int Total,
    IReadOnlyList<EntryRow> Items,
    Facets? Facets,
    IReadOnlyList<QueryError> Errors)
{
    public int PageCount => Math.Max(1, (Total + Query.PageSize - 1) / Query.PageSize);

    /// <summary>What the glossary added to the keywords, in the other language or other forms (`湿地` for `wetland`); empty when nothing.</summary>
    public IReadOnlyList<string> ExpandedWith { get; init; } = [];

    public static SearchResult Invalid(CatalogueQuery query, IReadOnlyList<QueryError> errors) => new(query, null, 0, [], null, errors);
}
