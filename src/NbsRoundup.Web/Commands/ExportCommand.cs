using System.CommandLine;
using System.Text;
using NbsRoundup.Exporting;

namespace NbsRoundup.Web.Commands;

/// <summary>`export --issue SLUG [--out FILE]`: an issue as a newsletter file, drafts included.</summary>
internal static class ExportCommand
{
    public static Command Create(VerbHost host)
    {
        var command = new Command("export", "write an issue as newsletter Markdown, drafts included");
        var issue = Verbs.Value("--issue", "SLUG", "the issue, e.g. 2021-11").Required(command);
        var target = Verbs.Value("--out", "FILE", "the file to write; standard output without it");
        command.Add(issue);
        command.Add(target);
        command.SetAction(host.Runs((context, parsed, ct) => RunAsync(context, parsed.GetValue(issue)!, parsed.GetValue(target), ct)));
        return command;
    }

    private static async Task<int> RunAsync(VerbContext context, string slug, string? target, CancellationToken ct)
    {
        await using var scope = context.Services.CreateAsyncScope();
        var markdown = await MarkdownExporter.ExportAsync(scope.ServiceProvider.GetRequiredService<CatalogueDb>(), slug, ct);
        if (markdown is null)
        {
            context.Error.WriteLine($"No issue {slug} in the catalogue.");
            return 1;
        }
        if (target is null)
        {
            context.Output.Write(markdown);
            return 0;
        }
        var path = CommandPaths.ResolveOutput(target);
        await File.WriteAllTextAsync(path, markdown, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), ct);
        context.Output.WriteLine($"Wrote issue {slug} to {CommandPaths.DisplayName(path)}.");
        return 0;
    }
}
