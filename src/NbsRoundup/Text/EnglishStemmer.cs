namespace NbsRoundup.Text;

/// <summary>
/// A light English stemmer: folds plurals and possessives ("mangroves" → "mangrove",
/// "policies" → "policy", "NDCs" → "ndc"). Light on purpose: index, query and highlighter
/// use this one function, so what matches is also what gets highlighted.
/// </summary>
public static class EnglishStemmer
{
    public static string Stem(string word)
    {
        var w = word.ToLowerInvariant();
        if (w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("’s", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        if (w.Length <= 3 || !w.All(char.IsAsciiLetter))
        {
            return w;
        }
        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4)
        {
            return w[..^3] + "y";
        }
        if (w.EndsWith("sses", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal)
            || w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("xes", StringComparison.Ordinal))
        {
            return w[..^2];
        }
        if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal)
            && !w.EndsWith("is", StringComparison.Ordinal))
        {
            return w[..^1];
        }
        return w;
    }
}
