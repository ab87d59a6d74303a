using System.Text;
using NbsRoundup.Catalogue;

namespace NbsRoundup.Search;

/// <summary>
/// Turns text into the tokens the full-text index stores and queries use. SQLite's own
/// tokenizers cannot do Chinese (unicode61 makes one token of a whole run, trigram misses
/// two-character words), so Chinese runs become overlapping bigrams ("红树林" → "红树 树林")
/// and, in separate columns, single characters for one-character queries. Latin words are
/// lower-cased and stemmed; "net-zero" is the two words "net zero".
/// </summary>
public static class SearchAnalyzer
{
    /// <summary>Bigram-and-word tokens of a text, space separated.</summary>
    public static string Words(string? text)
    {
        var sb = new StringBuilder();
        foreach (var run in Runs(text))
        {
            if (run.IsCjk)
            {
                AppendBigrams(run.Text, sb);
            }
            else
            {
                Append(sb, EnglishStemmer.Stem(run.Text));
            }
        }
        return sb.ToString();
    }

    /// <summary>Every Chinese character of a text, space separated, for one-character queries.</summary>
    public static string Characters(string? text)
    {
        var sb = new StringBuilder();
        foreach (var run in Runs(text).Where(r => r.IsCjk))
        {
            foreach (var c in run.Text)
            {
                Append(sb, c.ToString());
            }
        }
        return sb.ToString();
    }

    /// <summary>A text cut into Chinese runs and Latin words (letters and digits); everything else separates.</summary>
    public static IEnumerable<(string Text, bool IsCjk)> Runs(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }
        var folded = text.Normalize(NormalizationForm.FormKC);
        var start = -1;
        var cjk = false;
        for (var i = 0; i <= folded.Length; i++)
        {
            var c = i < folded.Length ? folded[i] : ' ';
            var isCjk = Names.IsCjk(c);
            var isWord = !isCjk && (char.IsLetterOrDigit(c) || c is '\'' or '’') && !(start < 0 && c is '\'' or '’');
            if (start >= 0 && (isCjk != cjk || (!isCjk && !isWord)))
            {
                yield return (folded[start..i].TrimEnd('\'', '’'), cjk);
                start = -1;
            }
            if (start < 0 && (isCjk || isWord))
            {
                start = i;
                cjk = isCjk;
            }
        }
    }

    private static void AppendBigrams(string run, StringBuilder sb)
    {
        if (run.Length == 1)
        {
            Append(sb, run);
            return;
        }
        for (var i = 0; i < run.Length - 1; i++)
        {
            Append(sb, run.Substring(i, 2));
        }
    }

    private static void Append(StringBuilder sb, string token)
    {
        if (token.Length == 0)
        {
            return;
        }
        if (sb.Length > 0)
        {
            sb.Append(' ');
        }
        sb.Append(token);
    }
}
