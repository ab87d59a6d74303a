using System.CommandLine;

namespace NbsRoundup.Web.Commands;

/// <summary>`user remove --email a@b.org`: the account goes, and its open sessions end.</summary>
internal static class UserRemoveCommand
{
    public static Command Create(VerbHost host)
    {
        var command = new Command("remove", "remove an account; its open sessions end");
        var email = UserCommand.Email(command);
        command.Add(email);
        command.SetAction(host.Runs((context, parsed, _) => UserCommand.WithAccountAsync(context, parsed.GetValue(email)!, async (users, user, address) =>
        {
            var deleted = await users.DeleteAsync(user);
            if (!deleted.Succeeded)
            {
                return UserCommand.Fail(deleted, context.Error);
            }
            context.Output.WriteLine($"Removed {address}.");
            return 0;
        })));
        return command;
    }
}
