using System.CommandLine;
using NbsRoundup.LinkChecking;

namespace NbsRoundup.Web.Commands;

/// <summary>
/// `check-links [--issue SLUG]`: checks every entry's link (of one issue) and records what each answered;
/// broken links then show in the editors' work list. Prints the broken ones; exit code 0 either way
/// (a broken link is a finding, not a failure of the command), 1 for an unknown issue.
/// </summary>
internal static class CheckLinksCommand
{
    public static Command Create(VerbHost host)
    {
        var command = new Command("check-links", "check every entry's link (HEAD, then GET) and record its status for the work list");
        var issue = Verbs.Value("--issue", "SLUG", "only this issue's links, e.g. 2021-11");
        command.Add(issue);
        command.SetAction(host.Runs((context, parsed, ct) => RunAsync(context, parsed.GetValue(issue), ct)));
        return command;
    }

    private static async Task<int> RunAsync(VerbContext context, string? issue, CancellationToken ct)
    {
        await using var scope = context.Services.CreateAsyncScope();
        var report = await context.Services.GetRequiredService<LinkChecker>()
            .RunAsync(scope.ServiceProvider.GetRequiredService<CatalogueDb>(), issue, ct: ct);
        if (report is null)
        {
            context.Error.WriteLine($"No issue {issue} in the catalogue.");
            return 1;
        }
        foreach (var broken in report.BrokenLinks)
        {
            context.Output.WriteLine($"  ! {broken.Slug}  {broken.Problem}");
        }
        context.Output.WriteLine($"Checked {report.Checked} links{(issue is null ? "" : $" of issue {issue}")}: {report.Broken} broken.");
        return 0;
    }
}
