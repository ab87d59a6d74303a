using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using NbsRoundup.Data;
using NbsRoundup.Discovery;
using NbsRoundup.Search;
using NbsRoundup.Testing;
using NbsRoundup.Text;

namespace NbsRoundup.Tests.Search;

/// <summary>
/// nbs_rank, the full-text index's rank function on SQLite, gives exactly bm25()'s ranks (to the
/// last bit: relevance order and its ties depend on them), both when it reads a row's length from
/// the index as bm25() does and when it takes it from the catalogue's columns. Over the newsletter
/// and 1,500 synthetic entries, with the kinds of match the catalogue asks: words, Chinese phrases,
/// glossary alternatives, several groups, title-only candidates.
/// </summary>
public sealed class SqliteRankTests(ColumnParityTests.Catalogue catalogue) : IClassFixture<ColumnParityTests.Catalogue>
{
    private const string Reason = "nbs_rank and nbs_has are SQLite functions; PostgreSQL ranks with ts_rank in SQL";

    private const string Weights = "10.0, 8.0, 1.0, 3.0, 3.0, 10.0, 1.0";

    public static TheoryData<string> Matches => new(
        "{title original summary people organisations} : \"wetland\"",
        "{title original summary people organisations} : \"湿地\"",
        "{chars_title chars_body} : \"自 然\"",
        "({title original summary people organisations} : \"wetland\" OR {title original summary people organisations} : \"湿地\" OR {title original summary people organisations} : \"peatland\")",
        "{title original summary people organisations} : \"forest\" AND ({title original summary people organisations} : \"climate\" OR {chars_title chars_body} : \"气候\")",
        "{title original} : (\"institute\" OR \"研究\")",
        "\"nbs\"");

    [SqliteOnlyTheory(Reason)]
    [MemberData(nameof(Matches))]
    public async Task Ranks_are_bm25s_with_lengths_from_the_index_or_from_the_columns(string match)
    {
        await using var db = catalogue.Database.Open();
        var columns = await CatalogueColumns.ForAsync(db, CancellationToken.None);
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();

        var fromIndex = await RanksAsync(connection, match);
        List<(long Id, double Bm25, double Ours)> fromColumns;
        using (SqliteRank.UseLengths(columns))
        {
            fromColumns = await RanksAsync(connection, match);
        }

        Assert.True(fromIndex.Count >= 5, $"{match} should find several entries, found {fromIndex.Count}");
        Assert.Contains(fromIndex, r => r.Bm25 != fromIndex[0].Bm25);
        foreach (var (id, bm25, ours) in fromIndex.Concat(fromColumns))
        {
            Assert.True(BitConverter.DoubleToInt64Bits(bm25) == BitConverter.DoubleToInt64Bits(ours), $"entry {id}: bm25 {bm25:R}, nbs_rank {ours:R}");
        }
        // Every matched row is a published entry, so inside the scope every length came from the columns.
        Assert.All(fromColumns, r => Assert.True(columns.TryGetLength(r.Id, out _), $"entry {r.Id} has no length in the columns"));
    }

    [SqliteOnlyFact(Reason)]
    public async Task A_row_the_columns_do_not_know_is_measured_in_the_index()
    {
        await using var db = catalogue.Database.Open();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        const string match = "{title original summary people organisations} : \"forest\"";
        var expected = await RanksAsync(connection, match);

        // Lengths that know nothing, and lengths that are all wrong: the first must not change a rank, the second must.
        List<(long Id, double Bm25, double Ours)> unknown, wrong;
        using (SqliteRank.UseLengths(new FixedLengths(null)))
        {
            unknown = await RanksAsync(connection, match);
        }
        using (SqliteRank.UseLengths(new FixedLengths(1)))
        {
            wrong = await RanksAsync(connection, match);
        }

        Assert.Equal(expected.Select(r => r.Ours), unknown.Select(r => r.Ours));
        Assert.Contains(wrong, r => r.Ours != r.Bm25);
    }

