// Import benchmark: 1,000 synthetic newsletter files (about 45,000 entries) through the portal's
// own parser and importer, one transaction per file, into a fresh SQLite catalogue; printed with
// two baselines from the same run: parsing alone, and a raw ADO.NET insert of the same rows.
// Usage: dotnet run -c Release --project bench/ImportFiles -- [files] [entries per file]
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NbsRoundup.Data;
using NbsRoundup.Importing;
using NbsRoundup.Synthetic;

var files = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var perFile = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 45;
var work = Directory.CreateTempSubdirectory("nbs-import-bench-").FullName;
var folder = Path.Combine(work, "files");
var entries = SyntheticNewsletters.WriteFolder(folder, files, perFile);
var paths = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToList();
Console.WriteLine($"{files:N0} files, {entries:N0} entries, {paths.Sum(p => new FileInfo(p).Length) / 1024.0 / 1024.0:N1} MB; {Environment.ProcessorCount} cores; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");

// Baseline 1: parsing only.
var clock = Stopwatch.StartNew();
var documents = paths.Select(p => NewsletterParser.Parse(File.ReadAllBytes(p), Path.GetFileName(p)).Document!).ToList();
var parse = clock.Elapsed;

// The portal's import: a fresh context and one transaction per file, search index and change log included.
var database = Path.Combine(work, "catalogue.db");
var options = new DbContextOptionsBuilder<CatalogueDb>().UseSqlite($"Data Source={database}").AddInterceptors(SqliteTuning.Instance).Options;
await using (var db = new CatalogueDb(options))
{
    await db.Database.MigrateAsync();
}
clock.Restart();
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var imported = 0;
foreach (var document in documents)
{
    await using var db = new CatalogueDb(options);
    var plan = await new CatalogueImporter(db, "benchmark").ImportAsync(document, dryRun: false);
    imported += plan.Count(ChangeKind.Added);
}
var import = clock.Elapsed;
var importCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

// Baseline 2: the same rows written with raw ADO.NET, one transaction per file, no index, no checks.
var raw = Path.Combine(work, "raw.db");
await using (var db = new CatalogueDb(new DbContextOptionsBuilder<CatalogueDb>().UseSqlite($"Data Source={raw}").Options))
{
    await db.Database.MigrateAsync();
}
clock.Restart();
await using (var connection = new SqliteConnection($"Data Source={raw}"))
{
    await connection.OpenAsync();
    var issueId = 0;
    foreach (var document in documents)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using var issue = connection.CreateCommand();
        issue.CommandText = "INSERT INTO Issues (Slug, Title, Year, Month, Introduction, IsPublished, UpdatedAt, Version) VALUES ($s, $t, $y, $m, '', 1, $u, $v) RETURNING Id";
        issue.Parameters.AddWithValue("$s", document.Slug);
        issue.Parameters.AddWithValue("$t", document.Details.Title);
        issue.Parameters.AddWithValue("$y", document.Details.Year);
        issue.Parameters.AddWithValue("$m", document.Details.Month);
        issue.Parameters.AddWithValue("$u", DateTime.UtcNow);
        issue.Parameters.AddWithValue("$v", Guid.NewGuid());
        issueId = Convert.ToInt32(await issue.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        await using var entry = connection.CreateCommand();
        entry.CommandText = "INSERT INTO Entries (Slug, IssueId, SectionId, Position, Title, OriginalTitle, Summary, DateText, IsPublished, UpdatedAt, Version) VALUES ($s, $i, $sec, $p, $t, $o, $sum, $d, 1, $u, $v)";
        foreach (var name in new[] { "$s", "$i", "$sec", "$p", "$t", "$o", "$sum", "$d", "$u", "$v" })
        {
            entry.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        foreach (var e in document.Entries)
        {
            object?[] values = [e.Slug, issueId, e.Content.SectionId, e.Content.Position, e.Content.Title, e.Content.OriginalTitle, e.Content.Summary, e.Content.Date?.Text, DateTime.UtcNow, Guid.NewGuid()];
            for (var i = 0; i < values.Length; i++)
            {
                entry.Parameters[i].Value = values[i] ?? DBNull.Value;
            }
            await entry.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }
}
var rawTime = clock.Elapsed;

double Rate(TimeSpan t) => entries / t.TotalSeconds;
Console.WriteLine();
Console.WriteLine($"{"path",-44} {"seconds",8} {"entries/s",10}");
Console.WriteLine($"{"parse only (baseline)",-44} {parse.TotalSeconds,8:N1} {Rate(parse),10:N0}");
Console.WriteLine($"{"raw ADO.NET insert, no checks (baseline)",-44} {rawTime.TotalSeconds,8:N1} {Rate(rawTime),10:N0}");
Console.WriteLine($"{"portal import (validate, upsert, index, log)",-44} {import.TotalSeconds,8:N1} {Rate(import),10:N0}");
Console.WriteLine();
Console.WriteLine($"imported {imported:N0} entries; import/raw time ratio {import / rawTime:N1}x; import used {importCpu.TotalSeconds:N1} s of CPU ({entries / importCpu.TotalSeconds:N0} entries per CPU-second); load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
Console.WriteLine("goal: at least 2,000 entries/s");
Directory.Delete(work, recursive: true);
return 0;
