using System.CommandLine;
using NbsRoundup.Lookup;
using NbsRoundup.Search;

namespace NbsRoundup.Web.Commands;

/// <summary>
/// `lookup &lt;url-or-doi&gt;`: what the admin forms' "fill from link" would fill, as one JSON object, with
/// the organisations resolved against the catalogue and the entries it may already hold. Reads only.
/// </summary>
internal static class LookupCommand
{
    public static Command Create(VerbHost host)
    {
        var target = new Argument<string>("url-or-doi") { HelpName = "url or DOI", Description = "a web page, a PDF or a DOI (10.1111/gcb.15513, https://doi.org/...)" };
        var command = new Command("lookup", "read a link's title, organisations, authors, date and address as the entry forms fill them; JSON on standard output") { target };
        command.SetAction(host.Runs((context, parsed, ct) => RunAsync(context, parsed.GetValue(target)!, ct)));
        return command;
    }

    private static async Task<int> RunAsync(VerbContext context, string target, CancellationToken ct)
    {
        var outcome = await context.Services.GetRequiredService<LinkLookup>().LookupAsync(target, ct);
        if (!outcome.Succeeded)
        {
            context.Error.WriteLine(outcome.Failure.Message);
            return 1;
        }
        await using var scope = context.Services.CreateAsyncScope();
        var fill = await LinkFill.ResolveAsync(scope.ServiceProvider.GetRequiredService<CatalogueDb>(), outcome.Value, ct: ct);
        context.Output.WriteLine(fill.ToJson());
        return 0;
    }
}
