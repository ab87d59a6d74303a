using System.CommandLine;
using NbsRoundup.Web.Hosting;

namespace NbsRoundup.Web.Commands;

/// <summary>What a verb's action works with: the catalogue's services, and where it reads and writes.</summary>
internal sealed record VerbContext(IServiceProvider Services, TextReader? Input, TextWriter Output, TextWriter Error);

/// <summary>
/// Runs a verb's action on the catalogue the configuration names (appsettings, environment and the
/// `--Key=value` arguments, as for the web portal), after applying pending migrations.
/// </summary>
internal sealed class VerbHost(IReadOnlyList<string> configuration, TextReader? input)
{
    public Func<ParseResult, CancellationToken, Task<int>> Runs(Func<VerbContext, ParseResult, CancellationToken, Task<int>> action) => async (parsed, ct) =>
    {
        var output = parsed.InvocationConfiguration.Output;
        var error = parsed.InvocationConfiguration.Error;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [.. configuration] });
        // A command's own output is its report; the log only says what went wrong.
        builder.Configuration["Serilog:MinimumLevel:Default"] = "Warning";
        builder.AddPortalLogging();
        builder.Services.AddCatalogueStore();
        builder.Services.AddPortalAccounts();
        builder.Services.AddLinkLookup();
        await using var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("NbsRoundup.Commands");
        try
        {
            await CataloguePreparation.MigrateAsync(app.Services, logger, ct);
            return await action(new VerbContext(app.Services, input, output, error), parsed, ct);
        }
        catch (CommandLineException ex)
        {
            return Verbs.UsageError(parsed.CommandResult.Command, [ex.Message], error);
        }
    };
}
