using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NbsRoundup.Accounts;
using NbsRoundup.Web.Commands;

namespace NbsRoundup.Browser.Tests;

/// <summary>An editor's account on the collection's portal.</summary>
public sealed record EditorAccount(string Email, string Password)
{
    /// <summary>
    /// Makes the account with the `user add` command, run in-process on the portal's catalogue:
    /// the way README tells an administrator to make one, password on standard input.
    /// </summary>
    public static async Task<EditorAccount> AddAsync(KestrelPortal portal, string email, string password)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(
            ["user", "add", "--email", email, "--role", PortalRoles.Editor, .. portal.DatabaseArguments],
            output, error, new StringReader(password + "\n"));
        if (exit != 0)
        {
            throw new InvalidOperationException($"user add --email {email} failed with exit code {exit}: {error}{output}");
        }
        return new(email, password);
    }

    /// <summary>Signs in through the sign-in form, whatever the page's language, and waits for the admin area.</summary>
    public async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#Input_Email").FillAsync(Email);
        await page.Locator("#Input_Password").FillAsync(Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/admin$"));
    }
}
