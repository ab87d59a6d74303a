using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using NbsRoundup.Accounts;

namespace NbsRoundup.Web.Commands;

/// <summary>`user remove --email a@b.org`: the account goes, and its open sessions end.</summary>
internal static class UserRemoveCommand
{
    public static Command Create(VerbHost host) => UserCommand.OnAccount(host, "remove", "remove an account; its open sessions end", RemoveAsync);

    private static async Task<int> RemoveAsync(VerbContext context, UserManager<PortalUser> users, PortalUser user, string email)
    {
        var deleted = await users.DeleteAsync(user);
        if (!deleted.Succeeded)
        {
            return UserCommand.Fail(deleted, context.Error);
        }
        context.Output.WriteLine($"Removed {email}.");
        return 0;
    }
}
