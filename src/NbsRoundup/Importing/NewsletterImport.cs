using NbsRoundup.Data;
using NbsRoundup.Search;

namespace NbsRoundup.Importing;

/// <summary>
/// The one way from a newsletter file to the catalogue, for the command line, the seeding at
/// start-up and the upload alike: the file and the name its user knows it by in; the plan (what the
/// import adds, changes and keeps, or every error with its line) out, applied unless it is a dry run.
/// </summary>
public static class NewsletterImport
{
    /// <summary>True when a file of this many bytes is refused unread (over NewsletterReader.MaxBytes).</summary>
    public static bool IsTooLarge(long length) => length > NewsletterReader.MaxBytes;

    /// <summary>The newsletter files of a folder, in name order; README.md documents the format and is not an issue.</summary>
    public static IReadOnlyList<string> FilesIn(string folder) =>
        Directory.EnumerateFiles(folder, "*.md", SearchOption.TopDirectoryOnly)
            .Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Reads at most a newsletter's worth of the stream (a larger file is refused, not read), parses and imports it.</summary>
    public static async Task<ImportPlan> RunAsync(CatalogueDb db, Stream file, string name, bool dryRun, string actor, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        await CopyAtMostAsync(file, buffer, NewsletterReader.MaxBytes + 1, ct);
        if (IsTooLarge(buffer.Length))
        {
            var diagnostics = new DiagnosticBag(name);
            if (file.CanSeek)
            {
                diagnostics.Error(1, $"the file is {file.Length:N0} bytes; a newsletter file may be at most {NewsletterReader.MaxBytes:N0} bytes (1 MB)");
            }
            else
            {
                diagnostics.Error(1, $"the file is more than {buffer.Length:N0} bytes; a newsletter file may be at most {NewsletterReader.MaxBytes:N0} bytes (1 MB)");
            }
            return ImportPlan.Failed(name, diagnostics.Items);
        }
        return await RunAsync(db, buffer.ToArray(), name, dryRun, actor, ct);
    }

    /// <summary>Parses the bytes and imports them, or with dryRun only says what an import would do.</summary>
    public static async Task<ImportPlan> RunAsync(CatalogueDb db, byte[] bytes, string name, bool dryRun, string actor, CancellationToken ct) =>
        (await ParseAndImportAsync(db, bytes, name, dryRun, actor, ct)).Plan;

    private static async Task<(ImportPlan Plan, NewsletterDocument? Document)> ParseAndImportAsync(CatalogueDb db, byte[] bytes, string name,
        bool dryRun, string actor, CancellationToken ct)
    {
        var parsed = NewsletterParser.Parse(bytes, name);
        if (parsed.Document is null)
        {
            return (ImportPlan.Failed(name, parsed.Diagnostics), null);
        }
        var plan = await new CatalogueImporter(db, actor).ImportAsync(parsed.Document, dryRun, ct);
        return (plan with { Diagnostics = [.. parsed.Diagnostics, .. plan.Diagnostics] }, parsed.Document);
    }

    /// <summary>
    /// What importing the bytes would do (a dry run), and for each entry it would add the entries the catalogue
    /// already holds that may be the same item: the same link, or a near-identical title in either language
    /// (Search.Duplicates). The file is parsed once for both.
    /// </summary>
    public static async Task<(ImportPlan Plan, IReadOnlyDictionary<string, IReadOnlyList<Duplicate>> Duplicates)> PreviewAsync(
        CatalogueDb db, byte[] bytes, string name, string actor, CancellationToken ct)
    {
        var found = new Dictionary<string, IReadOnlyList<Duplicate>>();
        var (plan, document) = await ParseAndImportAsync(db, bytes, name, dryRun: true, actor, ct);
        if (document is null || plan.HasErrors)
        {
            return (plan, found);
        }
        var added = plan.Entries.Where(e => e.Kind == ChangeKind.Added).Select(e => e.Slug).ToHashSet();
        foreach (var entry in document.Entries.Where(e => added.Contains(e.Slug)))
        {
            var content = entry.Content;
            if (await Duplicates.FindAsync(db, content.Link, content.Title, content.OriginalTitle, entry.Slug, ct) is { Count: > 0 } duplicates)
            {
                found[entry.Slug] = duplicates;
            }
        }
        return (plan, found);
    }

    private static async Task CopyAtMostAsync(Stream from, Stream to, int limit, CancellationToken ct)
    {
        var chunk = new byte[81920];
        int read;
        while (to.Length < limit && (read = await from.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - to.Length)), ct)) > 0)
        {
            await to.WriteAsync(chunk.AsMemory(0, read), ct);
        }
    }
}
