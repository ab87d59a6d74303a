using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using NbsRoundup.Accounts;
using NbsRoundup.Web.Hosting;
using NbsRoundup.Web.Localization;

namespace NbsRoundup.Web.Pages.Account;

public sealed class SignInModel(SignInManager<PortalUser> signIn, UnknownAccounts unknownAccounts, ILogger<SignInModel> logger, IStringLocalizer<SharedResource> t)
    : SignInStepModel(t)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet(string? returnUrl) => Input.ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var email = Input.Email.Trim();
        // lockoutOnFailure: five wrong passwords lock the account for 15 minutes (see PortalAccounts); an
        // address without an account is answered alike, in the same time (UnknownAccounts).
        var user = await signIn.UserManager.FindByNameAsync(email);
        var result = user is null
            ? await unknownAccounts.SignInAsync(email, Input.Password, ct)
            : await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        // Who tried and what happened; never the password.
        logger.Log(LevelOf(result), "Sign-in for {Email} from {RemoteIp}: {Outcome}", email, HttpContext.Connection.RemoteIpAddress, Outcome(result));
        if (result.Succeeded)
        {
            return SignedIn(Input.ReturnUrl);
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/TwoFactor", new { returnUrl = Input.ReturnUrl });
        }
        Input.Password = "";
        return Refused(result, T["The e-mail address or the password is wrong."]);
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
