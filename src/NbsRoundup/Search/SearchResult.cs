using NbsRoundup.Text;

namespace NbsRoundup.Search;

/// <summary>A count in one facet: a section, an organisation, or a month ("2021-10"; "2021" for year-only dates; null for undated).</summary>
public sealed record FacetCount(string? Key, string Label, string? LabelEn, int Count);

/// <summary>The facets of a result set: counts over the whole set, not one page.</summary>
public sealed record Facets(IReadOnlyList<FacetCount> Sections, IReadOnlyList<FacetCount> Organisations, IReadOnlyList<FacetCount> Months);

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

    public static SearchResult Invalid(CatalogueQuery query, IReadOnlyList<QueryError> errors) => new(query, null, 0, [], null, errors);
}
