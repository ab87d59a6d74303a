using System.Collections.Frozen;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace NbsRoundup.Accounts;

/// <summary>
/// Refuses passwords that attackers try first (ASVS 5 V6.2.11, V6.2.12; NIST SP 800-63B 3.1.1.2):
/// the 49,233 most common passwords of common-passwords.txt.gz (its first lines name the source),
/// compared without regard to case, spaces or punctuation, also with trailing digits cut off
/// ("Password 2024!" is "password"); words of this site's own name; the account's e-mail address
/// or its part before the @; and one character repeated. Length is left to Identity's own rule.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<PortalUser>
{
    public const string CommonCode = "PasswordCommon";
    public const string PersonalCode = "PasswordContainsAccountName";

    private static readonly Lazy<FrozenSet<string>> _common = new(Load);

    // Words anyone would guess for an account on this site.
    private static readonly string[] _contextWords = ["nbsroundup", "nbs", "roundup", "naturebasedsolutions", "tnc", "natureconservancy", "thenatureconservancy"];

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }
        if (IsCommon(password))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = CommonCode,
                Description = "This password is one of the most common passwords, or made from one; choose another.",
            }));
        }
        if (ContainsAccountName(password, user))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = PersonalCode,
                Description = "The password must not contain the account's e-mail address or name.",
            }));
        }
        return Task.FromResult(IdentityResult.Success);
    }

    /// <summary>True for a password on the list (or one plus digits), a word of the site's name, or one character repeated.</summary>
    public static bool IsCommon(string password)
    {
        var letters = Fold(password);
        if (letters.Length == 0 || letters.Distinct().Count() == 1)
        {
            return true;
        }
        var stem = letters.TrimEnd("0123456789".ToCharArray());
        var common = _common.Value;
        return common.Contains(password.Trim().ToLowerInvariant()) || common.Contains(letters)
            || (stem.Length > 0 && (common.Contains(stem) || _contextWords.Contains(stem)))
            || _contextWords.Contains(letters);
    }

    private static bool ContainsAccountName(string password, PortalUser user)
    {
        var folded = Fold(password);
        foreach (var name in new[] { user.Email, user.UserName, user.Email?.Split('@')[0] })
        {
            // A name of a few letters would refuse too much by chance.
            if (Fold(name ?? "") is { Length: >= 4 } n && folded.Contains(n, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Lower-case letters and digits only: "Pass word!" and "password" are one password.</summary>
    private static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("NbsRoundup.Accounts.common-passwords.txt.gz")
            ?? throw new InvalidOperationException("the common-password list is not embedded in the assembly");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line);
                set.Add(Fold(line));
            }
        }
        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}
