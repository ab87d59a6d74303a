using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NbsRoundup.Accounts;

namespace NbsRoundup.Web.Pages.Account;

public sealed class SignOutModel(SignInManager<PortalUser> signIn) : PageModel
{
    public void OnGet()
    {
        // Signing out changes state, so it happens only on POST; GET shows the button.
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
