// The growth-curve benchmark (issue 15), one catalogue at a time: bench/run.sh seeds catalogues of
// 10,000, 100,000 (and 1,000,000) entries on SQLite and PostgreSQL and runs this on each. Every query
// is one never asked before (distinct query strings, warm-up queries apart), asked one after another:
// through the portal's own code in this process, with the bare SQL it ran timed again beside it
// (the floor), and through HTTP against a portal started on the same catalogue. Then an import of
// newsletter files into the grown catalogue. Prints each row and appends it to a JSON-lines file
// that growth-report.py turns into the Markdown table.
//
//   dotnet run -c Release --project bench/GrowthCurve -- --provider Sqlite --catalogue "Data Source=/tmp/syn.db"
//       [--portal http://127.0.0.1:5000] [--queries 200] [--pages 50] [--import-files 20] [--out results.jsonl]
//       [--only keyword,facets,catalogue,issue,columns,import] [--profile N]   (N: print the SQL of the first N queries, timed)
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using GrowthCurve;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using NbsRoundup.Catalogue;
using NbsRoundup.Data;
using NbsRoundup.Importing;
using NbsRoundup.Search;
using NbsRoundup.Synthetic;

var options = ParseArguments(args);
if (options is null)
{
    Console.Error.WriteLine("usage: GrowthCurve --provider Sqlite|Postgres --catalogue CONNECTION-STRING [--portal URL] [--queries 200] [--pages 50] [--import-files 20] [--out FILE.jsonl]");
    return 2;
}
var provider = CatalogueDatabase.ParseProvider(options["provider"]);
var connectionString = options["catalogue"];
var count = int.Parse(options.GetValueOrDefault("queries", "200"), CultureInfo.InvariantCulture);
var pageCount = int.Parse(options.GetValueOrDefault("pages", "50"), CultureInfo.InvariantCulture);
var importFiles = int.Parse(options.GetValueOrDefault("import-files", "20"), CultureInfo.InvariantCulture);
var output = options.GetValueOrDefault("out");
// --profile N: the SQL commands of the first N measured queries of each in-process row, each with its replayed time.
var profile = int.Parse(options.GetValueOrDefault("profile", "0"), CultureInfo.InvariantCulture);
var only = options.GetValueOrDefault("only")?.Split(',');
var engine = provider == DatabaseProvider.Postgres ? "PostgreSQL" : "SQLite";

await using var floor = await SqlFloor.OpenAsync(provider, connectionString);
// The portal's configuration of its store (CatalogueStore): pooled contexts, the compiled model, and here the capture.
var builder = new DbContextOptionsBuilder<CatalogueDb>();
builder.Use(provider, connectionString).AddInterceptors(floor);
var factory = new PooledDbContextFactory<CatalogueDb>(builder.Options);

int entries, organisations, firstYear, lastYear;
List<string> slugs;
await using (var db = factory.CreateDbContext())
{
    // A catalogue made by an older build catches up with the schema first.
    await db.Database.MigrateAsync();
    entries = await db.Entries.Published().CountAsync();
    organisations = await db.Organisations.CountAsync(o => o.Slug.StartsWith("syn-org-"));
    firstYear = await db.Entries.MinAsync(e => e.DateYear) ?? 2000;
    lastYear = await db.Entries.MaxAsync(e => e.DateYear) ?? 2025;
    slugs = await db.Issues.Published().OrderBy(i => i.Id).Select(i => i.Slug).ToListAsync();
}
Console.WriteLine($"{engine}: {entries:N0} visible entries, {slugs.Count:N0} issues, {organisations} synthetic organisations, dates {firstYear}-{lastYear}; {count} distinct queries a row; {Environment.ProcessorCount} cores; load average {LoadAverage()}");

var warmUp = QueryMix.Keywords(10, seed: 1, organisations, firstYear, lastYear);
var queries = QueryMix.Keywords(count, seed: 2, organisations, firstYear, lastYear, taken: warmUp.ToHashSet());
var pages = QueryMix.Pages(pageCount, first: 11);
var warmUpPages = QueryMix.Pages(10);
var issueOrder = new Random(3);
var issues = slugs.OrderBy(_ => issueOrder.Next()).Take(count + 10).ToList();
var (warmUpIssues, measuredIssues) = (issues.Take(10).ToList(), issues.Skip(10).ToList());

