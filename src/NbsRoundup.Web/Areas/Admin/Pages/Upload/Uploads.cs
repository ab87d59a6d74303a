using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace NbsRoundup.Web.Areas.Admin.Pages.Upload;

/// <summary>A newsletter file between its preview and its import.</summary>
public sealed record UploadedFile(string Name, byte[] Bytes);

/// <summary>
/// Keeps an uploaded file between preview and confirm without storing it: the preview page
/// carries it in a hidden field, encrypted and signed for this editor for two hours, so a
/// confirm imports exactly the bytes that were previewed (and checks them all again).
/// </summary>
public sealed class Uploads(IDataProtectionProvider protection)
{
    private static readonly TimeSpan _lifetime = TimeSpan.FromHours(2);

    public string Protect(UploadedFile file, string userId) =>
        Protector(userId).Protect(file.Name + "\n" + Convert.ToBase64String(file.Bytes), _lifetime);

    /// <summary>The file, or null when the token is expired, altered or another editor's.</summary>
    public UploadedFile? Unprotect(string? token, string userId)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        try
        {
            var payload = Protector(userId).Unprotect(token);
            var cut = payload.IndexOf('\n', StringComparison.Ordinal);
            return new UploadedFile(payload[..cut], Convert.FromBase64String(payload[(cut + 1)..]));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>
    /// The client's file name, cut down to a label for messages and the history: never a path.
    /// </summary>
    public static string DisplayName(string? clientName)
    {
        var name = Path.GetFileName((clientName ?? "").Replace('\\', '/'));
        var sb = new StringBuilder();
        foreach (var c in name.Where(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or ' '))
        {
            sb.Append(c);
        }
        var label = sb.ToString().Trim();
        return label.Length == 0 ? "upload.md" : label.Length > 100 ? label[..100] : label;
    }

    private ITimeLimitedDataProtector Protector(string userId) =>
        protection.CreateProtector("NbsRoundup.Admin.Upload", userId).ToTimeLimitedDataProtector();
}
