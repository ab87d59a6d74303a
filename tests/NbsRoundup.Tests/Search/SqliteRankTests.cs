using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using NbsRoundup.Data;
using NbsRoundup.Search;
using NbsRoundup.Testing;

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
    private const string Weights = "10.0, 8.0, 1.0, 3.0, 3.0, 10.0, 1.0";

    public static TheoryData<string> Matches => new(
        "{title original summary people organisations} : \"wetland\"",
        "{title original summary people organisations} : \"湿地\"",
        "{chars_title chars_body} : \"自 然\"",
        "({title original summary people organisations} : \"wetland\" OR {title original summary people organisations} : \"湿地\" OR {title original summary people organisations} : \"peatland\")",
        "{title original summary people organisations} : \"forest\" AND ({title original summary people organisations} : \"climate\" OR {chars_title chars_body} : \"气候\")",
        "{title original} : (\"institute\" OR \"研究\")",
        "\"nbs\"");

    [Theory]
    [MemberData(nameof(Matches))]
    public async Task Ranks_are_bm25s_with_lengths_from_the_index_or_from_the_columns(string match)
    {
        if (TestEngine.IsPostgres)
        {
            // PostgreSQL ranks with ts_rank in SQL; nbs_rank is SQLite's.
            return;
        }
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

    [Fact]
    public async Task A_row_the_columns_do_not_know_is_measured_in_the_index()
    {
        if (TestEngine.IsPostgres)
        {
            return;
        }
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
