using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using NbsRoundup.Accounts;
using NbsRoundup.Web.Localization;

namespace NbsRoundup.Web.Pages.Account;

/// <summary>
/// The second step of signing in for an editor with two-factor authentication: a six-digit code
/// from the authenticator app, or one of the recovery codes (each works once). Wrong codes count
/// towards the same lockout as wrong passwords.
/// </summary>
public sealed class TwoFactorModel(SignInManager<PortalUser> signIn, ILogger<TwoFactorModel> logger, IStringLocalizer<SharedResource> t) : SignInStepModel(t)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("/Account/SignIn");
        }
        Input.ReturnUrl = returnUrl;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            // The password step was too long ago, or never happened.
            return RedirectToPage("/Account/SignIn");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var code = SingleUseAuthenticatorTokenProvider.WithoutSeparators(Input.Code);
        var isAuthenticatorCode = SingleUseAuthenticatorTokenProvider.IsAuthenticatorCode(code);
        var result = isAuthenticatorCode
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(Input.Code.Replace(" ", "", StringComparison.Ordinal));
        // Which kind of code and what happened; never the code.
        logger.Log(LevelOf(result), "Second factor ({Kind}) for {Email} from {RemoteIp}: {Outcome}", isAuthenticatorCode ? "authenticator" : "recovery code",
            user.Email, HttpContext.Connection.RemoteIpAddress, Outcome(result));
        if (result.Succeeded)
        {
            return SignedIn(Input.ReturnUrl);
        }
        Input.Code = "";
        return Refused(result, T["This code is wrong or has expired. Enter the code your app shows now, or a recovery code."]);
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the code.")]
        [StringLength(64, ErrorMessage = "At most 64 characters.")]
        public string Code { get; set; } = "";

        public string? ReturnUrl { get; set; }
    }
}
