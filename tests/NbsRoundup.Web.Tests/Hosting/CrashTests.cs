using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using NbsRoundup.Testing;
using NbsRoundup.Data;

namespace NbsRoundup.Web.Tests.Hosting;

/// <summary>
/// The portal's own binary imports a large generated newsletter and is killed (SIGKILL) part-way:
/// after a restart the catalogue is exactly as it was before that import, and SQLite finds
/// nothing wrong with the file.
/// </summary>
public sealed class CrashTests : IDisposable
{
    private const int EntryCount = 800;
    private readonly string _folder = Directory.CreateTempSubdirectory("nbs-crash-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>About 900 KB: one issue of 800 entries, each with organisations, a date and a summary of 1 KB.</summary>
    private static byte[] LargeNewsletter()
    {
        var sb = new StringBuilder();
        sb.Append("---\nslug: 2098-12\ntitle: 崩溃测试 2098年12月\nyear: 2098\nmonth: 12\n---\n\nA generated issue for the crash test.\n\n# 研究和观点\n\n");
        for (var i = 0; i < EntryCount; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"### 生成的条目 {i}\nslug: crash-{i}\norganisations: TNC; 机构 {i % 40}\ndate: 2098年{(i % 12) + 1}月\n\n");
            for (var sentence = 0; sentence < 6; sentence++)
            {
                sb.Append(CultureInfo.InvariantCulture, $"第 {i} 条第 {sentence} 句：湿地、红树林与泥炭地的保护和修复，以及它们对气候适应的贡献。Wetlands, mangroves and peatlands, entry {i}. ");
            }
            sb.Append("基于自然的解决方案需要长期监测与社区参与。\n\n");
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static string PortalBinary() => Path.Combine(AppContext.BaseDirectory, "NbsRoundup.Web.dll");

    private static Process StartImport(string file, string database)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { PortalBinary(), "import", file, $"--ConnectionStrings:Catalogue=Data Source={database}", "--Catalogue:SeedWhenEmpty=false" })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return Process.Start(start)!;
    }

    private static long Count(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    [SqliteOnlyFact("kills the portal mid-write to an SQLite file; a PostgreSQL server keeps its own write-ahead log")]
    public async Task Killing_the_portal_in_the_middle_of_a_large_import_leaves_the_catalogue_as_it_was_before()
    {
        var newsletter = Path.Combine(_folder, "2098-12-large.md");
        var bytes = LargeNewsletter();
        Assert.InRange(bytes.Length, 800_000, 1_000_000);
        await File.WriteAllBytesAsync(newsletter, bytes);
        // The catalogue before: seeded from content/ by a first start of the portal, then stopped.
        var pristine = Path.Combine(_folder, "pristine.db");
        using (var first = PortalFactory.On($"Data Source={pristine}"))
        {
            _ = first.Services;
        }
        SqliteConnection.ClearAllPools();
        var before = DatabaseDump.Of($"Data Source={pristine};Pooling=False");

        // How long a whole import takes on this machine, and what it leaves.
        var complete = Path.Combine(_folder, "complete.db");
        File.Copy(pristine, complete);
        var timer = Stopwatch.StartNew();
        using (var whole = StartImport(newsletter, complete))
        {
            var output = await whole.StandardOutput.ReadToEndAsync();
            await whole.WaitForExitAsync();
            Assert.True(whole.ExitCode == 0, output + await whole.StandardError.ReadToEndAsync());
        }
        var duration = timer.Elapsed;
        Assert.Equal(EntryCount + 70, Count(complete, "SELECT COUNT(*) FROM Entries"));

        // Killed at fractions of that time, and once as soon as the write-ahead log starts to grow
        // (the transaction is being written): each time the file holds the catalogue from before.
        var killedMidImport = 0;
        var runs = new List<string>();
        foreach (var fraction in new[] { 0.4, 0.75, -1.0 })
        {
            var database = Path.Combine(_folder, $"crash-{runs.Count}.db");
            File.Copy(pristine, database);
            var wal = database + "-wal";
            using var import = StartImport(newsletter, database);
            if (fraction > 0)
            {
                await Task.Delay(duration * fraction);
            }
            else
            {
                var deadline = Stopwatch.StartNew();
                while (!import.HasExited && deadline.Elapsed < duration * 2 && (!File.Exists(wal) || new FileInfo(wal).Length < 256 * 1024))
                {
                    await Task.Delay(2);
                }
            }
            if (import.HasExited)
            {
                runs.Add($"{fraction}: finished before the kill");
                continue;
            }
            import.Kill(); // SIGKILL: no finally block, no dispose, no checkpoint
            await import.WaitForExitAsync();
            killedMidImport++;

            // A restart of the portal on that file: it recovers the log and serves.
            using (var restarted = PortalFactory.On($"Data Source={database}"))
            {
                using var client = restarted.CreateClient();
                var page = await client.GetAsync("/entries?q=crash");
                Assert.True(page.IsSuccessStatusCode, $"after the kill at {fraction} the portal answered {(int)page.StatusCode}");
            }
            SqliteConnection.ClearAllPools();
            Assert.Equal("ok", await DatabaseSafety.IntegrityCheckAsync(database, CancellationToken.None));
            var after = DatabaseDump.Of($"Data Source={database};Pooling=False");
            if (before != after)
            {
                // On a loaded machine a timed kill can land after the import committed (only its exit was left):
                // then the whole import must be there, never part of it.
                Assert.True(Count(database, "SELECT COUNT(*) FROM Entries") == EntryCount + 70,
                    $"killed at {fraction} of {duration.TotalSeconds:F1} s: the catalogue is neither as before the import nor the whole import");
                killedMidImport--;
                runs.Add($"{fraction}: killed after the import committed, whole");
                continue;
            }
            runs.Add($"{fraction}: killed, unchanged");
        }

        // The kill timed by the write-ahead log's growth lands mid-transaction whatever the machine's load.
        Assert.True(killedMidImport >= 1, string.Join("; ", runs));
    }
}
