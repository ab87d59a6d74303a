using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NbsRoundup.Data;
using NbsRoundup.Importing;
using NbsRoundup.Search;
using NbsRoundup.Testing;

namespace NbsRoundup.Tests.Search;

/// <summary>On a PostgreSQL run, the same keywords over the same issue find the same entries as on SQLite.</summary>
public sealed class EngineParityTests(CatalogueFixture catalogue) : IClassFixture<CatalogueFixture>
{
    private static readonly string[] _keywords =
    [
        "湿地", "红树林", "林", "汇", "碳汇 TNC", "生物多样性", "泥炭地", "大自然保护协会", "mangroves", "Mangrove", "net-zero",
        "NET ZERO", "NbS", "policies", "world's", "Tubiana", "Pettorelli", "WWF", "COP26 气候", "自然 solutions", "2021", "不存在的词",
        // Expanded through the glossary into the other language, and the same as typed only.
        "wetland", "碳达峰", "nature-based solutions", "mangrove restoration", "deforestation", "红树林修复", "Kunming Declaration",
        "wetland exact", "nature-based solutions exact",
        // Topics and places, alone and with keywords.
        "topic:wetlands", "topic:finance topic:forests", "place:419", "place:142 q:气候", "place:global topic:climate-change q:NbS",
    ];

    [PostgresOnlyFact("it compares PostgreSQL's results with SQLite's; on SQLite it would compare SQLite with itself")]
    public async Task Postgres_finds_the_same_entries_as_sqlite_for_the_same_keywords()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nbs-parity-{Guid.NewGuid():N}.db");
        try
        {
            var onSqlite = new Dictionary<string, List<string>>();
            await using (var sqlite = new CatalogueDb(CatalogueDatabase.Options(DatabaseProvider.Sqlite, $"Data Source={path}")))
            {
                await sqlite.Database.MigrateAsync();
                Assert.True((await new CatalogueImporter(sqlite).ImportAsync(ContentFiles.Parse(ContentFiles.Vol3), dryRun: false)).Applied);
                foreach (var keywords in _keywords)
                {
                    onSqlite[keywords] = await SlugsAsync(sqlite, keywords);
                }
            }
            await using var postgres = catalogue.Database.Open();

            var differences = new List<string>();
            foreach (var keywords in _keywords)
            {
                var onPostgres = await SlugsAsync(postgres, keywords);
                if (!onPostgres.Order(StringComparer.Ordinal).SequenceEqual(onSqlite[keywords].Order(StringComparer.Ordinal)))
                {
                    differences.Add($"{keywords}: SQLite [{string.Join(", ", onSqlite[keywords])}] PostgreSQL [{string.Join(", ", onPostgres)}]");
                }
            }

            Assert.True(onSqlite.Values.Count(v => v.Count > 0) >= 25, "most of the keywords should find something");
            Assert.Empty(differences);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>Keywords, or `topic:`, `place:` and `q:` words; a trailing ` exact` searches as typed only.</summary>
    private static async Task<List<string>> SlugsAsync(CatalogueDb db, string keywords)
    {
        var exact = keywords.EndsWith(" exact", StringComparison.Ordinal);
        var words = (exact ? keywords[..^" exact".Length] : keywords).Split(' ');
        var query = words.All(w => w.Contains(':', StringComparison.Ordinal))
            ? new CatalogueQuery
            {
                Topics = words.Where(w => w.StartsWith("topic:", StringComparison.Ordinal)).Select(w => w[6..]).ToList(),
                Places = words.Where(w => w.StartsWith("place:", StringComparison.Ordinal)).Select(w => w[6..]).ToList(),
                Keywords = words.FirstOrDefault(w => w.StartsWith("q:", StringComparison.Ordinal))?[2..],
            }
            : new CatalogueQuery { Keywords = exact ? keywords[..^" exact".Length] : keywords, Exact = exact };
        return (await new CatalogueSearch(db).RunAsync(query with { PageSize = 100 })).Items.Select(i => i.Slug).ToList();
    }
}
