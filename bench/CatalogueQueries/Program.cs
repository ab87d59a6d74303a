// Catalogue query benchmark: p50/p95/p99 of the portal's search (SQLite FTS5 with CJK bigrams)
// against a naive LIKE scan of the same queries, measured in the same run on the same database.
// Usage: dotnet run -c Release --project bench/CatalogueQueries -- /path/to/synthetic.db [iterations]
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using NbsRoundup.Catalogue;
using NbsRoundup.Data;
using NbsRoundup.Search;

if (args.Length < 1 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("usage: CatalogueQueries <synthetic.db> [iterations]   (make one with: dotnet run --project src/NbsRoundup.Web -- seed-synthetic --entries 100000 --database FILE)");
    return 2;
}
var iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
// Configured as the portal configures its store (CatalogueStore.AddCatalogueStore).
var options = new DbContextOptionsBuilder<CatalogueDb>().UseSqlite($"Data Source={args[0]}").AddInterceptors(SqliteTuning.Instance).Options;
var factory = new PooledDbContextFactory<CatalogueDb>(options);

await using (var db = factory.CreateDbContext())
{
    // A synthetic catalogue made by an older build catches up with the schema first.
    await db.Database.MigrateAsync();
    Console.WriteLine($"Catalogue: {await db.Entries.CountAsync():N0} entries, {await db.Issues.CountAsync():N0} issues, {await db.Organisations.CountAsync():N0} organisations; {iterations} runs per query; {Environment.ProcessorCount} cores; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
}

string[] words = ["湿地", "红树林", "碳汇", "泥炭地", "修复", "mangroves", "net-zero", "珊瑚礁", "生物多样性", "wetlands"];
string[] organisations = ["syn-org-7", "syn-org-42", "I99", "syn-org-120"];
(string From, string To)[] ranges = [("2005-03", "2005-06"), ("2012", "2012"), ("2018-07-01", "2018-07-31"), ("2020-01", "2021-12")];

var kinds = new (string Name, Func<int, CatalogueQuery> Query, bool Facets, bool HasLike)[]
{
    ("keyword", i => new CatalogueQuery { Keywords = words[i % words.Length], Sort = CatalogueSort.Date }, false, true),
    ("keyword + organisation", i => new CatalogueQuery { Keywords = words[i % words.Length], Organisation = organisations[i % organisations.Length] }, false, true),
    ("date range", i => new CatalogueQuery { From = Bound(ranges[i % ranges.Length].From), To = Bound(ranges[i % ranges.Length].To) }, false, false),
    ("keyword + facets (the page)", i => new CatalogueQuery { Keywords = words[i % words.Length] }, true, true),
    ("facets of everything", _ => new CatalogueQuery(), true, false),
};

Console.WriteLine();
Console.WriteLine($"{"query",-30} {"FTS p50",9} {"p95",9} {"p99",9} | {"LIKE p50",9} {"p95",9} {"p99",9} | LIKE/FTS p95");
foreach (var kind in kinds)
{
    var fts = await MeasureAsync(i => RunAsync(kind.Query(i), kind.Facets));
    var line = $"{kind.Name,-30} {fts.P50,7:N1}ms {fts.P95,7:N1}ms {fts.P99,7:N1}ms |";
    if (kind.HasLike)
    {
        var like = await MeasureAsync(i => LikeAsync(kind.Query(i)), Math.Max(20, iterations / 5));
        line += $" {like.P50,7:N1}ms {like.P95,7:N1}ms {like.P99,7:N1}ms | {like.P95 / fts.P95,8:N1}x";
    }
    else
    {
        line += $" {"-",9} {"-",9} {"-",9} |";
    }
    Console.WriteLine(line);
}
Console.WriteLine();
Console.WriteLine("Goal: keyword queries p95 under 50 ms with 100,000 entries.");
return 0;

async Task RunAsync(CatalogueQuery query, bool facets)
{
    await using var db = factory.CreateDbContext();
    var result = await new CatalogueSearch(db).RunAsync(query, new CatalogueSearch.Options(Facets: facets));
    if (result.Errors.Count > 0)
    {
        throw new InvalidOperationException(string.Join("; ", result.Errors));
    }
}

// The same filters, with the keyword matched by LIKE over the text columns: what a portal without an index would do.
async Task LikeAsync(CatalogueQuery query)
{
    await using var db = factory.CreateDbContext();
    var pattern = "%" + query.Keywords!.Replace("-", " ", StringComparison.Ordinal) + "%";
    var entries = db.Entries.AsNoTracking().Published()
        .Where(e => EF.Functions.Like(e.Title, pattern) || EF.Functions.Like(e.OriginalTitle!, pattern) || EF.Functions.Like(e.Summary, pattern));
    if (query.Organisation is { } name)
    {
        var organisation = await OrganisationLookup.FindAsync(db, name);
        entries = entries.Where(e => e.Organisations.Any(o => o.OrganisationId == organisation!.Id));
    }
    await entries.CountAsync();
    await entries.OrderByDescending(e => e.DateStart).Take(20).Select(e => e.Slug).ToListAsync();
}

async Task<(double P50, double P95, double P99)> MeasureAsync(Func<int, Task> run, int? count = null)
{
    var n = count ?? iterations;
    for (var i = 0; i < Math.Min(10, n); i++)
    {
        await run(i);
    }
    var times = new List<double>(n);
    for (var i = 0; i < n; i++)
    {
        var clock = Stopwatch.StartNew();
        await run(i);
        times.Add(clock.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    double At(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
    return (At(0.50), At(0.95), At(0.99));
}

static PartialDate Bound(string iso)
{
    var parts = iso.Split('-').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
    return new PartialDate(parts[0], parts.Length > 1 ? parts[1] : null, parts.Length > 2 ? parts[2] : null, iso);
}
