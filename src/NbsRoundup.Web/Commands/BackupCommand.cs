using NbsRoundup.Data;
using NbsRoundup.Web.Hosting;

namespace NbsRoundup.Web.Commands;

/// <summary>`backup --to FILE`: a consistent copy of the catalogue, safe while the portal serves and editors write.</summary>
internal static class BackupCommand
{
    public const string Usage = "backup --to FILE                an online, consistent copy of the catalogue (see README: restore)";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader? input, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var to = CommandOptions.Parse(args, "--to").Required("--to");
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
