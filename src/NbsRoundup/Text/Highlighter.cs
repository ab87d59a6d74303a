using System.Net;
using System.Text;

namespace NbsRoundup.Text;

/// <summary>Marks the words a query matched in the original text, HTML-encoded, with &lt;mark&gt;.</summary>
public static class Highlighter
{
    public static string Highlight(string text, KeywordQuery? query)
    {
        var spans = Matches(text, query);
        if (spans.Count == 0)
        {
            return WebUtility.HtmlEncode(text);
        }
        var sb = new StringBuilder();
        var at = 0;
        foreach (var (start, length) in spans)
        {
            sb.Append(WebUtility.HtmlEncode(text[at..start]))
              .Append("<mark>").Append(WebUtility.HtmlEncode(text.Substring(start, length))).Append("</mark>");
            at = start + length;
        }
        return sb.Append(WebUtility.HtmlEncode(text[at..])).ToString();
    }

    /// <summary>
    /// A window of about <paramref name="length"/> characters around the first match,
    /// highlighted, with "…" where text was cut.
    /// </summary>
    public static string Snippet(string text, KeywordQuery? query, int length = 160)
    {
        if (text.Length <= length)
        {
            return Highlight(text, query);
        }
        var spans = Matches(text, query);
        var first = spans.Count > 0 ? spans[0].Start : 0;
        var start = Math.Max(0, Math.Min(first - (length / 4), text.Length - length));
        var window = text.Substring(start, length);
        return (start > 0 ? "…" : "") + Highlight(window, query) + (start + length < text.Length ? "…" : "");
    }

    /// <summary>Non-overlapping (start, length) spans of matched words, in order.</summary>
    public static List<(int Start, int Length)> Matches(string text, KeywordQuery? query)
    {
        var spans = new List<(int Start, int Length)>();
        if (query is null || text.Length == 0)
        {
            return spans;
        }
        foreach (var term in query.ChineseTerms)
        {
            for (var i = text.IndexOf(term, StringComparison.Ordinal); i >= 0; i = text.IndexOf(term, i + term.Length, StringComparison.Ordinal))
            {
                spans.Add((i, term.Length));
            }
        }
        if (query.LatinStems.Count > 0)
        {
            var stems = query.LatinStems.ToHashSet();
            var i = 0;
            while (i < text.Length)
            {
                if (!char.IsAsciiLetterOrDigit(text[i]))
                {
                    i++;
                    continue;
                }
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || (text[i] is '\'' or '’' && i + 1 < text.Length && char.IsAsciiLetter(text[i + 1]))))
                {
                    i++;
                }
                if (stems.Contains(EnglishStemmer.Stem(text[start..i])))
                {
                    spans.Add((start, i - start));
                }
            }
        }
        spans.Sort();
        var merged = new List<(int Start, int Length)>();
        foreach (var span in spans)
        {
            if (merged.Count > 0 && span.Start < merged[^1].Start + merged[^1].Length)
            {
                var last = merged[^1];
                merged[^1] = (last.Start, Math.Max(last.Start + last.Length, span.Start + span.Length) - last.Start);
            }
            else
            {
                merged.Add(span);
            }
        }
        return merged;
    }
}
