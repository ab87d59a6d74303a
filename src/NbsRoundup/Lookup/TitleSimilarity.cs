using System.Globalization;
using System.Text;

namespace NbsRoundup.Lookup;

/// <summary>
/// Whether two titles name the same work, in Chinese or English, for spotting an entry the catalogue
/// already has.
/// </summary>
/// <remarks>
/// Titles are compared in a normal form: full-width folded to half-width (NFKC), lower case, without
/// punctuation, symbols or spaces ("《全球红树林现状》" = "全球红树林现状"; "The State of the World's
/// Mangroves." = "the state of the world’s mangroves"). Two titles are near-identical when the numbers in
/// them, in digits or Chinese numerals, are the same (an edition's year tells editions apart: "… 2020" is not
/// "… 2022", nor "十四五" "十三五") and either
/// <list type="bullet">
/// <item>the Jaccard index of their character bigrams is at least <see cref="Threshold"/> (0.8): a changed
/// word or two in a long title, a missing article; or</item>
/// <item>one holds at least 95 % of the other's bigrams and is at most 1.6 times as long: a title with and
/// without its issuer ("国务院办公厅关于…的意见" and "关于…的意见").</item>
/// </list>
/// Bigrams of characters suit Chinese, which has no spaces, and catch English typos and inflections.
/// </remarks>
public static class TitleSimilarity
{
    public const double Threshold = 0.8;

    /// <summary>The normal form titles are compared in.</summary>
    public static string Normalise(string title)
    {
        var sb = new StringBuilder(title.Length);
        foreach (var c in title.Normalize(NormalizationForm.FormKC).ToLowerInvariant())
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (char.IsLetterOrDigit(c) || category is UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>Jaccard index of the two titles' character bigrams, from 0 (nothing shared) to 1 (same normal form).</summary>
    public static double Similarity(string a, string b)
    {
        var x = Bigrams(Normalise(a));
        var y = Bigrams(Normalise(b));
        if (x.Count == 0 || y.Count == 0)
        {
            return x.Count == 0 && y.Count == 0 && Normalise(a) == Normalise(b) ? 1 : 0;
        }
        var shared = x.Intersect(y).Count();
        return (double)shared / (x.Count + y.Count - shared);
    }

    /// <summary>True when two titles name the same work (see the remarks for the rule).</summary>
    public static bool AreNearIdentical(string? a, string? b)
    {
        if (string.IsNullOrWhiteSpace(a) || string.IsNullOrWhiteSpace(b))
        {
            return false;
        }
        var na = Normalise(a);
        var nb = Normalise(b);
        if (na.Length == 0 || nb.Length == 0 || Numbers(na) != Numbers(nb))
        {
            return false;
        }
        if (na == nb)
        {
            return true;
        }
        var x = Bigrams(na);
        var y = Bigrams(nb);
        if (x.Count == 0 || y.Count == 0)
        {
            return false;
        }
        var shared = x.Intersect(y).Count();
        var jaccard = (double)shared / (x.Count + y.Count - shared);
        var contained = (double)shared / Math.Min(x.Count, y.Count);
        var lengthRatio = (double)Math.Max(na.Length, nb.Length) / Math.Min(na.Length, nb.Length);
        return jaccard >= Threshold || contained >= 0.95 && lengthRatio <= 1.6;
    }

    /// <summary>
    /// True when two entries' titles match in either language: the Chinese titles, the original titles,
    /// or one's Chinese title and the other's original (an entry that so far has only an English title).
    /// </summary>
    public static bool AreSameWork(string? title, string? originalTitle, string? otherTitle, string? otherOriginalTitle) =>
        AreNearIdentical(title, otherTitle)
        || AreNearIdentical(originalTitle, otherOriginalTitle)
        || AreNearIdentical(title, otherOriginalTitle)
        || AreNearIdentical(originalTitle, otherTitle);

    private static HashSet<string> Bigrams(string text)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (text.Length == 1)
        {
            set.Add(text);
        }
        for (var i = 0; i + 1 < text.Length; i++)
        {
            set.Add(text.Substring(i, 2));
        }
        return set;
    }

    private static string Numbers(string normalised)
    {
        var sb = new StringBuilder();
        var inNumber = false;
        foreach (var c in normalised)
        {
            if (char.IsAsciiDigit(c) || "〇零一二三四五六七八九十百千万两".Contains(c, StringComparison.Ordinal))
            {
                sb.Append(c);
                inNumber = true;
            }
            else if (inNumber)
            {
                sb.Append(' ');
                inNumber = false;
            }
        }
        return sb.ToString().Trim();
    }
}
