using System.CommandLine;

namespace NbsRoundup.Web.Commands;

/// <summary>`help [command]`: the same as `--help`, for the whole program or for one command.</summary>
internal static class HelpCommand
{
    public static Command Create(RootCommand root)
    {
        var verb = new Argument<string[]>("command") { Arity = ArgumentArity.ZeroOrMore, Description = "the command to explain, e.g. import or user add" };
        var command = new Command("help", "list the commands, or say what one of them takes") { verb };
        command.SetAction((parsed, ct) => root.Parse([.. parsed.GetValue(verb) ?? [], "--help"]).InvokeAsync(parsed.InvocationConfiguration, ct));
        return command;
    }
}
