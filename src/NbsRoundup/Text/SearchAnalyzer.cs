using System.Globalization;
using System.Text;
using NbsRoundup.Catalogue;

namespace NbsRoundup.Text;

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
    public static string Words(string? text) => string.Join(' ', WordTokens(text));

    /// <summary>Every Chinese character of a text, space separated, for one-character queries.</summary>
    public static string Characters(string? text) => string.Join(' ', CharacterTokens(text));

    /// <summary>
    /// The word tokens of a text, in order: what both engines' indexes store and queries look for.
    /// SQLite's unicode61 tokenizer would split a token at an apostrophe and drop diacritics, and
    /// PostgreSQL takes tokens as given, so tokens are made final here and both engines agree.
    /// </summary>
    public static IEnumerable<string> WordTokens(string? text)
    {
        foreach (var run in Runs(text))
        {
            var tokens = run.IsCjk ? Bigrams(run.Text) : LatinTokens(run.Text);
            foreach (var token in tokens)
            {
                yield return token;
            }
        }
    }

    /// <summary>The Chinese characters of a text, in order.</summary>
    public static IEnumerable<string> CharacterTokens(string? text) =>
        Runs(text).Where(r => r.IsCjk).SelectMany(r => r.Text.Select(c => c.ToString()));

    /// <summary>A Latin word as index tokens: without diacritics, stemmed, cut at apostrophes ("don't" → "don", "t").</summary>
    public static IEnumerable<string> LatinTokens(string word) =>
        EnglishStemmer.Stem(WithoutDiacritics(word)).Split(['\'', '’'], StringSplitOptions.RemoveEmptyEntries);

    private static string WithoutDiacritics(string word)
    {
        if (word.All(char.IsAscii))
        {
            return word;
        }
        var sb = new StringBuilder(word.Length);
        foreach (var c in word.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c);
            }
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
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

    private static IEnumerable<string> Bigrams(string run)
    {
        if (run.Length == 1)
        {
            yield return run;
            yield break;
        }
        for (var i = 0; i < run.Length - 1; i++)
        {
            yield return run.Substring(i, 2);
        }
    }
}
