using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NbsRoundup.Accounts;

namespace NbsRoundup.Web.Commands;

/// <summary>`user add|list|remove|reset-password`: editors' accounts. The first account is made here.</summary>
internal static class UserCommand
{
    public const string Usage = "user add --email a@b.org --role Editor|Admin | user list | user remove --email a@b.org | user reset-password --email a@b.org\n"
        + "                                  editors' accounts; a password is read from standard input, or prompted";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader? input, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var rest = args.Skip(1).ToList();
        return args.FirstOrDefault() switch
        {
            "add" => await AddAsync(users, CommandOptions.Parse(rest, "--email", "--role"), input, output, error),
            "list" => await ListAsync(users, CommandOptions.Parse(rest), output, ct),
            "remove" => await RemoveAsync(users, CommandOptions.Parse(rest, "--email"), output, error),
            "reset-password" => await ResetAsync(users, CommandOptions.Parse(rest, "--email"), input, output, error),
            _ => throw new CommandLineException("user needs one of: add, list, remove, reset-password"),
        };
    }

    private static async Task<int> AddAsync(UserManager<PortalUser> users, CommandOptions options, TextReader? input, TextWriter output, TextWriter error)
    {
        var email = options.Required("--email").Trim();
        var role = PortalRoles.Find(options["--role"] ?? PortalRoles.Editor)
            ?? throw new CommandLineException($"unknown role '{options["--role"]}'; the roles are {string.Join(" and ", PortalRoles.All)}");
        if (!new EmailAddressAttribute().IsValid(email))
        {
            throw new CommandLineException($"'{email}' is not an e-mail address");
        }
        if (await users.FindByEmailAsync(email) is not null)
        {
            error.WriteLine($"{email} already has an account; use user reset-password to give it a new password.");
            return 1;
        }
        var password = PasswordPrompt.Read(input, output);
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password ?? "");
        if (!created.Succeeded)
        {
            return Fail(created, error);
        }
        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            await users.DeleteAsync(user);
            return Fail(added, error);
        }
        output.WriteLine($"Added {email} ({role}).");
        return 0;
    }

    private static async Task<int> ListAsync(UserManager<PortalUser> users, CommandOptions options, TextWriter output, CancellationToken ct)
    {
        _ = options;
        var all = await users.Users.OrderBy(u => u.Email).ToListAsync(ct);
        if (all.Count == 0)
        {
            output.WriteLine("No accounts yet: user add --email a@b.org --role Admin");
        }
        foreach (var user in all)
        {
            var roles = await users.GetRolesAsync(user);
            var locked = user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow
                ? string.Create(CultureInfo.InvariantCulture, $"  locked until {end.UtcDateTime:yyyy-MM-dd HH:mm} UTC")
                : "";
            output.WriteLine($"{user.Email}  {string.Join(", ", roles.Order(StringComparer.Ordinal))}{locked}");
        }
        return 0;
    }

    private static async Task<int> RemoveAsync(UserManager<PortalUser> users, CommandOptions options, TextWriter output, TextWriter error)
    {
        var email = options.Required("--email");
        if (await users.FindByEmailAsync(email) is not { } user)
        {
            error.WriteLine($"No account for {email}.");
            return 1;
        }
        var deleted = await users.DeleteAsync(user);
        if (!deleted.Succeeded)
        {
            return Fail(deleted, error);
        }
        output.WriteLine($"Removed {email}.");
        return 0;
    }

    private static async Task<int> ResetAsync(UserManager<PortalUser> users, CommandOptions options, TextReader? input, TextWriter output, TextWriter error)
    {
        var email = options.Required("--email");
        if (await users.FindByEmailAsync(email) is not { } user)
        {
            error.WriteLine($"No account for {email}.");
            return 1;
        }
        var password = PasswordPrompt.Read(input, output);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password ?? "");
        if (!reset.Succeeded)
        {
            return Fail(reset, error);
        }
        // A new password also lifts a lockout: the account's owner asked for it.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        output.WriteLine($"New password set for {email}; its open sessions end.");
        return 0;
    }

    private static int Fail(IdentityResult result, TextWriter error)
    {
        foreach (var problem in result.Errors)
        {
            error.WriteLine(problem.Description);
        }
        return 1;
    }
}
