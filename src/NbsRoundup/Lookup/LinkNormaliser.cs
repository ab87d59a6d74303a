using System.Text;

namespace NbsRoundup.Lookup;

/// <summary>
/// A comparison key for links, so that one report reached by different links is recognised as one:
/// <c>https://www.wri.org/research/x/?utm_source=wechat#top</c> and <c>http://wri.org/research/x</c> both give
/// <c>wri.org/research/x</c>. The key is for comparing, not for visiting: it has no scheme.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>http and https are the same; the host is lower case (IDN in punycode) without a leading "www.";
/// ports 80 and 443 are dropped, others kept.</item>
/// <item>The fragment is dropped; a trailing slash is dropped; the path keeps its case (servers may differ on it),
/// with percent-escapes of plain letters and digits undone and the others in upper case.</item>
/// <item>Tracking parameters are removed (<see cref="IsTracking"/>); the others are kept, sorted by name then
/// value, since the same page's parameters come in any order.</item>
/// </list>
/// </remarks>
public static class LinkNormaliser
{
    // Exact names. Prefixes: utm_ (Google Analytics campaigns) and _hs (HubSpot).
    private static readonly HashSet<string> _tracking = new(StringComparer.OrdinalIgnoreCase)
    {
        // Advertising click ids
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid", "li_fat_id", "igshid",
        // Analytics and mailing lists
        "_ga", "_gl", "mc_cid", "mc_eid", "mkt_tok", "ref", "ref_src", "ref_url", "cmpid", "cmp",
        // Sharing, Chinese platforms included: Alibaba's spm, WeChat's share parameters, Weibo's and Bilibili's
        "spm", "spm_id_from", "from", "share", "share_source", "share_medium", "share_plat", "share_tag", "share_token",
        "scene", "srcid", "sharer_sharetime", "sharer_shareid", "sharer_shareinfo", "sharer_shareinfo_first",
        "clicktime", "enterid", "isappinstalled", "ascene", "devicetype", "nettype", "exportkey", "pass_ticket",
        "wx_header", "vd_source", "timestamp", "sourcetype",
    };

    /// <summary>True for a query parameter that says how a reader arrived, not what they asked for.</summary>
    public static bool IsTracking(string name) =>
        name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("_hs", StringComparison.OrdinalIgnoreCase)
        || _tracking.Contains(name);

    /// <summary>The comparison key of a link; text that is not an http(s) address is only trimmed and lower-cased.</summary>
    public static string Normalise(string url)
    {
        var text = url.Trim();
        if (!text.Contains("://", StringComparison.Ordinal) && !text.StartsWith("//", StringComparison.Ordinal))
        {
            text = "http://" + text;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return url.Trim().ToLowerInvariant();
        }

        var host = uri.IdnHost.ToLowerInvariant().TrimEnd('.');
        if (host.StartsWith("www.", StringComparison.Ordinal) && host.Length > 4)
        {
            host = host[4..];
        }
        var sb = new StringBuilder(host);
        if (!uri.IsDefaultPort && uri.Port is not (80 or 443))
        {
            sb.Append(':').Append(uri.Port);
        }
        var path = NormaliseEscapes(uri.AbsolutePath).TrimEnd('/');
        sb.Append(path);

        var parameters = uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Name: NormaliseEscapes(p[0]), Value: p.Length > 1 ? NormaliseEscapes(p[1]) : null))
            .Where(p => p.Name.Length > 0 && !IsTracking(Uri.UnescapeDataString(p.Name)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Value is null ? p.Name : $"{p.Name}={p.Value}")
            .ToList();
        if (parameters.Count > 0)
        {
            sb.Append('?').AppendJoin('&', parameters);
        }
        return sb.ToString();
    }

    /// <summary>True when two links lead to the same thing by <see cref="Normalise"/>.</summary>
    public static bool AreSame(string a, string b) => Normalise(a) == Normalise(b);

    /// <summary>"%7e%41" → "~A"; "%2f" → "%2F": escapes of unreserved characters undone, others upper case; "+" in queries kept.</summary>
    private static string NormaliseEscapes(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                var c = (char)Convert.ToInt32(text.Substring(i + 1, 2), 16);
                if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~')
                {
                    sb.Append(c);
                }
                else
                {
                    sb.Append('%').Append(char.ToUpperInvariant(text[i + 1])).Append(char.ToUpperInvariant(text[i + 2]));
                }
                i += 2;
            }
            else
            {
                sb.Append(text[i]);
            }
        }
        return sb.ToString();
    }
}
