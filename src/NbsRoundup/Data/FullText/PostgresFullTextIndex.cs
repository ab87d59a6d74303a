using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NbsRoundup.Text;

namespace NbsRoundup.Data;

/// <summary>
/// The index as a PostgreSQL table of two tsvectors per entry: Words (bigrams and Latin words)
/// and Characters (single Chinese characters). The vectors and queries are written as tsvector
/// and tsquery literals built from SearchAnalyzer's tokens, so PostgreSQL's own parser and
/// stemmer never touch the text and both engines find the same entries. The table, with GIN
/// indexes on both vectors, is made by the Initial migration of NbsRoundup.Migrations.Postgres.
/// </summary>
internal sealed class PostgresFullTextIndex : IFullTextIndex
{
    public static readonly PostgresFullTextIndex Instance = new();

    /// <summary>
    /// ts_rank's weights for D, C, B, A, in the proportions of SQLite's bm25 column weights:
    /// title and original title (A) far above organisations and people (B), above the summary (C).
    /// </summary>
    private const string Weights = "ARRAY[0.05, 0.1, 0.3, 1.0]::real[]";

    // PostgreSQL keeps positions up to 16383 and refuses lexemes of 2 KB or more.
    private const int MaxPosition = 16383;
    private const int MaxLexemeBytes = 2046;

    // Two instances starting on one catalogue may both find the index incomplete: the lock (held to the
    // end of the transaction) makes the second rebuild wait for the first instead of colliding with it.
    public Task ClearAsync(CatalogueDb db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(4711008); DELETE FROM \"EntrySearch\"", ct);

    public Task<long> CountRowsAsync(CatalogueDb db, CancellationToken ct) =>
        db.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS \"Value\" FROM \"EntrySearch\"").SingleAsync(ct);

    public IQueryable<int> Matches(CatalogueDb db, KeywordQuery query)
    {
        // Only column names and placeholders are put together here; the tsquery literals are parameters.
        var (where, parameters) = Where(query);
        var sql = "SELECT \"Id\" AS \"Value\" FROM \"EntrySearch\" WHERE " + where;
        return db.Database.SqlQueryRaw<int>(sql, parameters);
    }

    public IQueryable<SearchHit> Ranked(CatalogueDb db, KeywordQuery query)
    {
        var (where, parameters) = Where(query);
        // Rank as SQLite's bm25 gives it: lower is better.
        var rank = string.Join(" + ", Present(query).Select(p =>
            $"ts_rank({Weights}, \"{p.Column}\", {{{p.Index}}}::tsquery)"));
        var sql = $"SELECT \"Id\", -({rank})::double precision AS \"Rank\" FROM \"EntrySearch\" WHERE {where}";
        return db.Database.SqlQueryRaw<SearchHit>(sql, parameters);
    }

    /// <summary>
    /// The tsquery literal of the query's clauses on one field: each clause a phrase of its
    /// tokens (`'红树' &lt;-&gt; '树林'`), clauses joined by `&amp;`; null when no clause is on that field.
    /// </summary>
    public static string? TsQuery(KeywordQuery query, KeywordField field)
    {
        var clauses = query.Clauses.Where(c => c.Field == field)
            .Select(c => c.Tokens.Count == 1 ? Lexeme(c.Tokens[0]) : "(" + string.Join(" <-> ", c.Tokens.Select(Lexeme)) + ")")
            .ToList();
        return clauses.Count == 0 ? null : string.Join(" & ", clauses);
    }

    /// <summary>
    /// The Words vector literal: title and original title weighted A, people and organisations B,
    /// summary C. Each text starts one position after the previous one ends, so that a phrase never
    /// runs from one text into the next, just as an FTS5 phrase stays in its column. The summary
    /// comes last: in a very long one, only positions past 16383 blur.
    /// </summary>
    public static string WordsVector(SearchDocument document) => Vector(
        (document.Title, 'A'), (document.Original, 'A'), (document.People, 'B'), (document.Organisations, 'B'), (document.Summary, 'C'));

    /// <summary>The Characters vector literal: characters of the titles weighted A, of the rest C.</summary>
    public static string CharactersVector(SearchDocument document) => Vector(
        [(SearchAnalyzer.CharacterTokens(document.Title + " " + document.Original), 'A'),
         (SearchAnalyzer.CharacterTokens(document.Summary + " " + document.People + " " + document.Organisations), 'C')]);

    public Task DeleteAsync(CatalogueDb db, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        DbCommands.ForEachAsync(db, "DELETE FROM \"EntrySearch\" WHERE \"Id\" = @id", "id", ids, ct);

    public async Task InsertAsync(CatalogueDb db, IReadOnlyList<SearchDocument> documents, CancellationToken ct)
    {
        await using var insert = DbCommands.Create(db,
            "INSERT INTO \"EntrySearch\" (\"Id\", \"Words\", \"Characters\") VALUES (@id, @words::tsvector, @characters::tsvector)",
            "id", "words", "characters");
        foreach (var document in documents)
        {
            insert.Parameters[0].Value = document.Id;
            insert.Parameters[1].Value = WordsVector(document);
            insert.Parameters[2].Value = CharactersVector(document);
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    private static IEnumerable<(string Column, int Index, string TsQuery)> Present(KeywordQuery query)
    {
        var index = 0;
        foreach (var (field, column) in new[] { (KeywordField.Words, "Words"), (KeywordField.Characters, "Characters") })
        {
            if (TsQuery(query, field) is { } tsquery)
            {
                yield return (column, index++, tsquery);
            }
        }
    }

    private static (string Where, object[] Parameters) Where(KeywordQuery query)
    {
        var present = Present(query).ToList();
        return (string.Join(" AND ", present.Select(p => $"\"{p.Column}\" @@ {{{p.Index}}}::tsquery")),
            present.Select(p => (object)p.TsQuery).ToArray());
    }

    private static string Vector(params (string Text, char Weight)[] texts) =>
        Vector(texts.Select(t => (SearchAnalyzer.WordTokens(t.Text), t.Weight)).ToArray());

    private static string Vector((IEnumerable<string> Tokens, char Weight)[] texts)
    {
        var sb = new StringBuilder();
        var position = 0;
        foreach (var (tokens, weight) in texts)
        {
            var any = false;
            foreach (var token in tokens)
            {
                position++;
                any = true;
                if (Encoding.UTF8.GetByteCount(token) > MaxLexemeBytes)
                {
                    continue;
                }
                if (sb.Length > 0)
                {
                    sb.Append(' ');
                }
                sb.Append(Lexeme(token)).Append(':')
                    .Append(Math.Min(position, MaxPosition).ToString(CultureInfo.InvariantCulture)).Append(weight);
            }
            if (any)
            {
                position++; // the gap between two texts
            }
        }
        return sb.ToString();
    }

    /// <summary>A token as a quoted lexeme: inside quotes, a quote or backslash is doubled.</summary>
    private static string Lexeme(string token) =>
        "'" + token.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>Any of the phrases among the titles' lexemes (weight A), ranked as Ranked ranks.</summary>
    public IQueryable<SearchHit> TitleCandidates(CatalogueDb db, IReadOnlyList<IReadOnlyList<string>> phrases) =>
        db.Database.SqlQueryRaw<SearchHit>(
            $"SELECT \"Id\", -ts_rank({Weights}, \"Words\", {{0}}::tsquery)::double precision AS \"Rank\" FROM \"EntrySearch\" WHERE \"Words\" @@ {{0}}::tsquery",
            string.Join(" | ", phrases.Select(p => "(" + string.Join(" <-> ", p.Select(t => Lexeme(t) + ":A")) + ")")));
}
