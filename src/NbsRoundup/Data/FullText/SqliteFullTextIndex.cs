using Microsoft.EntityFrameworkCore;
using NbsRoundup.Text;

namespace NbsRoundup.Data;

/// <summary>
/// The index as an SQLite FTS5 table, rowid = entry id. The analyzer's tokens are stored space
/// separated; unicode61 only splits them at the spaces again, so FTS5 indexes exactly them.
/// </summary>
internal sealed class SqliteFullTextIndex : IFullTextIndex
{
    public static readonly SqliteFullTextIndex Instance = new();

    /// <summary>The columns, in order; bm25 weights below follow this order.</summary>
    public const string CreateTableSql =
        "CREATE VIRTUAL TABLE \"EntrySearch\" USING fts5(title, original, summary, people, organisations, chars_title, chars_body, tokenize = 'unicode61 remove_diacritics 2')";

    /// <summary>Title matches rank above organisation and people matches, which rank above summary matches.</summary>
    private const string Bm25 = "bm25(\"EntrySearch\", 10.0, 8.0, 1.0, 3.0, 3.0, 10.0, 1.0)";

    /// <summary>bm25() with the row lengths of the catalogue's columns when the query runs inside <see cref="SqliteRank.UseLengths"/>: the same ranks, faster.</summary>
    private const string Rank = "nbs_rank(\"EntrySearch\", 10.0, 8.0, 1.0, 3.0, 3.0, 10.0, 1.0)";

    private const string WordColumns = "{title original summary people organisations}";
    private const string CharacterColumns = "{chars_title chars_body}";

    /// <summary>
    /// The FTS5 MATCH expression of a query: groups joined by AND, a group's alternatives by OR
    /// (in parentheses), an alternative's clauses by AND; every token quoted, so no user text is FTS syntax.
    /// </summary>
    public static string MatchExpression(KeywordQuery query) =>
        string.Join(" AND ", query.Groups.Select(g => g.IsSingleClause
            ? Clause(g.Alternatives[0].Clauses[0])
            : "(" + string.Join(" OR ", g.Alternatives.Select(a => a.Clauses.Count == 1 ? Clause(a.Clauses[0]) : "(" + string.Join(" AND ", a.Clauses.Select(Clause)) + ")")) + ")"));

    private static string Clause(KeywordClause c) =>
        $"{(c.Field == KeywordField.Words ? WordColumns : CharacterColumns)} : {Quote(string.Join(' ', c.Tokens))}";

    // Tokens hold only letters and digits, but quoting keeps any future change from opening FTS syntax.
    private static string Quote(string phrase) => "\"" + phrase.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public Task ClearAsync(CatalogueDb db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("DELETE FROM \"EntrySearch\"", ct);

    public Task<long> CountRowsAsync(CatalogueDb db, CancellationToken ct) =>
        db.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS \"Value\" FROM \"EntrySearch\"").SingleAsync(ct);

    public IndexCommand Matches(KeywordQuery query) =>
        new("SELECT rowid AS \"Value\" FROM \"EntrySearch\" WHERE \"EntrySearch\" MATCH {0}", [MatchExpression(query)]);

    /// <summary>
    /// FTS5 numbers a query's phrases in the order they are written, and <see cref="MatchExpression"/>
    /// writes one phrase per clause, group by group, alternative by alternative. The keywords as typed
    /// are a conjunction of clauses (every group of one); when they are the same clauses as the first
    /// alternatives of the expanded query, a row matches them exactly when it holds each of those
    /// phrases, which nbs_has tells from the row at hand.
    /// </summary>
    public IndexCommand? RankedMarking(KeywordQuery query, KeywordQuery typed)
    {
        if (!SqliteRank.Available || !new HashSet<KeywordClause>(typed.Clauses).SetEquals(query.Clauses))
        {
            return null;
        }
        var phrases = new List<int>();
        var next = 0;
        foreach (var group in query.Groups)
        {
            for (var a = 0; a < group.Alternatives.Count; a++)
            {
                foreach (var _ in group.Alternatives[a].Clauses)
                {
                    if (a == 0)
                    {
                        phrases.Add(next);
                    }
                    next++;
                }
            }
        }
        var has = string.Join(", ", phrases.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new($"SELECT rowid AS \"Id\", {Rank} AS \"Rank\", nbs_has(\"EntrySearch\", {has}) AS \"Typed\" FROM \"EntrySearch\" WHERE \"EntrySearch\" MATCH {{0}}", [MatchExpression(query)]);
    }

    public IndexCommand Ranked(KeywordQuery query) =>
        new($"SELECT rowid AS \"Id\", {(SqliteRank.Available ? Rank : Bm25)} AS \"Rank\" FROM \"EntrySearch\" WHERE \"EntrySearch\" MATCH {{0}}", [MatchExpression(query)]);

    public Task DeleteAsync(CatalogueDb db, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        DbCommands.ForEachAsync(db, "DELETE FROM \"EntrySearch\" WHERE rowid = $id", "$id", ids, ct);

    public async Task InsertAsync(CatalogueDb db, IReadOnlyList<SearchDocument> documents, CancellationToken ct)
    {
        await using var insert = DbCommands.Create(db,
            "INSERT INTO \"EntrySearch\" (rowid, title, original, summary, people, organisations, chars_title, chars_body) VALUES ($id, $t, $o, $s, $p, $g, $ct, $cb)",
            "$id", "$t", "$o", "$s", "$p", "$g", "$ct", "$cb");
        foreach (var document in documents)
        {
            var values = new object[]
            {
                document.Id,
                SearchAnalyzer.Words(document.Title),
                SearchAnalyzer.Words(document.Original),
                SearchAnalyzer.Words(document.Summary),
                SearchAnalyzer.Words(document.People),
                SearchAnalyzer.Words(document.Organisations),
                SearchAnalyzer.Characters(document.Title + " " + document.Original),
                SearchAnalyzer.Characters(document.Summary + " " + document.People + " " + document.Organisations),
            };
            for (var i = 0; i < values.Length; i++)
            {
                insert.Parameters[i].Value = values[i];
            }
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    public IQueryable<SearchHit> TitleCandidates(CatalogueDb db, IReadOnlyList<IReadOnlyList<string>> phrases) =>
        db.Database.SqlQueryRaw<SearchHit>($"SELECT rowid AS \"Id\", {Bm25} AS \"Rank\" FROM \"EntrySearch\" WHERE \"EntrySearch\" MATCH {{0}}",
            "{title original} : (" + string.Join(" OR ", phrases.Select(p => Quote(string.Join(' ', p)))) + ")");
}
