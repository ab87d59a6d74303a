using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NbsRoundup.Data;
using NbsRoundup.Synthetic;
using NbsRoundup.Web.Hosting;
using Npgsql;

namespace NbsRoundup.Web.Commands;

/// <summary>
/// `seed-synthetic --entries 100000 [--database FILE|NAME]`: fills a separate database with a large
/// synthetic catalogue for benchmarks: an SQLite file, or on PostgreSQL a new database on the
/// catalogue's server. It never writes into the portal's own catalogue.
/// </summary>
internal static class SeedSyntheticCommand
{
    public const string Usage = "seed-synthetic --entries N [--database FILE|NAME] | --newsletters N --out FOLDER   a separate synthetic catalogue (SQLite: a file, default App_Data/synthetic.db; PostgreSQL: a new database, default nbs_synthetic), or newsletter files, for benchmarks";

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
        var configuration = services.GetRequiredService<IConfiguration>();
        var provider = CatalogueStore.Provider(configuration);
        var (connectionString, name, refusal) = provider == DatabaseProvider.Postgres
            ? await PostgresTargetAsync(configuration, options["--database"], ct)
            : SqliteTarget(services, configuration, options["--database"]);
        if (refusal is not null)
        {
            error.WriteLine(refusal);
            return 1;
        }

        CatalogueDb Open() => new(CatalogueDatabase.Options(provider, connectionString));
        await using (var db = Open())
        {
            // On PostgreSQL this also creates the database.
            await db.Database.MigrateAsync(ct);
        }
        var clock = Stopwatch.StartNew();
        var result = await new SyntheticCatalogue(entries).WriteAsync(Open, p =>
            output.Write($"\r  {p.Entries:N0} of {entries:N0} entries, {p.Issues:N0} issues, {p.Entries / Math.Max(0.001, clock.Elapsed.TotalSeconds):N0} entries/s   "), ct);
        output.WriteLine();
        output.WriteLine($"Wrote {result.Entries:N0} entries in {result.Issues:N0} issues to {name} in {clock.Elapsed.TotalSeconds:N1} s.");
        output.WriteLine(provider == DatabaseProvider.Postgres
            ? $"Run the portal on it: the same ConnectionStrings:Catalogue with Database={name}"
            : $"Run the portal on it: dotnet run --project src/NbsRoundup.Web --ConnectionStrings:Catalogue=\"Data Source={name}\"");
        return 0;
    }

    private static (string ConnectionString, string Name, string? Refusal) SqliteTarget(IServiceProvider services, IConfiguration configuration, string? given)
    {
        var environment = services.GetRequiredService<IHostEnvironment>();
        var path = given is not null
            ? CommandPaths.ResolveOutput(given)
            : Path.Combine(environment.ContentRootPath, "App_Data", "synthetic.db");
        var catalogue = new SqliteConnectionStringBuilder(CatalogueStore.ResolveConnectionString(configuration.GetConnectionString("Catalogue"), environment.ContentRootPath)).DataSource;
        if (Path.GetFullPath(path) == Path.GetFullPath(catalogue))
        {
            throw new CommandLineException($"{path} is the portal's own catalogue; give another --database");
        }
        if (File.Exists(path))
        {
            return ("", path, $"{path} already exists; remove it first (a synthetic catalogue is always made from scratch).");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return (new SqliteConnectionStringBuilder { DataSource = path }.ToString(), path, null);
    }

    /// <summary>On PostgreSQL --database names a new database on the catalogue's server (default nbs_synthetic).</summary>
    private static async Task<(string ConnectionString, string Name, string? Refusal)> PostgresTargetAsync(IConfiguration configuration, string? given, CancellationToken ct)
    {
        var catalogue = new NpgsqlConnectionStringBuilder(CatalogueStore.ConnectionString(configuration, DatabaseProvider.Postgres, ""));
        var name = given ?? "nbs_synthetic";
        if (string.Equals(name, catalogue.Database, StringComparison.Ordinal))
        {
            throw new CommandLineException($"{name} is the portal's own catalogue; give another --database");
        }
        var connectionString = new NpgsqlConnectionStringBuilder(catalogue.ConnectionString) { Database = name }.ToString();
        await using var probe = new CatalogueDb(CatalogueDatabase.Options(DatabaseProvider.Postgres, connectionString));
        return await probe.Database.CanConnectAsync(ct)
            ? (connectionString, name, $"database {name} already exists; drop it first (dropdb {name}): a synthetic catalogue is always made from scratch.")
            : (connectionString, name, null);
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