var floors = new Dictionary<string, Percentiles>();
await InProcessAsync("keyword", "keyword query (CatalogueSearch, as /api/entries)", warmUp, queries, q => SearchAsync(q, facets: false));
await InProcessAsync("facets", "keyword + facets (CatalogueSearch, as /entries)", warmUp, queries, q => SearchAsync(q, facets: true));
await InProcessAsync("catalogue", "whole catalogue + facets (CatalogueSearch, as /entries?page=N)", warmUpPages, pages, q => SearchAsync(q, facets: true));
await InProcessAsync("issue", "issue page (IssueContents)", warmUpIssues, measuredIssues, IssueAsync);

if (options.GetValueOrDefault("portal") is { } portal && only is null)
{
    using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = new Uri(portal) };
    // Each address is asked once: the output cache stores it but is never asked for it again.
    await HttpAsync("keyword", "GET /api/entries?… (HTTP)", warmUp.Select(q => "/api/entries?" + q), queries.Select(q => "/api/entries?" + q));
    await HttpAsync("facets", "GET /entries?… (HTTP, the page with facets)", warmUp.Select(q => "/entries?" + q), queries.Select(q => "/entries?" + q));
    await HttpAsync("catalogue", "GET /entries?page=N (HTTP)", warmUpPages.Select(q => "/entries?" + q), pages.Select(q => "/entries?" + q));
    await HttpAsync("issue", "GET /issues/{slug} (HTTP)", warmUpIssues.Select(s => "/issues/" + s), measuredIssues.Select(s => "/issues/" + s));

    async Task HttpAsync(string kind, string name, IEnumerable<string> warm, IEnumerable<string> measured)
    {
        foreach (var url in warm)
        {
            await GetAsync(url);
        }
        var times = new List<double>();
        foreach (var url in measured)
        {
            var clock = Stopwatch.StartNew();
            await GetAsync(url);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        Report(kind, name, "http", Percentiles.Of(times), floors.GetValueOrDefault(kind), null);
    }

    async Task GetAsync(string url)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}

if (only is null || only.Contains("columns"))
{
    await ColumnsAsync();
}
if (only is null || only.Contains("import"))
{
    await ImportAsync();
}
return 0;

