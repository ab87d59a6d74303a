using System.Text;
using NbsRoundup.Data;
using NbsRoundup.Exporting;

namespace NbsRoundup.Web.Commands;

/// <summary>`export --issue SLUG --out FILE`: an issue as a newsletter file, drafts included.</summary>
internal static class ExportCommand
{
    public const string Usage = "export --issue SLUG [--out FILE]   write an issue as newsletter Markdown (to standard output without --out)";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader? input, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var options = CommandOptions.Parse(args, "--issue", "--out");
        var slug = options.Required("--issue");
        await using var scope = services.CreateAsyncScope();
        var markdown = await MarkdownExporter.ExportAsync(scope.ServiceProvider.GetRequiredService<CatalogueDb>(), slug, ct);
        if (markdown is null)
        {
            error.WriteLine($"No issue {slug} in the catalogue.");
            return 1;
        }
        if (options["--out"] is not { } target)
        {
            output.Write(markdown);
            return 0;
        }
        var path = CommandPaths.ResolveOutput(target);
        await File.WriteAllTextAsync(path, markdown, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), ct);
        output.WriteLine($"Wrote issue {slug} to {CommandPaths.DisplayName(path)}.");
        return 0;
    }
}
