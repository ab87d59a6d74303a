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

    public IndexCommand Matches(KeywordQuery query)
    {
        // Only column names and placeholders are put together here; the tsquery literals are parameters.
        var (where, parameters) = Where(query);
        return new IndexCommand("SELECT \"Id\" AS \"Value\" FROM \"EntrySearch\" WHERE " + where, parameters.ToArray());
    }

    /// <summary>ts_rank has no view of which parts of a tsquery matched: the typed keywords are matched in a query of their own.</summary>
    public IndexCommand? RankedMarking(KeywordQuery query, KeywordQuery typed) => null;

    public IndexCommand Ranked(KeywordQuery query)
    {
        var (where, parameters) = Where(query);
        // Rank as SQLite's bm25 gives it: lower is better.
        var rank = string.Join(" + ", Fields.Select(f => (f.Column, Query: TsQuery(query, f.Field))).Where(f => f.Query is not null).Select(f =>
        {
            parameters.Add(f.Query!);
            return $"ts_rank({Weights}, \"{f.Column}\", {{{parameters.Count - 1}}}::tsquery)";
        }).ToList());
        return new IndexCommand($"SELECT \"Id\", -({rank})::double precision AS \"Rank\" FROM \"EntrySearch\" WHERE {where}", parameters.ToArray());
    }

    /// <summary>
    /// The tsquery literal of the query's clauses on one field: each clause a phrase of its tokens
    /// (`'红树' &lt;-&gt; '树林'`), a group's alternatives joined by `|`, groups by `&amp;`; null when
    /// no clause is on that field.
    /// </summary>
    public static string? TsQuery(KeywordQuery query, KeywordField field) => TsQuery(query.Groups, field);

    private static string? TsQuery(IEnumerable<KeywordGroup> groups, KeywordField field)
    {
        var rendered = groups
            .Select(g => g.Alternatives.Select(a => a.Clauses.Where(c => c.Field == field).Select(Clause).ToList()).Where(a => a.Count > 0)
                .Select(a => a.Count == 1 ? a[0] : "(" + string.Join(" & ", a) + ")").Distinct().ToList())
            .Where(alternatives => alternatives.Count > 0)
            .Select(alternatives => alternatives.Count == 1 ? alternatives[0] : "(" + string.Join(" | ", alternatives) + ")")
            .ToList();
        return rendered.Count == 0 ? null : string.Join(" & ", rendered);
    }

    private static string Clause(KeywordClause c) =>
        c.Tokens.Count == 1 ? Lexeme(c.Tokens[0]) : "(" + string.Join(" <-> ", c.Tokens.Select(Lexeme)) + ")";

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

    private static readonly (KeywordField Field, string Column)[] Fields = [(KeywordField.Words, "Words"), (KeywordField.Characters, "Characters")];

    /// <summary>
    /// The WHERE condition: groups whose clauses all look in one vector are one tsquery on it (one
    /// GIN lookup per vector); a group whose alternatives look in both (a one-character equivalent)
    /// is an OR of its alternatives.
    /// </summary>
    private static (string Where, List<object> Parameters) Where(KeywordQuery query)
    {
        var parameters = new List<object>();
        var conditions = new List<string>();
        string Match(string column, string tsquery)
        {
            parameters.Add(tsquery);
            return $"\"{column}\" @@ {{{parameters.Count - 1}}}::tsquery";
        }
        var mixed = query.Groups.Where(g => g.Alternatives.SelectMany(a => a.Clauses).Select(c => c.Field).Distinct().Count() > 1).ToList();
        foreach (var (field, column) in Fields)
        {
            if (TsQuery(query.Groups.Except(mixed), field) is { } tsquery)
            {
                conditions.Add(Match(column, tsquery));
            }
        }
        foreach (var group in mixed)
        {
            conditions.Add("(" + string.Join(" OR ", group.Alternatives.Select(a => "(" + string.Join(" AND ", Fields
                .Select(f => (f.Column, Query: TsQuery([new KeywordGroup([a])], f.Field)))
                .Where(f => f.Query is not null)
                .Select(f => Match(f.Column, f.Query!))) + ")")) + ")");
        }
        return (string.Join(" AND ", conditions), parameters);
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
