using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using NbsRoundup.Accounts;

namespace NbsRoundup.Web.Commands;

/// <summary>`user add|list|reset-password|remove`: editors' accounts. The first account is made here.</summary>
internal static class UserCommand
{
    public static Command Create(VerbHost host) =>
        new("user", "editors' accounts; a password is read from standard input, or asked for twice")
        {
            UserAddCommand.Create(host),
            UserListCommand.Create(host),
            UserResetPasswordCommand.Create(host),
            UserRemoveCommand.Create(host),
        };

    /// <summary>The required `--email` of a subcommand.</summary>
    public static Option<string> Email(Command command) => Verbs.Value("--email", "ADDRESS", "the account's e-mail address").Required(command);

    /// <summary>Runs with the accounts store of a scope of its own.</summary>
    public static async Task<int> WithUsersAsync(VerbContext context, Func<UserManager<PortalUser>, Task<int>> action)
    {
        await using var scope = context.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>());
    }

    /// <summary>
    /// A subcommand that works on one existing account, named by its required --email; with no such
    /// account it says so and fails. The action gets the address as it was typed.
    /// </summary>
    public static Command OnAccount(VerbHost host, string name, string description,
        Func<VerbContext, UserManager<PortalUser>, PortalUser, string, Task<int>> action)
    {
        var command = new Command(name, description);
        var email = Email(command);
        command.Add(email);
        command.SetAction(host.Runs((context, parsed, _) => WithUsersAsync(context, async users =>
        {
            var address = parsed.GetValue(email)!;
            if (await users.FindByEmailAsync(address) is not { } user)
            {
                context.Error.WriteLine($"No account for {address}.");
                return 1;
            }
            return await action(context, users, user, address);
        })));
        return command;
    }

    /// <summary>Identity's reasons for a refusal (a weak password, say), one a line; exit code 1.</summary>
    public static int Fail(IdentityResult result, TextWriter error)
    {
        foreach (var problem in result.Errors)
        {
            error.WriteLine(problem.Description);
        }
        return 1;
    }
}
