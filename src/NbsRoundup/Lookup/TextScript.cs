using System.Globalization;
using System.Text;

namespace NbsRoundup.Lookup;

/// <summary>Small facts about the writing system of a text: how Chinese it is, what language it likely is.</summary>
internal static class TextScript
{
    private static readonly string[] _englishWords = ["the", "and", "of", "for", "in", "to", "with", "on", "is", "from"];

    public static bool IsHan(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    private static bool IsKana(char c) => c is >= '\u3040' and <= '\u30FF';

    private static bool IsHangul(char c) => c is >= '\uAC00' and <= '\uD7AF' or >= '\u1100' and <= '\u11FF';

    /// <summary>True when a title is written in Chinese: at least two Han characters making a quarter of its letters, no kana.</summary>
    public static bool IsChinese(string text)
    {
        int han = 0, letters = 0;
        foreach (var c in text)
        {
            if (IsKana(c))
            {
                return false;
            }
            if (IsHan(c))
            {
                han++;
                letters++;
            }
            else if (char.IsLetter(c))
            {
                letters++;
            }
        }
        return han >= 2 && han * 4 >= letters;
    }

    /// <summary>
    /// A language guessed from the script of a text: "zh" for mostly Han, "ja" with kana, "ko" for Hangul,
    /// "en" for Latin text with several common English words; null when it cannot tell.
    /// </summary>
    public static string? Guess(string text)
    {
        int han = 0, kana = 0, hangul = 0, latin = 0;
        foreach (var c in text)
        {
            if (IsHan(c))
            {
                han++;
            }
            else if (IsKana(c))
            {
                kana++;
            }
            else if (IsHangul(c))
            {
                hangul++;
            }
            else if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z')
            {
                latin++;
            }
        }
        if (kana >= 5 && kana * 10 >= han)
        {
            return "ja";
        }
        if (hangul >= 5 && hangul >= han)
        {
            return "ko";
        }
        // A Chinese page is full of Latin acronyms and numbers (NbS, COP15, IUCN): Han counts double.
        if (han >= 2 && han * 2 >= latin)
        {
            return "zh";
        }
        if (han == 0 && latin >= 20)
        {
            var words = text.ToLowerInvariant()
                .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                .Select(w => w.Trim(',', '.', ';', ':', '(', ')', '"'))
                .ToHashSet();
            return _englishWords.Count(words.Contains) >= 3 ? "en" : null;
        }
        return null;
    }

    /// <summary>"zh-CN", "zh_Hans", "Chinese", "中文", "chi" → "zh"; "en-US", "English", "eng" → "en"; null when unreadable.</summary>
    public static string? NormaliseLanguage(string? tag)
    {
        var value = tag?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        switch (value)
        {
            case "chinese" or "中文" or "汉语" or "简体中文" or "繁體中文" or "chi" or "zho" or "cmn":
                return "zh";
            case "english" or "英文" or "英语" or "eng":
                return "en";
            case "french" or "fre" or "fra":
                return "fr";
            case "spanish" or "spa":
                return "es";
            case "german" or "ger" or "deu":
                return "de";
            case "japanese" or "jpn":
                return "ja";
        }
        var primary = value.Split('-', '_', ',', ';', ' ')[0];
        return primary.Length is 2 or 3 && primary.All(c => c is >= 'a' and <= 'z') ? primary : null;
    }

    /// <summary>
    /// Kangxi radicals (U+2F00–U+2FDF) and CJK radical supplements become the ideographs they look like:
    /// PDFs made with CJK fonts often map glyphs to the radicals, so "生态" is extracted as "⽣态".
    /// </summary>
    public static string FoldRadicals(string text)
    {
        if (!text.Any(c => c is >= '\u2E80' and <= '\u2FDF'))
        {
            return text;
        }
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c is >= '\u2E80' and <= '\u2FDF' ? c.ToString().Normalize(NormalizationForm.FormKC) : c);
        }
        return sb.ToString();
    }

    /// <summary>Whitespace runs (including full-width spaces and line breaks) become one space; invisible format characters go; ends trimmed.</summary>
    public static string CollapseWhitespace(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue; // zero-width spaces and joiners, byte-order marks
            }
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space)
            {
                sb.Append(' ');
                space = false;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }
}
