using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace NbsRoundup.Web.Tests.Security;

/// <summary>
/// RFC 6238 codes computed here, independently of the portal (which uses Otp.NET): what an
/// authenticator app shows. Checked against the RFC's own test vectors.
/// </summary>
public static class Rfc6238
{
    /// <summary>The code an app shows for a base32 key at a moment, or a number of 30-second steps later.</summary>
    public static string CodeAt(string base32Key, DateTimeOffset moment, int stepsLater = 0) =>
        Code(Base32Decode(base32Key), (moment.ToUnixTimeSeconds() / 30) + stepsLater);

    /// <summary>The six-digit code of one time step: HMAC-SHA1 and RFC 4226 dynamic truncation.</summary>
    public static string Code(byte[] secret, long step)
    {
        var counter = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // SHA-1 is what RFC 6238 and every authenticator app use.
        var hash = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 base32, as Identity writes authenticator keys.</summary>
    public static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
