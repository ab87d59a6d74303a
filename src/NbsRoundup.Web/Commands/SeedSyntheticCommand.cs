using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NbsRoundup.Data;
using NbsRoundup.Synthetic;
using NbsRoundup.Web.Hosting;

namespace NbsRoundup.Web.Commands;

/// <summary>
/// `seed-synthetic --entries 100000 [--database FILE]`: fills a separate database with a large
/// synthetic catalogue for benchmarks. It never writes into the portal's own catalogue.
/// </summary>
internal static class SeedSyntheticCommand
{
    public const string Usage = "seed-synthetic --entries N [--database FILE] | --newsletters N --out FOLDER   a separate synthetic catalogue, or newsletter files, for benchmarks";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader? input, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var options = CommandOptions.Parse(args, "--entries", "--database", "--newsletters", "--out");
        if (options["--newsletters"] is { } newsletters)
        {
            return WriteNewsletters(newsletters, options.Required("--out"), output);
        }
        if (!int.TryParse(options["--entries"], NumberStyles.None, CultureInfo.InvariantCulture, out var entries) || entries is < 1 or > 5_000_000)
        {
            throw new CommandLineException("seed-synthetic needs --entries N, a number from 1 to 5,000,000");
        }
        var environment = services.GetRequiredService<IHostEnvironment>();
        var path = options["--database"] is { } given
            ? CommandPaths.ResolveOutput(given)
            : Path.Combine(environment.ContentRootPath, "App_Data", "synthetic.db");
        var catalogue = new SqliteConnectionStringBuilder(CatalogueStore.ResolveConnectionString(
            services.GetRequiredService<IConfiguration>().GetConnectionString("Catalogue"), environment.ContentRootPath)).DataSource;
        if (Path.GetFullPath(path) == Path.GetFullPath(catalogue))
        {
            throw new CommandLineException($"{path} is the portal's own catalogue; give another --database");
        }
        if (File.Exists(path))
        {
            error.WriteLine($"{path} already exists; remove it first (a synthetic catalogue is always made from scratch).");
            return 1;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
        CatalogueDb Open() => new(new DbContextOptionsBuilder<CatalogueDb>().UseSqlite(connectionString).Options);
        await using (var db = Open())
        {
            await db.Database.MigrateAsync(ct);
        }
        var clock = Stopwatch.StartNew();
        var result = await new SyntheticCatalogue(entries).WriteAsync(Open, p =>
            output.Write($"\r  {p.Entries:N0} of {entries:N0} entries, {p.Issues:N0} issues, {p.Entries / Math.Max(0.001, clock.Elapsed.TotalSeconds):N0} entries/s   "), ct);
        output.WriteLine();
        output.WriteLine($"Wrote {result.Entries:N0} entries in {result.Issues:N0} issues to {path} in {clock.Elapsed.TotalSeconds:N1} s.");
        output.WriteLine($"Run the portal on it: dotnet run --project src/NbsRoundup.Web --ConnectionStrings:Catalogue=\"Data Source={path}\"");
        return 0;
    }

    /// <summary>Synthetic newsletter files (about 45 entries each) for import benchmarks.</summary>
    private static int WriteNewsletters(string count, string folder, TextWriter output)
    {
        if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var files) || files is < 1 or > 100_000)
        {
            throw new CommandLineException("--newsletters needs a number from 1 to 100,000");
        }
        var target = CommandPaths.ResolveOutput(folder);
        var entries = SyntheticNewsletters.WriteFolder(target, files, 45);
        output.WriteLine($"Wrote {files:N0} newsletter files ({entries:N0} entries) to {target}.");
        return 0;
    }
}
