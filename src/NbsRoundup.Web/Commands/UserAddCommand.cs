using System.CommandLine;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using NbsRoundup.Accounts;

namespace NbsRoundup.Web.Commands;

/// <summary>`user add --email a@b.org [--role Editor|Admin]`: an account, with its password read or asked for.</summary>
internal static class UserAddCommand
{
    public static Command Create(VerbHost host)
    {
        var command = new Command("add", "make an account; the password is read from standard input, or asked for twice");
        var email = UserCommand.Email(command);
        email.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: var given }] && !new EmailAddressAttribute().IsValid(given.Trim()))
            {
                result.AddError($"'{given.Trim()}' is not an e-mail address");
            }
        });
        var role = new Option<string>("--role")
        {
            HelpName = string.Join('|', PortalRoles.All),
            Description = "what the account may do",
            DefaultValueFactory = _ => PortalRoles.Editor,
        };
        role.CompletionSources.Add([.. PortalRoles.All]);
        role.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: var given }] && PortalRoles.Find(given) is null)
            {
                result.AddError($"unknown role '{given}'; the roles are {string.Join(" and ", PortalRoles.All)}");
            }
        });
        command.Add(email);
        command.Add(role);
        command.SetAction(host.Runs((context, parsed, _) => UserCommand.WithUsersAsync(context,
            users => AddAsync(users, parsed.GetValue(email)!.Trim(), PortalRoles.Find(parsed.GetValue(role)!)!, context))));
        return command;
    }

    private static async Task<int> AddAsync(UserManager<PortalUser> users, string email, string role, VerbContext context)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            context.Error.WriteLine($"{email} already has an account; use user reset-password to give it a new password.");
            return 1;
        }
        var password = PasswordPrompt.Read(context.Input, context.Output);
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password ?? "");
        if (!created.Succeeded)
        {
            return UserCommand.Fail(created, context.Error);
        }
        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            await users.DeleteAsync(user);
            return UserCommand.Fail(added, context.Error);
        }
        context.Output.WriteLine($"Added {email} ({role}).");
        return 0;
    }
}
