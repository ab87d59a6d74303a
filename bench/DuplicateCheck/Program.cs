// Duplicate check benchmark: the cost of Search.Duplicates.FindAsync (what the entry forms, the lookup
// command and the upload preview run before a save) on a large catalogue, against comparing the title with
// every entry's titles (the exhaustive check it stands for), and how many near-identical titles the
// bounded candidate set misses compared with the exhaustive check.
// Usage: dotnet run -c Release --project bench/DuplicateCheck -- /path/to/synthetic.db [iterations]
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using NbsRoundup.Data;
using NbsRoundup.Lookup;
using NbsRoundup.Search;

if (args.Length < 1 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("usage: DuplicateCheck <synthetic.db> [iterations]   (make one with: dotnet run --project src/NbsRoundup.Web -- seed-synthetic --entries 100000 --database FILE)");
    return 2;
}
var iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
var options = new DbContextOptionsBuilder<CatalogueDb>().UseSqlite($"Data Source={args[0]}").AddInterceptors(SqliteTuning.Instance).Options;
var factory = new PooledDbContextFactory<CatalogueDb>(options);

List<(string Slug, string Title, string? Original, string? Link)> sample;
await using (var db = factory.CreateDbContext())
{
    await db.Database.MigrateAsync();
    // Catalogues seeded before links had keys get them here, as the portal does at start-up.
    await LinkKeys.BackfillAsync(db);
    var count = await db.Entries.CountAsync();
    Console.WriteLine($"Catalogue: {count:N0} entries ({await db.Entries.CountAsync(e => e.Link != null):N0} with a link); {iterations} checks per kind; {Environment.ProcessorCount} cores; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
    var random = new Random(13);
    var ids = Enumerable.Range(0, iterations).Select(_ => random.Next(1, count + 1)).ToList();
    sample = (await db.Entries.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new { e.Slug, e.Title, e.OriginalTitle, e.Link }).ToListAsync())
        .Select(e => (e.Slug, e.Title, e.OriginalTitle, e.Link)).ToList();
}

var kinds = new (string Name, Func<int, (string? Link, string Title, string? Original)> Query)[]
{
    ("same title", i => (null, sample[i % sample.Count].Title, sample[i % sample.Count].Original)),
    ("title with a note added", i => (null, Noted(sample[i % sample.Count].Title), null)),
    ("new title", i => (null, $"《前所未有的第{i}份湿地报告》", $"An Unprecedented Wetlands Report No. {i}")),
    ("same link, written otherwise", i => (Otherwise(sample.Where(s => s.Link is not null).ElementAt(i % sample.Count(s => s.Link is not null)).Link!), $"《链接重复{i}》", null)),
};

Console.WriteLine();
Console.WriteLine($"{"check",-30} {"p50",9} {"p95",9} {"p99",9} | found");
foreach (var kind in kinds)
{
    var found = 0;
    var timings = new List<double>();
    for (var i = 0; i < iterations; i++)
    {
        var (link, title, original) = kind.Query(i);
        var clock = Stopwatch.StartNew();
        await using var db = factory.CreateDbContext();
        var duplicates = await Duplicates.FindAsync(db, link, title, original);
        timings.Add(clock.Elapsed.TotalMilliseconds);
        found += duplicates.Count > 0 ? 1 : 0;
    }
    timings.Sort();
    Console.WriteLine($"{kind.Name,-30} {P(timings, 50),7:N1}ms {P(timings, 95),7:N1}ms {P(timings, 99),7:N1}ms | {found}/{iterations}");
}

// The exhaustive check: every entry's titles read and compared (what the candidates stand in for).
List<(string Title, string? Original)> all;
var exhaustive = new List<double>();
var missed = 0;
var runs = Math.Min(20, iterations);
for (var i = 0; i < runs; i++)
{
    var (_, title, original) = kinds[1].Query(i);
    var clock = Stopwatch.StartNew();
    await using (var db = factory.CreateDbContext())
    {
        all = (await db.Entries.AsNoTracking().Select(e => new { e.Title, e.OriginalTitle }).ToListAsync()).Select(e => (e.Title, e.OriginalTitle)).ToList();
    }
    var matches = all.Count(e => TitleSimilarity.AreSameWork(title, original, e.Title, e.Original));
    exhaustive.Add(clock.Elapsed.TotalMilliseconds);
    await using (var db = factory.CreateDbContext())
    {
        var bounded = await Duplicates.FindAsync(db, null, title, original);
        missed += Math.Max(0, matches - bounded.Count);
    }
}
exhaustive.Sort();
Console.WriteLine($"{"exhaustive (every title)",-30} {P(exhaustive, 50),7:N1}ms {P(exhaustive, 95),7:N1}ms {P(exhaustive, 99),7:N1}ms | {runs} runs");
Console.WriteLine($"Near-identical titles the exhaustive check found and the bounded check did not, over {runs} titles with a note added: {missed}");
return 0;

static double P(List<double> sorted, int percentile) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];

// A title as another editor might write it: a note added inside the book-title marks, near-identical by TitleSimilarity's rule.
static string Noted(string title) => title.EndsWith('》') ? title[..^1] + "（修订版）》" : title + "（修订版）";

// The same link as another editor would paste it: www., a trailing slash, a tracking parameter.
static string Otherwise(string link) => link.Replace("https://", "http://www.", StringComparison.Ordinal) + "/?utm_source=wechat";
