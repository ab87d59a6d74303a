using Microsoft.AspNetCore.Identity;
using NbsRoundup.Accounts;

namespace NbsRoundup.Web.Pages.Account;

public sealed class SignOutModel(SignInManager<PortalUser> signIn, UserManager<PortalUser> users) : PageModel
{
    public void OnGet()
    {
        // Signing out changes state, so it happens only on POST; GET shows the button.
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // A new security stamp makes every copy of this editor's cookie worthless at its next
        // request (see PortalAccounts), not only the one this browser is told to forget.
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
