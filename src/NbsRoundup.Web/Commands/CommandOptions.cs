namespace NbsRoundup.Web.Commands;

/// <summary>`--name value` options of a verb; anything unexpected is a usage error, never ignored.</summary>
internal static class CommandOptions
{
    public static Dictionary<string, string> Parse(string[] args, IReadOnlyCollection<string> known)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!known.Contains(args[i]))
            {
                throw new CommandLineException($"unexpected '{args[i]}'");
            }
            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new CommandLineException($"{args[i]} needs a value");
            }
            options[args[i]] = args[++i];
        }
        return options;
    }
}
