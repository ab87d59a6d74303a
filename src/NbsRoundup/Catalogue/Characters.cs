namespace NbsRoundup.Catalogue;

/// <summary>
/// Characters no text of the catalogue may hold, whoever sends it (a form, a query string, an
/// address): control characters other than tab and line breaks, Unicode noncharacters (U+FDD0 to
/// U+FDEF, and the last two of every plane: U+FFFE, U+FFFF, U+1FFFE ...), and halves of surrogate
/// pairs standing alone. Normalisation (NFKC) throws on some of them, XML (feeds, sitemaps) rejects
/// most, and a newsletter file may not hold any (NewsletterReader), so they are refused where they
/// come in, with the character named.
/// </summary>
public static class Characters
{
    /// <summary>The first unusable character as "U+FFFE" and its 0-based index, or null when there is none.</summary>
    public static (string CodePoint, int Index)? FindUnusable(string? text)
    {
        if (text is null)
        {
            return null;
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, text[i + 1]);
                if ((codePoint & 0xFFFE) == 0xFFFE)
                {
                    return (Name(codePoint), i);
                }
                i++;
                continue;
            }
            if (char.IsSurrogate(c) || c is >= '\uFDD0' and <= '\uFDEF' or '\uFFFE' or '\uFFFF' || (char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
            {
                return (Name(c), i);
            }
        }
        return null;
    }

    /// <summary>True when the text holds no unusable character.</summary>
    public static bool AreUsable(string? text) => FindUnusable(text) is null;

    private static string Name(int codePoint) => $"U+{codePoint:X4}";
}
