using System.Globalization;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace NbsRoundup.Accounts;

/// <summary>
/// Authenticator-app codes (TOTP, RFC 6238: HMAC-SHA1, 30-second steps, six digits, computed by
/// Otp.NET) in place of Identity's own provider, which accepts the same code again for as long as
/// it is valid. Here a code is accepted once (ASVS 5 V6.5.1): the last time step used is kept with
/// the account, and a code of that step or an earlier one is refused. One step either side of now
/// is accepted for clocks that drift.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider : IUserTwoFactorTokenProvider<PortalUser>
{
    public const string Name = "SingleUseAuthenticator";
    private const string LoginProvider = "[NbsRoundup]";
    private const string LastStepToken = "LastAuthenticatorStep";
    private static readonly VerificationWindow _window = new(previous: 1, future: 1);

    /// <summary>A code as typed, without the spaces and hyphens apps show in it for readability.</summary>
    public static string WithoutSeparators(string typed) => typed.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);

    /// <summary>True when the text has the shape of an app's code (six digits), rather than a recovery code.</summary>
    public static bool IsAuthenticatorCode(string code) => code.Length == 6 && code.All(char.IsAsciiDigit);

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<PortalUser> manager, PortalUser user) =>
        manager.GetAuthenticatorKeyAsync(user).ContinueWith(t => !string.IsNullOrWhiteSpace(t.Result), TaskScheduler.Default);

    /// <summary>The app makes the codes; the portal never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<PortalUser> manager, PortalUser user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || !IsAuthenticatorCode(token) || Secret(key) is not { } secret)
        {
            return false;
        }
        if (!new Totp(secret).VerifyTotp(token, out var step, _window))
        {
            return false;
        }
        var last = long.TryParse(await manager.GetAuthenticationTokenAsync(user, LoginProvider, LastStepToken), NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : -1;
        if (step <= last)
        {
            // Used already, or older than a code already used.
            return false;
        }
        await manager.SetAuthenticationTokenAsync(user, LoginProvider, LastStepToken, step.ToString(CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>The key's bytes: Identity writes authenticator keys in RFC 4648 base32. Null for anything else.</summary>
    private static byte[]? Secret(string key)
    {
        try
        {
            return Base32Encoding.ToBytes(key);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
