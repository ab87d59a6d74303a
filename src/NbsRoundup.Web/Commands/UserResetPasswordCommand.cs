using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using NbsRoundup.Accounts;

namespace NbsRoundup.Web.Commands;

/// <summary>`user reset-password --email a@b.org`: a new password, read or asked for; it also lifts a lockout.</summary>
internal static class UserResetPasswordCommand
{
    public static Command Create(VerbHost host) => UserCommand.OnAccount(host, "reset-password",
        "give an account a new password (read from standard input, or asked for twice); also lifts a lockout", ResetAsync);

    private static async Task<int> ResetAsync(VerbContext context, UserManager<PortalUser> users, PortalUser user, string email)
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
        context.Output.WriteLine($"New password set for {email}; its open sessions end.");
        return 0;
    }
}
