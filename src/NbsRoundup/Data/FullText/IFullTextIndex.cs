using NbsRoundup.Text;

namespace NbsRoundup.Data;

/// <summary>
/// What differs between the engines' full-text indexes: how rows are stored and how a keyword
/// query's clauses are rendered. Everything else (which entries to index, their texts, the
/// tokens, the transaction) is SearchIndex's and shared.
/// </summary>
internal interface IFullTextIndex
{
    Task ClearAsync(CatalogueDb db, CancellationToken ct);

    Task<long> CountRowsAsync(CatalogueDb db, CancellationToken ct);

    /// <summary>Removes the rows of these entries, in the context's current transaction.</summary>
    Task DeleteAsync(CatalogueDb db, IReadOnlyCollection<int> ids, CancellationToken ct);

    /// <summary>Adds rows for these documents, in the context's current transaction.</summary>
    Task InsertAsync(CatalogueDb db, IReadOnlyList<SearchDocument> documents, CancellationToken ct);

    /// <summary>The ids of the entries a query finds, one column named Value.</summary>
    IndexCommand Matches(KeywordQuery query);

    /// <summary>The entries a query finds with their rank, columns Id and Rank (lower is better).</summary>
    IndexCommand Ranked(KeywordQuery query);

    /// <summary>
    /// <see cref="Ranked"/> with a third column, Typed (1 or 0): whether the entry also matches the
    /// keywords as typed (<paramref name="typed"/>, the same query without the glossary's equivalents);
    /// null when this engine cannot tell that within the one query.
    /// </summary>
    IndexCommand? RankedMarking(KeywordQuery query, KeywordQuery typed);

    /// <summary>Entries whose title or original title holds any of the phrases (runs of tokens), ranked: candidates for a near-identical title.</summary>
    IQueryable<SearchHit> TitleCandidates(CatalogueDb db, IReadOnlyList<IReadOnlyList<string>> phrases);
}

/// <summary>An index query: SQL with {0}-style placeholders (as EF's raw SQL takes them) and its parameters.</summary>
internal sealed record IndexCommand(string Sql, object[] Parameters);
