using System.CommandLine;

namespace NbsRoundup.Web.Commands;

/// <summary>`migrate`: every verb applies pending migrations first; this one does nothing else.</summary>
internal static class MigrateCommand
{
    public static Command Create(VerbHost host)
    {
        var command = new Command("migrate", "apply pending migrations and exit (run it before starting a new version)");
        command.SetAction(host.Runs((context, _, _) =>
        {
            context.Output.WriteLine("The catalogue's schema is up to date.");
            return Task.FromResult(0);
        }));
        return command;
    }
}
