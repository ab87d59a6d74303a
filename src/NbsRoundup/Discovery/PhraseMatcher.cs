using System.Globalization;
using System.Text;
using NbsRoundup.Catalogue;
using NbsRoundup.Text;

namespace NbsRoundup.Discovery;

/// <summary>
/// Finds known phrases in a text, in either language, the way the glossary and the tag
/// suggester need: a phrase with Chinese characters matches as a substring (ignoring spaces,
/// case, full-width forms, brackets, quotes, dashes and 、: Chinese has no word boundaries, and
/// 《巴黎协定》第六条 should find 巴黎协定第六条); any other phrase matches whole
/// Latin words, stemmed with the search index's own <see cref="EnglishStemmer"/> so plurals and
/// case do not matter ("Wetlands" finds "wetland", "net-zero" finds "net zero"). Case-sensitive
/// phrases (proper names such as "Turkey" or "US") compare words as written. Where matches
/// overlap, the longest wins, then the earliest.
/// </summary>
/// <typeparam name="T">What a phrase stands for (a glossary term, a place).</typeparam>
internal sealed class PhraseMatcher<T>
{
    private readonly List<(string Text, T Value)> _chinese = [];
    private readonly Dictionary<string, List<(string[] Words, bool CaseSensitive, T Value)>> _latinByFirstWord = new(StringComparer.Ordinal);

    /// <summary>Adds a phrase. Phrases that normalise to nothing are ignored.</summary>
    public void Add(string phrase, T value, bool caseSensitive = false)
    {
        if (Names.HasCjk(phrase))
        {
            var normalized = ChineseKey(phrase);
            if (normalized.Length > 0)
            {
                _chinese.Add((normalized, value));
            }
            return;
        }
        var words = Words(phrase).Select(w => caseSensitive ? w.Raw : w.Key).ToArray();
        if (words.Length == 0)
        {
            return;
        }
        if (!_latinByFirstWord.TryGetValue(words[0], out var list))
        {
            _latinByFirstWord[words[0]] = list = [];
        }
        list.Add((words, caseSensitive, value));
    }

    /// <summary>Non-overlapping matches in text order.</summary>
    public IReadOnlyList<PhraseMatch<T>> Matches(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }
        var candidates = new List<PhraseMatch<T>>();
        FindChinese(text, candidates);
        FindLatin(text, candidates);

        var taken = new bool[text.Length];
        var chosen = new List<PhraseMatch<T>>();
        foreach (var m in candidates.OrderByDescending(m => m.Length).ThenBy(m => m.Start))
        {
            var free = true;
            for (var i = m.Start; i < m.Start + m.Length && free; i++)
            {
                free = !taken[i];
            }
            if (!free)
            {
                continue;
            }
            for (var i = m.Start; i < m.Start + m.Length; i++)
            {
                taken[i] = true;
            }
            chosen.Add(m);
        }
        return chosen.OrderBy(m => m.Start).ToList();
    }

    private void FindChinese(string text, List<PhraseMatch<T>> candidates)
    {
        if (_chinese.Count == 0 || !Names.HasCjk(text))
        {
            return;
        }
        // The normalised text, and for each of its characters the index of the original
        // character it came from, so matches are reported in the caller's text.
        var sb = new StringBuilder(text.Length);
        var origin = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var length = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
            var piece = ChineseKey(text.Substring(i, length));
            foreach (var c in piece)
            {
                sb.Append(c);
                origin.Add(i);
            }
            i += length - 1;
        }
        var normalized = sb.ToString();
        foreach (var (phrase, value) in _chinese)
        {
            for (var at = normalized.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = normalized.IndexOf(phrase, at + 1, StringComparison.Ordinal))
            {
                var start = origin[at];
                var endIndex = origin[at + phrase.Length - 1];
                var end = endIndex + (char.IsHighSurrogate(text[endIndex]) ? 2 : 1);
                candidates.Add(new PhraseMatch<T>(start, end - start, text[start..end], value, IsChinese: true));
            }
        }
    }

    private void FindLatin(string text, List<PhraseMatch<T>> candidates)
    {
        if (_latinByFirstWord.Count == 0)
        {
            return;
        }
        var words = Words(text).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            foreach (var first in new[] { words[i].Key, words[i].Raw }.Distinct(StringComparer.Ordinal))
            {
                if (!_latinByFirstWord.TryGetValue(first, out var phrases))
                {
                    continue;
                }
                foreach (var (phrase, caseSensitive, value) in phrases)
                {
                    if (i + phrase.Length > words.Count)
                    {
                        continue;
                    }
                    var same = true;
                    for (var k = 0; k < phrase.Length && same; k++)
                    {
                        var w = words[i + k];
                        same = (caseSensitive ? w.Raw : w.Key) == phrase[k];
                    }
                    if (same)
                    {
                        var start = words[i].Start;
                        var end = words[i + phrase.Length - 1].End;
                        candidates.Add(new PhraseMatch<T>(start, end - start, text[start..end], value, IsChinese: false));
                    }
                }
            }
        }
    }

    /// <summary>A text as Chinese phrases are compared: <see cref="Names.Normalize"/>, without brackets, quotes, dashes and enumeration commas.</summary>
    internal static string ChineseKey(string text)
    {
        var normalized = Names.Normalize(text);
        var sb = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
                    or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.DashPunctuation
                || c is '、' or '·' or '・' or '"' or '\'')
            {
                continue;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// The Latin words of a text with their places: runs of letters and digits outside Chinese
    /// characters, apostrophes inside a word kept ("world's"). Raw is the word as written without a
    /// possessive 's, for case-sensitive phrases; Key is the folded, stemmed form.
    /// </summary>
    internal static IEnumerable<(int Start, int End, string Raw, string Key)> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            var isWordChar = !Names.IsCjk(c) && (char.IsLetterOrDigit(c) || (start >= 0 && c is '\'' or '’'));
            if (isWordChar)
            {
                if (start < 0)
                {
                    start = i;
                }
                continue;
            }
            if (start >= 0)
            {
                var end = i;
                while (end > start && text[end - 1] is '\'' or '’')
                {
                    end--;
                }
                var raw = text[start..end].Normalize(NormalizationForm.FormKC);
                yield return (start, end, WithoutPossessive(raw), EnglishStemmer.Stem(Fold(raw)));
                start = -1;
            }
        }
    }

    // "Asia's" is "Asia" even where case matters.
    private static string WithoutPossessive(string word) =>
        word.Length > 2 && (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal)) ? word[..^2] : word;

    private static string Fold(string word)
    {
        if (word.All(char.IsAscii))
        {
            return word.ToLowerInvariant();
        }
        var sb = new StringBuilder(word.Length);
        foreach (var c in word.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c);
            }
        }
        return sb.ToString().Normalize(NormalizationForm.FormC).ToLowerInvariant();
    }
}

/// <summary>A phrase found in a text.</summary>
internal sealed record PhraseMatch<T>(int Start, int Length, string Text, T Value, bool IsChinese);
