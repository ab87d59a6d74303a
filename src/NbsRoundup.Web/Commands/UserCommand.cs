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

    /// <summary>Runs on an existing account, named as it was typed; says so and fails when there is none.</summary>
    public static Task<int> WithAccountAsync(VerbContext context, string email, Func<UserManager<PortalUser>, PortalUser, string, Task<int>> action) =>
        WithUsersAsync(context, async users =>
        {
            if (await users.FindByEmailAsync(email) is not { } user)
            {
                context.Error.WriteLine($"No account for {email}.");
                return 1;
            }
            return await action(users, user, email);
        });

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
