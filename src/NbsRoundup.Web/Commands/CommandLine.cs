using NbsRoundup.Web.Hosting;

namespace NbsRoundup.Web.Commands;

/// <summary>
/// The portal's command-line verbs (`dotnet run --project src/NbsRoundup.Web -- import content/`).
/// Each runs on the database named by ConnectionStrings:Catalogue after applying pending
/// migrations, exactly as the web host would.
/// </summary>
public static class CommandLine
{
    private delegate Task<int> Verb(IServiceProvider services, string[] args, TextReader? input, TextWriter output, TextWriter error, CancellationToken ct);

    private static readonly Dictionary<string, (Verb Run, string Usage)> _verbs = new(StringComparer.Ordinal)
    {
        ["import"] = (ImportCommand.RunAsync, ImportCommand.Usage),
        ["export"] = (ExportCommand.RunAsync, ExportCommand.Usage),
        ["user"] = (UserCommand.RunAsync, UserCommand.Usage),
        ["seed-synthetic"] = (SeedSyntheticCommand.RunAsync, SeedSyntheticCommand.Usage),
        ["backup"] = (BackupCommand.RunAsync, BackupCommand.Usage),
        ["migrate"] = ((_, _, _, output, _, _) => { output.WriteLine("The catalogue's schema is up to date."); return Task.FromResult(0); },
            "migrate                         apply pending migrations and exit"),
    };

    public static bool IsCommand(string[] args) => args.Length > 0 && (_verbs.ContainsKey(args[0]) || args[0] is "help" or "--help");

    /// <summary>Runs a verb; input, when given, is read instead of the console (a password, in tests).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, TextReader? input = null, CancellationToken ct = default)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        if (!_verbs.TryGetValue(args[0], out var verb))
        {
            output.WriteLine("Commands (dotnet run --project src/NbsRoundup.Web -- <command>):");
            foreach (var (_, usage) in _verbs.Values)
            {
                output.WriteLine("  " + usage);
            }
            output.WriteLine("Configuration may be given as --Key=value, e.g. --ConnectionStrings:Catalogue=\"Data Source=other.db\".");
            return 0;
        }

        // "--Key=value" arguments configure the host, as they do for the web portal; the rest belong to the verb.
        var hostArgs = args.Skip(1).Where(IsConfigurationArgument).ToArray();
        var verbArgs = args.Skip(1).Where(a => !IsConfigurationArgument(a)).ToArray();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = hostArgs });
        // A command's own output is its report; the log only says what went wrong.
        builder.Configuration["Serilog:MinimumLevel:Default"] = "Warning";
        builder.AddPortalLogging();
        builder.Services.AddCatalogueStore();
        builder.Services.AddPortalAccounts();
        await using var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("NbsRoundup.Commands");
        try
        {
            await CataloguePreparation.MigrateAsync(app.Services, logger, ct);
            return await verb.Run(app.Services, verbArgs, input, output, error, ct);
        }
        catch (CommandLineException ex)
        {
            error.WriteLine(ex.Message);
            error.WriteLine("usage: " + verb.Usage);
            return 2;
        }
    }

    private static bool IsConfigurationArgument(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('=', StringComparison.Ordinal);
}

/// <summary>A command was called with arguments it cannot use.</summary>
public sealed class CommandLineException(string message) : Exception(message);
