using System.CommandLine;
using NbsRoundup.Importing;

namespace NbsRoundup.Web.Commands;

/// <summary>`import &lt;file or folder&gt; [--dry-run]`: prints what it adds, changes and leaves, then does it.</summary>
internal static class ImportCommand
{
    private const int DetailedUpTo = 5;

    public static Command Create(VerbHost host)
    {
        var path = new Argument<string>("path") { HelpName = "file or folder", Description = "a newsletter .md file, or a folder of them (see content/README.md)" };
        path.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: var given }] && !Exists(CommandPaths.ResolveExisting(given)))
            {
                result.AddError($"no such file or folder: {given}");
            }
        });
        var dryRun = new Option<bool>("--dry-run") { Description = "print what would be added, changed and left; write nothing" };
        var command = new Command("import", "import newsletter Markdown; a file with errors is refused whole, with file:line: error: messages") { path, dryRun };
        command.SetAction(host.Runs((context, parsed, ct) => RunAsync(context, parsed.GetValue(path)!, parsed.GetValue(dryRun), ct)));
        return command;
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

    private static async Task<int> RunAsync(VerbContext context, string given, bool dryRun, CancellationToken ct)
    {
        var (services, output, error) = (context.Services, context.Output, context.Error);
        var path = CommandPaths.ResolveExisting(given);
        IReadOnlyList<string> files = Directory.Exists(path) ? NewsletterImport.FilesIn(path) : [path];
        if (files.Count == 0)
        {
            error.WriteLine($"{given}: no .md newsletter files in this folder");
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
