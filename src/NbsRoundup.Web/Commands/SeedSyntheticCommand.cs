using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using NbsRoundup.Synthetic;
using NbsRoundup.Web.Hosting;
using Npgsql;

namespace NbsRoundup.Web.Commands;

/// <summary>
/// `seed-synthetic --entries 100000 [--database FILE|NAME]`: fills a separate database with a large
/// synthetic catalogue for benchmarks: an SQLite file, or on PostgreSQL a new database on the
/// catalogue's server. It never writes into the portal's own catalogue. With `--newsletters N
/// --out FOLDER` it writes newsletter files instead, for import benchmarks.
/// </summary>
internal static class SeedSyntheticCommand
{
    private const string EntriesNeeded = "seed-synthetic needs --entries N, a number from 1 to 5,000,000";

    public static Command Create(VerbHost host)
    {
        var entries = Count("--entries", 5_000_000, EntriesNeeded, "entries of a synthetic catalogue");
        var database = Verbs.Value("--database", "FILE|NAME",
            "SQLite: a new file (default App_Data/synthetic.db); PostgreSQL: a new database on the catalogue's server (default nbs_synthetic)");
        var newsletters = Count("--newsletters", 100_000, "--newsletters needs a number from 1 to 100,000",
            "instead of a catalogue, this many newsletter files (about 45 entries each) for import benchmarks");
        var folder = Verbs.Value("--out", "FOLDER", "where --newsletters writes its files");
        var command = new Command("seed-synthetic", "a separate synthetic catalogue, or newsletter files, for benchmarks; never the portal's own catalogue")
        {
            entries, database, newsletters, folder,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(newsletters) is not null)
            {
                if (result.GetResult(folder) is null)
                {
                    result.AddError("--out is required with --newsletters");
                }
            }
            else if (result.GetResult(entries) is null)
            {
                result.AddError(EntriesNeeded);
            }
        });
        command.SetAction(host.Runs((context, parsed, ct) => parsed.GetResult(newsletters) is not null
            ? Task.FromResult(WriteNewsletters(parsed.GetValue(newsletters), parsed.GetValue(folder)!, context.Output))
            : RunAsync(context, parsed.GetValue(entries), parsed.GetValue(database), ct)));
        return command;
    }

    /// <summary>A whole number from 1 to max; anything else is refused with the message.</summary>
    private static Option<int> Count(string name, int max, string message, string description) => new(name)
    {
        HelpName = "N",
        Description = description,
        CustomParser = result =>
        {
            if (result.Tokens is [{ Value: var text }] && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= max)
            {
                return n;
            }
            result.AddError(message);
            return 0;
        },
    };

    private static async Task<int> RunAsync(VerbContext context, int entries, string? database, CancellationToken ct)
    {
        var (services, output, error) = (context.Services, context.Output, context.Error);
        var configuration = services.GetRequiredService<IConfiguration>();
        var provider = CatalogueStore.Provider(configuration);
        var (connectionString, name, refusal) = provider == DatabaseProvider.Postgres
            ? await PostgresTargetAsync(configuration, database, ct)
            : SqliteTarget(services, configuration, database);
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
    private static int WriteNewsletters(int files, string folder, TextWriter output)
    {
        var target = CommandPaths.ResolveOutput(folder);
        var entries = SyntheticNewsletters.WriteFolder(target, files, 45);
        output.WriteLine($"Wrote {files:N0} newsletter files ({entries:N0} entries) to {target}.");
        return 0;
    }
}
