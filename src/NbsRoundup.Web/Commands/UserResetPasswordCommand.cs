using System.CommandLine;

namespace NbsRoundup.Web.Commands;

/// <summary>`user reset-password --email a@b.org`: a new password, read or asked for; it also lifts a lockout.</summary>
internal static class UserResetPasswordCommand
{
    public static Command Create(VerbHost host)
    {
        var command = new Command("reset-password", "give an account a new password (read from standard input, or asked for twice); also lifts a lockout");
        var email = UserCommand.Email(command);
        command.Add(email);
        command.SetAction(host.Runs((context, parsed, _) => UserCommand.WithAccountAsync(context, parsed.GetValue(email)!, async (users, user, address) =>
        {
            var password = PasswordPrompt.Read(context.Input, context.Output);
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var reset = await users.ResetPasswordAsync(user, token, password ?? "");
            if (!reset.Succeeded)
            {
                return UserCommand.Fail(reset, context.Error);
            }
            // A new password also lifts a lockout: the account's owner asked for it.
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            context.Output.WriteLine($"New password set for {address}; its open sessions end.");
            return 0;
        })));
        return command;
    }
}
