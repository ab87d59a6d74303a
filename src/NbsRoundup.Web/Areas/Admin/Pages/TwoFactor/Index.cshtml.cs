using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using NbsRoundup.Accounts;
using NbsRoundup.Web.Hosting;
using NbsRoundup.Web.Localization;

namespace NbsRoundup.Web.Areas.Admin.Pages.TwoFactor;

/// <summary>
/// An editor turns on two-factor authentication: the page shows a key (and its otpauth address and
/// QR code) for an authenticator app, and turns it on once a code from the app checks out. The ten
/// recovery codes are shown once, in the answer to that POST: they are stored only as hashes.
/// </summary>
public sealed class IndexModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, IConfiguration configuration,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool IsEnabled { get; private set; }
    public bool IsRequired { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public AuthenticatorKey? Key { get; private set; }
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await ShowAsync(await CurrentAsync());

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await CurrentAsync();
        if (user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }
        if (!ModelState.IsValid || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Code))
        {
            ModelState.AddModelError("Input.Code", t["This code is wrong or has expired. Enter the code your app shows now."]);
            return await ShowAsync(user);
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        // Turning it on renews the security stamp; this session goes on with the new one.
        await signIn.RefreshSignInAsync(user);
        return await ShowAsync(user);
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await CurrentAsync();
        if (!user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        return await ShowAsync(user);
    }

    /// <summary>Turning it off needs a current code, so a session left open is not enough.</summary>
    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await CurrentAsync();
        if (TwoFactorRequirement.AppliesTo(User, configuration))
        {
            ModelState.AddModelError("", t["Administrators must use two-factor authentication here; it cannot be turned off."]);
            return await ShowAsync(user);
        }
        if (!ModelState.IsValid || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Code))
        {
            ModelState.AddModelError("Input.Code", t["This code is wrong or has expired. Enter the code your app shows now."]);
            return await ShowAsync(user);
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage();
    }

    private string Code => SingleUseAuthenticatorTokenProvider.WithoutSeparators(Input.Code);

    private async Task<PortalUser> CurrentAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("the admin area is for signed-in editors only");

    private async Task<IActionResult> ShowAsync(PortalUser user)
    {
        IsEnabled = user.TwoFactorEnabled;
        IsRequired = TwoFactorRequirement.AppliesTo(User, configuration);
        RecoveryCodesLeft = IsEnabled ? await users.CountRecoveryCodesAsync(user) : 0;
        if (!IsEnabled)
        {
            var key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                await users.ResetAuthenticatorKeyAsync(user);
                key = await users.GetAuthenticatorKeyAsync(user);
                // A new key renews the security stamp too.
                await signIn.RefreshSignInAsync(user);
            }
            Key = AuthenticatorKey.For(key!, user.Email ?? user.UserName ?? "");
        }
        Input.Code = "";
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the code.")]
        [StringLength(16, ErrorMessage = "At most 16 characters.")]
        public string Code { get; set; } = "";
    }
}