// What the first catalogue query after a change pays: the columns of published entries read again
// when the change log cannot vouch for the change (here: a record naming nothing), or patched
// (CatalogueColumns), once per change and instance. Each time a change record is written first (as
// a save would, naming nothing), so the kept columns are out of date; after the HTTP rows, so the
// records do not touch what they measure.
async Task ColumnsAsync()
{
    var times = new List<double>();
    for (var i = 0; i < 12; i++)
    {
        await using var db = factory.CreateDbContext();
        await db.Database.ExecuteSqlRawAsync("INSERT INTO \"ChangeRecords\" (\"CommittedAt\", \"Tags\") VALUES ({0}, '')", DateTime.UtcNow);
        var clock = Stopwatch.StartNew();
        var columns = await CatalogueColumns.ForAsync(db, CancellationToken.None);
        if (i >= 2)
        {
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        if (columns.Count != entries)
        {
            throw new InvalidOperationException($"columns hold {columns.Count} entries, the catalogue {entries}");
        }
    }
    Report("columns", "columns read again after a change (CatalogueColumns)", "in-process", Percentiles.Of(times), null, null);

    // What the first query after an editor's save pays now: the save names its entry in the change
    // log, and the kept columns are patched from it (ColumnPatch) instead of read again.
    var patched = new List<double>();
    for (var i = 0; i < 12; i++)
    {
        await using (var db = factory.CreateDbContext())
        {
            var entry = await db.Entries.Where(e => e.IsPublished).OrderBy(e => e.Id).Skip(1000 + i).FirstAsync();
            // A date the entry does not have yet: on a catalogue an earlier run edited, the same date would save nothing.
            var year = entry.Content.Date?.Year == 2000 + i ? 2001 + i : 2000 + i;
            entry.Update(entry.Content with { Date = new PartialDate(year, 1 + i, null, $"{year}年{1 + i}月") });
            await db.SaveAuditedAsync(new ChangeNote("bench", "a date corrected"), () => { }, CancellationToken.None);
        }
        await using (var db = factory.CreateDbContext())
        {
            var clock = Stopwatch.StartNew();
            var columns = await CatalogueColumns.ForAsync(db, CancellationToken.None);
            if (i >= 2)
            {
                patched.Add(clock.Elapsed.TotalMilliseconds);
            }
            if (columns.Count != entries)
            {
                throw new InvalidOperationException($"columns hold {columns.Count} entries, the catalogue {entries}");
            }
        }
    }
    Report("columns", "columns patched after an entry's save (ColumnPatch)", "in-process", Percentiles.Of(patched), null, null);
}

async Task InProcessAsync<T>(string kind, string name, IEnumerable<T> warm, IEnumerable<T> measured, Func<T, Task> run)
{
    if (only is not null && !only.Contains(kind))
    {
        return;
    }
    foreach (var item in warm)
    {
        await run(item);
    }
    var (times, floorTimes, cpuTimes, commands) = (new List<double>(), new List<double>(), new List<double>(), 0);
    foreach (var item in measured)
    {
        // The replay ranks with the lengths the portal ranked with: the columns of this catalogue version (read before the capture starts).
        IDocumentLengths? lengths = null;
        if (provider == DatabaseProvider.Sqlite)
        {
            await using var db = factory.CreateDbContext();
            lengths = await CatalogueColumns.ForAsync(db, CancellationToken.None);
        }
        floor.Start();
        // CPU time of this process (SQLite runs in it): what a query costs when the shared cores are busy.
        var cpu = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();
        await run(item);
        times.Add(clock.Elapsed.TotalMilliseconds);
        cpuTimes.Add((Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds);
        commands += floor.Commands;
        using (SqliteRank.UseLengths(lengths))
        {
            floorTimes.Add(await floor.ReplayAsync());
        }
        if (floorTimes.Count <= profile)
        {
            Console.WriteLine($"    {item}: {times[^1]:N1} ms, floor {floorTimes[^1]:N1} ms");
            foreach (var (text, ms) in floor.LastTimes)
            {
                Console.WriteLine($"      {ms,7:N1} ms  {text.ReplaceLineEndings(" ")}");
            }
        }
    }
    // Relevance ranks every match (FTS5's bm25 over all of them, in the floor); by date it only matches: one row each.
    // (Taken before the percentiles below, which sort the lists in place.)
    var items = measured.ToList();
    string[] sorts = ["date", "relevance"];
    var bySort = sorts
        .Select(sort => (Sort: sort, Which: Enumerable.Range(0, items.Count).Where(i => items[i] is string q && q.Contains("sort=" + sort, StringComparison.Ordinal)).ToList()))
        .Where(s => s.Which.Count > 0 && s.Which.Count < items.Count)
        .Select(s => (s.Sort, s.Which.Count, Times: s.Which.Select(i => times[i]).ToList(), Floors: s.Which.Select(i => floorTimes[i]).ToList()))
        .ToList();
    floors[kind] = Percentiles.Of(floorTimes);
    Report(kind, name, "in-process", Percentiles.Of(times), floors[kind], commands / (double)times.Count);
    foreach (var (sort, _, sortTimes, sortFloors) in bySort)
    {
        Report(kind, $"{name}, sorted by {sort}", "in-process", Percentiles.Of(sortTimes), Percentiles.Of(sortFloors), commands / (double)times.Count);
    }
    var cpuPercentiles = Percentiles.Of(cpuTimes);
    Console.WriteLine($"  {"  CPU time of the same queries (this process)",-62} p50 {cpuPercentiles.P50,7:N1} p95 {cpuPercentiles.P95,7:N1} p99 {cpuPercentiles.P99,7:N1} ms");
    Write(new
    {
        engine, entries, kind, row = name + ", CPU time", via = "in-process CPU", n = cpuPercentiles.Count,
        p50 = Math.Round(cpuPercentiles.P50, 2), p95 = Math.Round(cpuPercentiles.P95, 2), p99 = Math.Round(cpuPercentiles.P99, 2),
        load = LoadAverage(),
    });
}

async Task SearchAsync(string queryString, bool facets)
{
    var (query, errors) = CatalogueQuery.Parse(name => QueryMix.Values(queryString, name));
    await using var db = factory.CreateDbContext();
    var result = errors.Count > 0 ? null : await new CatalogueSearch(db).RunAsync(query, new CatalogueSearch.Options(Facets: facets));
    if (result is null || result.Errors.Count > 0)
    {
        throw new InvalidOperationException($"{queryString}: {string.Join("; ", errors.Concat(result?.Errors ?? []))}");
    }
}

async Task IssueAsync(string slug)
{
    await using var db = factory.CreateDbContext();
    _ = await IssueContents.LoadAsync(db, slug, CancellationToken.None) ?? throw new InvalidOperationException($"no issue {slug}");
}

// Newsletter files of 45 entries (SyntheticNewsletters, numbered past any synthetic issue) through the
// portal's one import operation, one transaction a file, into the grown catalogue.
async Task ImportAsync()
{
    var files = Enumerable.Range(1_000_001 + (entries % 1000), importFiles).Select(n => (Name: $"syn-{n}.md", Bytes: System.Text.Encoding.UTF8.GetBytes(SyntheticNewsletters.Issue(n, 45)))).ToList();
    var (added, clock) = (0, Stopwatch.StartNew());
    floor.Start();
    foreach (var (fileName, bytes) in files)
    {
        await using var db = factory.CreateDbContext();
        var plan = await NewsletterImport.RunAsync(db, bytes, fileName, dryRun: false, "growth-curve benchmark", CancellationToken.None);
        if (plan.HasErrors)
        {
            throw new InvalidOperationException(string.Join("\n", plan.Diagnostics));
        }
        added += plan.Count(ChangeKind.Added);
    }
    var perSecond = added / clock.Elapsed.TotalSeconds;
    if (profile > 0)
    {
        foreach (var group in floor.Texts.GroupBy(t => t).OrderByDescending(g => g.Count()).Take(profile))
        {
            Console.WriteLine($"    {group.Count(),6} x {group.Key.ReplaceLineEndings(" ")[..Math.Min(300, group.Key.Length)]}");
        }
    }
    Console.WriteLine($"  {"import of newsletter files (NewsletterImport)",-62} {added:N0} entries in {clock.Elapsed.TotalSeconds:N1} s: {perSecond:N0} entries/s");
    Write(new { engine, entries, kind = "import", row = "import of newsletter files (entries/s)", via = "in-process", value = Math.Round(perSecond), load = LoadAverage() });
}

void Report(string kind, string name, string via, Percentiles portal, Percentiles? bare, double? commands)
{
    var ratio = bare is null ? "" : $" | floor p50 {bare.P50,6:N1} p95 {bare.P95,6:N1} ms, portal/floor p95 {portal.P95 / bare.P95,5:N1}x";
    Console.WriteLine($"  {name,-62} p50 {portal.P50,7:N1} p95 {portal.P95,7:N1} p99 {portal.P99,7:N1} ms{ratio}{(commands is null ? "" : $", {commands:N1} SQL commands")}");
    Write(new
    {
        engine, entries, kind, row = name, via, n = portal.Count,
        p50 = Math.Round(portal.P50, 2), p95 = Math.Round(portal.P95, 2), p99 = Math.Round(portal.P99, 2),
        floorP50 = bare is null ? (double?)null : Math.Round(bare.P50, 2), floorP95 = bare is null ? (double?)null : Math.Round(bare.P95, 2),
        commands, load = LoadAverage(),
    });
}

void Write(object row)
{
    if (output is not null)
    {
        File.AppendAllText(output, JsonSerializer.Serialize(row) + "\n");
    }
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

static Dictionary<string, string>? ParseArguments(string[] args)
{
    var options = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        if (!args[i].StartsWith("--", StringComparison.Ordinal))
        {
            return null;
        }
        options[args[i][2..]] = args[i + 1];
    }
    return args.Length % 2 == 0 && options.ContainsKey("provider") && options.ContainsKey("catalogue") ? options : null;
}

/// <summary>Nearest-rank percentiles of a list of times, in milliseconds.</summary>
internal sealed record Percentiles(int Count, double P50, double P95, double P99)
{
    public static Percentiles Of(List<double> times)
    {
        times.Sort();
        double At(double p) => times[Math.Clamp((int)Math.Ceiling(p * times.Count) - 1, 0, times.Count - 1)];
        return new Percentiles(times.Count, At(0.50), At(0.95), At(0.99));
    }
}
