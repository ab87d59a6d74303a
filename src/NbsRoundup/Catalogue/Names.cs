using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NbsRoundup.Catalogue;

/// <summary>Name matching and slugs shared by the importer and the store.</summary>
public static class Names
{
    /// <summary>
    /// The form names are compared in: full-width folded to half-width (NFKC),
    /// lower case, no spaces. "大自然保护协会（TNC）" and "大自然保护协会(tnc)" are equal.
    /// </summary>
    public static string Normalize(string name)
    {
        var folded = name.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>True for "corporate-net-zero-standard": lowercase ASCII letters and digits joined by single hyphens.</summary>
    public static bool IsSlug(string value) =>
        value.Length is > 0 and <= 100
        && value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && !value.StartsWith('-') && !value.EndsWith('-') && !value.Contains("--", StringComparison.Ordinal);

    /// <summary>
    /// A slug from the ASCII words of a text ("Corporate Net-zero Standard" → "corporate-net-zero-standard"),
    /// or, for text without any, a short stable hash with the given prefix.
    /// </summary>
    public static string Slugify(string text, string hashPrefix, int maxLength = 80)
    {
        var sb = new StringBuilder();
        var pendingHyphen = false;
        foreach (var c in text.Normalize(NormalizationForm.FormKC).ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (pendingHyphen && sb.Length > 0)
                {
                    sb.Append('-');
                }
                pendingHyphen = false;
                sb.Append(c);
            }
            else
            {
                pendingHyphen = true;
            }
        }
        var slug = sb.ToString();
        if (slug.Length > maxLength)
        {
            var cut = slug.LastIndexOf('-', maxLength);
            slug = slug[..(cut > 0 ? cut : maxLength)];
        }
        if (slug.Length >= 3)
        {
            return slug;
        }
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(text)));
        return hashPrefix + "-" + Convert.ToHexString(hash, 0, 5).ToLower(CultureInfo.InvariantCulture);
    }

    /// <summary>A list of names as editors write it, separated by ';' or '；': trimmed, without blanks or repeats.</summary>
    public static IReadOnlyList<string> SplitList(string text) =>
        text.Split([';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .DistinctBy(Normalize)
            .ToList();

    /// <summary>True when the text holds Chinese, Japanese or Korean characters.</summary>
    public static bool HasCjk(string text) => text.Any(IsCjk);

    public static bool IsCjk(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF')
            or (>= '\u3040' and <= '\u30FF') or (>= '\uAC00' and <= '\uD7AF');
}
