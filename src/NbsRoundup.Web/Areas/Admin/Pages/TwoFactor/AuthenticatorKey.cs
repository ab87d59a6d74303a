using QRCoder;

namespace NbsRoundup.Web.Areas.Admin.Pages.TwoFactor;

/// <summary>An authenticator app's key, as text to type, as an otpauth address, and as a QR code of that address.</summary>
public sealed record AuthenticatorKey(string Key, string Grouped, string Uri, string QrSvg)
{
    private const string Issuer = "NbS Round-up";

    public static AuthenticatorKey For(string key, string account)
    {
        // Key URI format of Google Authenticator, which every authenticator app reads: 6 digits, 30 s, SHA-1.
        var uri = $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(account)}"
            + $"?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        // Inline SVG, drawn with presentation attributes only: nothing the content security policy forbids.
        var svg = new SvgQRCode(data).GetGraphic(4);
        var grouped = string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - (i * 4)))));
        return new AuthenticatorKey(key, grouped.ToLowerInvariant(), uri, svg);
    }
}
