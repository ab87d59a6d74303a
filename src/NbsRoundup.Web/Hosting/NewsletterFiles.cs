using NbsRoundup.Importing;

namespace NbsRoundup.Web.Hosting;

/// <summary>Finding and importing newsletter files on disk.</summary>
public static class NewsletterFiles
{
    /// <summary>The newsletter files of a folder, in name order; README.md documents the format and is not an issue.</summary>
    public static IReadOnlyList<string> In(string folder) =>
        Directory.EnumerateFiles(folder, "*.md", SearchOption.TopDirectoryOnly)
            .Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static async Task<ImportPlan> ImportAsync(CatalogueImporter importer, string path, bool dryRun, CancellationToken ct)
    {
        var name = DisplayName(path);
        var length = new FileInfo(path).Length;
        if (length > NewsletterReader.MaxBytes)
        {
            return ImportPlan.Failed(name, [new Diagnostic(Severity.Error, name, 1,
                $"the file is {length:N0} bytes; a newsletter file may be at most {NewsletterReader.MaxBytes:N0} bytes (1 MB)")]);
        }
        var parsed = NewsletterParser.Parse(await File.ReadAllBytesAsync(path, ct), name);
        if (parsed.Document is null)
        {
            return ImportPlan.Failed(name, parsed.Diagnostics);
        }
        var plan = await importer.ImportAsync(parsed.Document, dryRun, ct);
        return plan with { Diagnostics = [.. parsed.Diagnostics, .. plan.Diagnostics] };
    }

    /// <summary>A path as the user would recognise it: relative to the current directory when inside it.</summary>
    public static string DisplayName(string path)
    {
        var relative = Path.GetRelativePath(CommandPaths.UserDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
