using System.CommandLine;
using System.CommandLine.Help;
using System.Runtime.CompilerServices;

namespace NbsRoundup.Web.Commands;

/// <summary>What the verbs share: options with a value, required options, and the usage line of a refusal.</summary>
internal static class Verbs
{
    /// <summary>Exit code of a command called with arguments it cannot use.</summary>
    public const int UsageErrorCode = 2;

    private static readonly ConditionalWeakTable<Option, object> _required = [];

    /// <summary>An option with one value, shown as `--name HELPNAME` in help.</summary>
    public static Option<string> Value(string name, string helpName, string description) =>
        new(name) { HelpName = helpName, Description = description };

    /// <summary>Refuses the command without the option, with the message "--name is required".</summary>
    public static TOption Required<TOption>(this TOption option, Command command)
        where TOption : Option
    {
        _required.AddOrUpdate(option, option);
        option.Description += " (required)";
        command.Validators.Add(result =>
        {
            if (result.GetResult(option) is null)
            {
                result.AddError($"{option.Name} is required");
            }
        });
        return option;
    }

    /// <summary>Writes why the arguments were refused and how the command is called; exit code 2.</summary>
    public static int UsageError(Command command, IEnumerable<string> messages, TextWriter error)
    {
        foreach (var message in messages)
        {
            error.WriteLine(message);
        }
        error.WriteLine("usage: " + Usage(command));
        error.WriteLine($"       ({(Path(command) + " --help").Trim()} says more)");
        return UsageErrorCode;
    }

    /// <summary>"import &lt;file or folder&gt; [--dry-run]": the command's path, arguments and options.</summary>
    public static string Usage(Command command)
    {
        var parts = new List<string> { Path(command) };
        if (command.Subcommands.Count > 0)
        {
            parts.Add(string.Join('|', command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name)) + " ...");
        }
        parts.AddRange(command.Arguments.Where(a => !a.Hidden).Select(a => $"<{a.HelpName ?? a.Name}>"));
        foreach (var option in command.Options.Where(o => !o.Hidden && o is not HelpOption and not VersionOption))
        {
            var text = option.ValueType == typeof(bool) ? option.Name : $"{option.Name} {option.HelpName ?? "VALUE"}";
            parts.Add(_required.TryGetValue(option, out _) ? text : $"[{text}]");
        }
        return string.Join(' ', parts.Where(p => p.Length > 0));
    }

    /// <summary>The words that call the command, "user add"; empty for the root.</summary>
    private static string Path(Command command) =>
        command is RootCommand ? "" : string.Join(' ', command.Parents.OfType<Command>().Where(p => p is not RootCommand).Select(Path).Append(command.Name));
}
