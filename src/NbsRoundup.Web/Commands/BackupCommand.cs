using System.CommandLine;
using NbsRoundup.Web.Hosting;

namespace NbsRoundup.Web.Commands;

/// <summary>
/// `backup --to FILE`: a consistent copy of an SQLite catalogue, safe while the portal serves and
/// editors write. On PostgreSQL it refuses and names pg_dump.
/// </summary>
internal static class BackupCommand
{
    public static Command Create(VerbHost host)
    {
        var command = new Command("backup", "an online, consistent copy of an SQLite catalogue, checked (PostgreSQL: pg_dump; see README)");
        var to = Verbs.Value("--to", "FILE", "the new file; an existing one is never overwritten").Required(command);
        command.Add(to);
        command.SetAction(host.Runs((context, parsed, ct) => RunAsync(context, parsed.GetValue(to)!, ct)));
        return command;
    }

    private static async Task<int> RunAsync(VerbContext context, string to, CancellationToken ct)
    {
        var (services, output, error) = (context.Services, context.Output, context.Error);
        if (CatalogueStore.Provider(services.GetRequiredService<IConfiguration>()) == DatabaseProvider.Postgres)
        {
            // VACUUM INTO copies an SQLite file; a PostgreSQL server has its own consistent online dump.
            error.WriteLine("backup copies SQLite catalogues only. On PostgreSQL use pg_dump, which makes a consistent copy while the portal runs:");
            error.WriteLine("  pg_dump --format=custom --file=catalogue.dump \"host=... dbname=... user=...\"   (restore with pg_restore; see README: Backups)");
            return 1;
        }
        var target = CommandPaths.ResolveOutput(to);
        if (File.Exists(target))
        {
            error.WriteLine($"{target} already exists; a backup never overwrites a file.");
            return 1;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using (var scope = services.CreateAsyncScope())
        {
            await DatabaseSafety.BackupAsync(scope.ServiceProvider.GetRequiredService<CatalogueDb>(), target, ct);
        }
        var integrity = await DatabaseSafety.IntegrityCheckAsync(target, ct);
        if (integrity != "ok")
        {
            error.WriteLine($"The copy at {target} failed its integrity check: {integrity}");
            return 1;
        }
        output.WriteLine($"Backed up the catalogue to {target} ({new FileInfo(target).Length:N0} bytes, integrity ok).");
        return 0;
    }
}
