using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace NbsRoundup.Web.Commands;

/// <summary>
/// The portal's command-line verbs (`dotnet run --project src/NbsRoundup.Web -- import content/`),
/// parsed by System.CommandLine. Each runs on the database named by ConnectionStrings:Catalogue
/// after applying pending migrations, exactly as the web host would. With no verb the portal starts.
/// </summary>
public static class CommandLine
{
    private const string Description =
        "NbS Round-up. With no command the portal starts. Every command works on the catalogue named by Database:Provider and "
        + "ConnectionStrings:Catalogue and applies pending migrations first. Configuration may be given as --Key=value, "
        + "e.g. --ConnectionStrings:Catalogue=\"Data Source=other.db\". Shell completions: the [suggest] directive.";

    /// <summary>The verbs, each a small class of this folder: a new verb is one more line here.</summary>
    private static readonly Func<VerbHost, Command>[] _verbs =
    [
        ImportCommand.Create,
        ExportCommand.Create,
        MigrateCommand.Create,
        SeedSyntheticCommand.Create,
        UserCommand.Create,
        BackupCommand.Create,
        LookupCommand.Create,
        CheckLinksCommand.Create,
    ];

    // Arguments are taken as typed: "@file" is a path, not a response file to expand.
    private static readonly ParserConfiguration _parser = new() { ResponseFileTokenReplacer = null };

    /// <summary>True when the arguments name a verb, ask for help or hold a directive; else the portal starts.</summary>
    public static bool IsCommand(string[] args)
    {
        var root = Root(new VerbHost([], null));
        var optionNames = OptionNames(root);
        return args.FirstOrDefault(a => !IsConfiguration(a, optionNames)) is { } first
            && (first.StartsWith('[')
                || root.Subcommands.Any(c => c.Name == first || c.Aliases.Contains(first))
                || root.Options.OfType<HelpOption>().Any(h => h.Name == first || h.Aliases.Contains(first)));
    }

    /// <summary>Runs a verb; input, when given, is read instead of the console (a password, in tests).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, TextReader? input = null, CancellationToken ct = default)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        // "--Key=value" arguments configure the host, as they do for the web portal; the rest belong to the verb.
        var optionNames = OptionNames(Root(new VerbHost([], null)));
        var configuration = args.Where(a => IsConfiguration(a, optionNames)).ToArray();
        var root = Root(new VerbHost(configuration, input));
        var parsed = root.Parse(args.Where(a => !IsConfiguration(a, optionNames)).ToArray(), _parser);
        if (parsed.Action is ParseErrorAction)
        {
            return Verbs.UsageError(parsed.CommandResult.Command, parsed.Errors.Select(e => e.Message).Distinct(), error);
        }
        // Exceptions propagate as before: a database newer than the code stops the command with its message.
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, ct);
    }

    private static RootCommand Root(VerbHost host)
    {
        var root = new RootCommand(Description);
        foreach (var verb in _verbs)
        {
            root.Add(verb(host));
        }
        root.Add(HelpCommand.Create(root));
        return root;
    }

    /// <summary>A verb's own options may be written "--name=value" too; those are not configuration.</summary>
    private static bool IsConfiguration(string arg, HashSet<string> optionNames) =>
        arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is var i and > 2 && !optionNames.Contains(arg[..i]);

    private static HashSet<string> OptionNames(Command command) =>
        [.. command.Options.SelectMany(o => o.Aliases.Append(o.Name)), .. command.Subcommands.SelectMany(OptionNames)];
}

/// <summary>A command was called with arguments it cannot use.</summary>
public sealed class CommandLineException(string message) : Exception(message);
