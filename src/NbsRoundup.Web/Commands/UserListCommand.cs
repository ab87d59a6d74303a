using System.CommandLine;
using System.Globalization;

namespace NbsRoundup.Web.Commands;

/// <summary>`user list`: every account, its roles, and a lockout still running.</summary>
internal static class UserListCommand
{
    public static Command Create(VerbHost host)
    {
        var command = new Command("list", "every account with its roles, and whether it is locked out");
        command.SetAction(host.Runs((context, _, ct) => UserCommand.WithUsersAsync(context, async users =>
        {
            var all = await users.Users.OrderBy(u => u.Email).ToListAsync(ct);
            if (all.Count == 0)
            {
                context.Output.WriteLine("No accounts yet: user add --email a@b.org --role Admin");
            }
            foreach (var user in all)
            {
                var roles = await users.GetRolesAsync(user);
                var locked = user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow
                    ? string.Create(CultureInfo.InvariantCulture, $"  locked until {end.UtcDateTime:yyyy-MM-dd HH:mm} UTC")
                    : "";
                context.Output.WriteLine($"{user.Email}  {string.Join(", ", roles.Order(StringComparer.Ordinal))}{locked}");
            }
            return 0;
        })));
        return command;
    }
}
