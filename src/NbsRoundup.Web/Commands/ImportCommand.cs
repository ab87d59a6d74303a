using NbsRoundup.Data;
using NbsRoundup.Importing;

namespace NbsRoundup.Web.Commands;

/// <summary>`import &lt;file or folder&gt; [--dry-run]`: prints what it adds, changes and leaves, then does it.</summary>
internal static class ImportCommand
{
    private const int DetailedUpTo = 5;

    public const string Usage = "import <file or folder> [--dry-run]   import newsletter Markdown (see content/README.md)";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader? input, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var dryRun = args.Contains("--dry-run");
        var paths = args.Where(a => a != "--dry-run").ToList();
        if (paths.Count != 1 || paths[0].StartsWith("--", StringComparison.Ordinal))
        {
            throw new CommandLineException(paths.Count == 0 ? "import needs a file or a folder" : $"import takes one file or folder, not '{string.Join(' ', paths)}'");
        }
        var path = CommandPaths.ResolveExisting(paths[0]);
        IReadOnlyList<string> files = Directory.Exists(path) ? NewsletterImport.FilesIn(path)
            : File.Exists(path) ? [path]
            : throw new CommandLineException($"no such file or folder: {paths[0]}");
        if (files.Count == 0)
        {
            error.WriteLine($"{paths[0]}: no .md newsletter files in this folder");
            return 1;
        }

        // A few files are reported entry by entry; a large folder gets one progress line a file.
        var detailed = files.Count <= DetailedUpTo;
        var failed = 0;
        var entries = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < files.Count; i++)
        {
            await using var scope = services.CreateAsyncScope();
            await using var file = File.OpenRead(files[i]);
            var plan = await NewsletterImport.RunAsync(scope.ServiceProvider.GetRequiredService<CatalogueDb>(), file, CommandPaths.DisplayName(files[i]),
                dryRun, $"{Environment.UserName} (command line)", ct);
            failed += plan.HasErrors ? 1 : 0;
            entries += plan.Count(ChangeKind.Added) + plan.Count(ChangeKind.Changed);
            if (detailed || plan.HasErrors)
            {
                ImportReport.Write(plan, dryRun, output, error);
            }
            else
            {
                ImportReport.WriteProgress(plan, i + 1, files.Count, entries / Math.Max(0.001, clock.Elapsed.TotalSeconds), output);
            }
        }
        if (files.Count > 1)
        {
            output.WriteLine($"{files.Count - failed} of {files.Count} files {(dryRun ? "can be imported" : "imported")}; {entries:N0} entries {(dryRun ? "would be" : "were")} added or changed in {clock.Elapsed.TotalSeconds:N1} s.");
        }
        return failed == 0 ? 0 : 1;
    }
}
