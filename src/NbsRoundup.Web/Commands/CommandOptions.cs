namespace NbsRoundup.Web.Commands;

/// <summary>`--name value` options of a verb; anything else is a usage error.</summary>
internal sealed class CommandOptions
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static CommandOptions Parse(IReadOnlyList<string> args, params string[] known)
    {
        var options = new CommandOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!known.Contains(name))
            {
                throw new CommandLineException($"unknown argument '{name}'");
            }
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new CommandLineException($"{name} needs a value");
            }
            options._values[name] = args[++i];
        }
        return options;
    }

    public string? this[string name] => _values.GetValueOrDefault(name);

    public string Required(string name) => this[name] ?? throw new CommandLineException($"{name} is required");
}
