using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;
using Microsoft.Extensions.Localization;
using NbsRoundup.Web.Localization;

namespace NbsRoundup.Web.Pages.Account;

/// <summary>
/// What the password step and the code step of signing in share: how an outcome is named in the
/// log, where a signed-in editor goes next, and what a refusal says.
/// </summary>
public abstract class SignInStepModel(IStringLocalizer<SharedResource> t) : PageModel
{
    protected IStringLocalizer<SharedResource> T { get; } = t;

    /// <summary>The outcome as the sign-in log names it; never the password or the code.</summary>
    protected static string Outcome(SignInResult result) =>
        result.Succeeded ? "succeeded" : result.RequiresTwoFactor ? "needs the second factor"
        : result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed" : "failed";

    protected static LogLevel LevelOf(SignInResult result) => result.Succeeded ? LogLevel.Information : LogLevel.Warning;

    /// <summary>Back to the page that asked for the sign-in, if it is on this site; else the admin area.</summary>
    protected IActionResult SignedIn(string? returnUrl) => LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/admin");

    /// <summary>Says why the step failed: the lockout, whichever step counted the last wrong try, or what was wrong.</summary>
    protected PageResult Refused(SignInResult result, LocalizedString wrong)
    {
        ModelState.AddModelError("", result.IsLockedOut ? T["Too many wrong passwords: this account is locked for 15 minutes."] : wrong);
        return Page();
    }
}
