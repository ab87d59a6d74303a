using NbsRoundup.Data;
using NbsRoundup.Importing;
using NbsRoundup.Web.Hosting;

namespace NbsRoundup.Web.Commands;

/// <summary>`import &lt;file or folder&gt; [--dry-run]`: prints what it adds, changes and leaves, then does it.</summary>
internal static class ImportCommand
{
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
        IReadOnlyList<string> files = Directory.Exists(path) ? NewsletterFiles.In(path)
            : File.Exists(path) ? [path]
            : throw new CommandLineException($"no such file or folder: {paths[0]}");
        if (files.Count == 0)
        {
            error.WriteLine($"{paths[0]}: no .md newsletter files in this folder");
            return 1;
        }

        var failed = 0;
        foreach (var file in files)
        {
            await using var scope = services.CreateAsyncScope();
            var importer = new CatalogueImporter(scope.ServiceProvider.GetRequiredService<CatalogueDb>(), $"{Environment.UserName} (command line)");
            var plan = await NewsletterFiles.ImportAsync(importer, file, dryRun, ct);
            ImportReport.Write(plan, dryRun, output, error);
            failed += plan.HasErrors ? 1 : 0;
        }
        if (files.Count > 1)
        {
            output.WriteLine($"{files.Count - failed} of {files.Count} files {(dryRun ? "can be imported" : "imported")}.");
        }
        return failed == 0 ? 0 : 1;
    }
}