    /// <summary>Keywords the glossary expands, as researchers type them: single terms, pairs, phrases, Chinese inside a longer run.</summary>
    public static TheoryData<string> Expanded => new(
        "wetland", "wetlands", "湿地", "mangroves", "红树林", "net-zero", "碳中和", "green finance", "绿色金融", "coral reefs",
        "forests 气候变化", "mangroves indigenous peoples", "water security", "restoration", "oceans", "中国湿地保护", "peatlands", "nature-based solutions");

    [SqliteOnlyTheory(Reason)]
    [MemberData(nameof(Expanded))]
    public async Task The_rank_query_tells_which_matches_are_the_keywords_as_typed(string keywords)
    {
        var typed = KeywordQuery.Parse(keywords)!;
        var expansion = Glossary.Expand(keywords);
        var searched = KeywordQuery.Parse(keywords, expansion.Matches.Select(m => new KeywordExpansion(m.Start, m.Length, m.Equivalents)).ToList())!;
        Assert.True(searched.IsExpanded, $"the glossary should expand {keywords}");
        await using var db = catalogue.Database.Open();

        var (hits, typedIds) = SearchIndex.StreamRanked(db, searched, typed, CancellationToken.None);
        var marked = new Dictionary<int, bool>();
        await foreach (var hit in hits)
        {
            marked[hit.Id] = hit.Typed;
        }
        var matchedAsTyped = (await SearchIndex.Matches(db, typed).ToListAsync()).ToHashSet();

        // 中国湿地保护 typed is one phrase (中国 国湿 湿地 地保 保护); expanded, 湿地 is a group of its own
        // between 中国 and 保护: not the same clauses, so the typed keywords get a query of their own.
        Assert.Equal(keywords == "中国湿地保护", typedIds is not null);
        var asTyped = new HashSet<int>();
        if (typedIds is not null)
        {
            Assert.All(marked, m => Assert.True(m.Value));
            await foreach (var id in typedIds)
            {
                asTyped.Add(id);
            }
            asTyped.IntersectWith(marked.Keys);
        }
        else
        {
            asTyped.UnionWith(marked.Where(m => m.Value).Select(m => m.Key));
        }
        // The typed keywords' own query is what the marks must equal, match for match.
        Assert.Equal(matchedAsTyped.Order(), asTyped.Order());
    }

    [SqliteOnlyFact(Reason)]
    public async Task The_marks_are_not_all_the_same()
    {
        // wetland finds entries that say 湿地 only: some matches are typed, some are not.
        var typed = KeywordQuery.Parse("wetland")!;
        var searched = KeywordQuery.Parse("wetland", Glossary.Expand("wetland").Matches.Select(m => new KeywordExpansion(m.Start, m.Length, m.Equivalents)).ToList())!;
        await using var db = catalogue.Database.Open();
        var marks = new List<bool>();
        await foreach (var hit in SearchIndex.StreamRanked(db, searched, typed, CancellationToken.None).Hits)
        {
            marks.Add(hit.Typed);
        }
        Assert.Contains(true, marks);
        Assert.Contains(false, marks);
    }

    private sealed class FixedLengths(int? length) : IDocumentLengths
    {
        public bool TryGetLength(long rowid, out int value)
        {
            value = length ?? -1;
            return length is not null;
        }
    }

    private static async Task<List<(long Id, double Bm25, double Ours)>> RanksAsync(DbConnection connection, string match)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT rowid, bm25(\"EntrySearch\", {Weights}), nbs_rank(\"EntrySearch\", {Weights}) FROM \"EntrySearch\" WHERE \"EntrySearch\" MATCH $match ORDER BY rowid";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "$match";
        parameter.Value = match;
        command.Parameters.Add(parameter);
        var rows = new List<(long, double, double)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt64(0), reader.GetDouble(1), reader.GetDouble(2)));
        }
        return rows;
    }
}
