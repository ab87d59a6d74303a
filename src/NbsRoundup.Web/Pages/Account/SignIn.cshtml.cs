using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NbsRoundup.Accounts;
using NbsRoundup.Web.Localization;

namespace NbsRoundup.Web.Pages.Account;

public sealed class SignInModel(SignInManager<PortalUser> signIn, ILogger<SignInModel> logger, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet(string? returnUrl) => Input.ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var email = Input.Email.Trim();
        // lockoutOnFailure: five wrong passwords lock the account for 15 minutes (see PortalAccounts).
        var result = await signIn.PasswordSignInAsync(email, Input.Password, isPersistent: false, lockoutOnFailure: true);
        var outcome = result.Succeeded ? "succeeded" : result.RequiresTwoFactor ? "needs the second factor"
            : result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed" : "failed";
        // Who tried and what happened; never the password.
        logger.Log(result.Succeeded ? LogLevel.Information : LogLevel.Warning,
            "Sign-in for {Email} from {RemoteIp}: {Outcome}", email, HttpContext.Connection.RemoteIpAddress, outcome);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(Input.ReturnUrl) ? Input.ReturnUrl : "/admin");
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/TwoFactor", new { returnUrl = Input.ReturnUrl });
        }
        ModelState.AddModelError("", result.IsLockedOut
            ? t["Too many wrong passwords: this account is locked for 15 minutes."]
            : t["The e-mail address or the password is wrong."]);
        Input.Password = "";
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your e-mail address.")]
        [StringLength(256, ErrorMessage = "At most 256 characters.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [StringLength(1024, ErrorMessage = "At most 1024 characters.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        public string? ReturnUrl { get; set; }
    }
}
