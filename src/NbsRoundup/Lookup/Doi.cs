using System.Text;
using System.Text.RegularExpressions;

namespace NbsRoundup.Lookup;

/// <summary>Digital Object Identifiers as editors paste them.</summary>
public static partial class Doi
{
    /// <summary>
    /// The DOI an input is, lower case, or null: a bare DOI ("10.1038/s41586-021-03523-1"), "doi:10...",
    /// "DOI: 10...", or a doi.org / dx.doi.org address (with or without scheme, percent-escapes undone).
    /// A page address that merely contains a DOI in its path is not a DOI.
    /// </summary>
    public static string? Parse(string input)
    {
        var text = input.Trim();
        if (text.StartsWith("doi:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[4..].Trim();
        }
        else if (Uri.TryCreate(text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text, UriKind.Absolute, out var url)
            && url.Host.ToLowerInvariant() is "doi.org" or "dx.doi.org" or "www.doi.org")
        {
            text = Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/'));
        }
        var match = Pattern().Match(text);
        return match.Success && match.Index == 0 && match.Length == text.Length ? match.Value.ToLowerInvariant() : null;
    }

    /// <summary>The first DOI in a text (a <c>citation_doi</c> value, "https://doi.org/10..."), lower case.</summary>
    public static string? Find(string text)
    {
        var match = Pattern().Match(Uri.UnescapeDataString(text));
        return match.Success ? match.Value.TrimEnd('.', ',', ';', ')').ToLowerInvariant() : null;
    }

    /// <summary>The DOI in a resolver's address space: "https://doi.org/10.1038/s41586-021-03523-1".</summary>
    public static Uri ResolverUrl(Uri resolver, string doi)
    {
        var path = new StringBuilder();
        foreach (var part in doi.Split('/'))
        {
            if (path.Length > 0)
            {
                path.Append('/');
            }
            path.Append(Uri.EscapeDataString(part));
        }
        return new Uri(resolver, path.ToString());
    }

    // Crossref's advice: 10.NNNN/ then anything printable; a DOI has no whitespace.
    [GeneratedRegex(@"10\.\d{4,9}/[^\s""<>]+", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
