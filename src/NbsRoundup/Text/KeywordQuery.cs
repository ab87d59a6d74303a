namespace NbsRoundup.Text;

/// <summary>Which tokens of the index a clause looks in.</summary>
public enum KeywordField
{
    /// <summary>Bigrams and Latin words of the title, original title, summary, people and organisations.</summary>
    Words,

    /// <summary>Single Chinese characters of the same texts, for one-character queries.</summary>
    Characters,
}

/// <summary>One clause of a keyword query: its tokens, in order, must stand next to each other (a phrase) in one field of an entry's text.</summary>
public sealed record KeywordClause(KeywordField Field, IReadOnlyList<string> Tokens)
{
    public bool Equals(KeywordClause? other) => other is not null && Field == other.Field && Tokens.SequenceEqual(other.Tokens);

    public override int GetHashCode() => HashCode.Combine(Field, string.Join(' ', Tokens));
}

/// <summary>
/// The keywords a researcher typed, as clauses every match must satisfy, and as the words to
/// highlight. Words separated by spaces must all match (AND). A Chinese word is a phrase of its
/// bigrams ("红树林" → 红树 树林); a single Chinese character is looked for among the characters;
/// Latin words are stemmed like the index, and "net-zero" is the phrase "net zero". Each engine's
/// full-text index renders the clauses in its own query language.
/// </summary>
public sealed class KeywordQuery
{
    private KeywordQuery(IReadOnlyList<KeywordClause> clauses, IReadOnlyList<string> chinese, IReadOnlyList<string> stems)
    {
        Clauses = clauses;
        ChineseTerms = chinese;
        LatinStems = stems;
    }

    /// <summary>The clauses, each different, all of which must match.</summary>
    public IReadOnlyList<KeywordClause> Clauses { get; }

    /// <summary>Chinese strings to highlight as they are.</summary>
    public IReadOnlyList<string> ChineseTerms { get; }

    /// <summary>Stems of Latin words to highlight wherever a word has the same stem.</summary>
    public IReadOnlyList<string> LatinStems { get; }

    /// <summary>The query for a keyword string, or null when it holds nothing searchable.</summary>
    public static KeywordQuery? Parse(string? keywords)
    {
        if (string.IsNullOrWhiteSpace(keywords))
        {
            return null;
        }
        var clauses = new List<KeywordClause>();
        var chinese = new List<string>();
        var stems = new List<string>();
        foreach (var term in keywords.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var latin = new List<string>();
            foreach (var (text, isCjk) in SearchAnalyzer.Runs(term))
            {
                if (!isCjk)
                {
                    latin.Add(text);
                    continue;
                }
                FlushLatin(latin, clauses, stems);
                chinese.Add(text);
                clauses.Add(text.Length == 1
                    ? new KeywordClause(KeywordField.Characters, [text])
                    : new KeywordClause(KeywordField.Words, SearchAnalyzer.WordTokens(text).ToList()));
            }
            FlushLatin(latin, clauses, stems);
        }
        return clauses.Count == 0 ? null : new KeywordQuery(clauses.Distinct().ToList(), chinese, stems);
    }

    private static void FlushLatin(List<string> words, List<KeywordClause> clauses, List<string> stems)
    {
        if (words.Count == 0)
        {
            return;
        }
        var tokens = words.SelectMany(SearchAnalyzer.LatinTokens).ToList();
        if (tokens.Count > 0)
        {
            clauses.Add(new KeywordClause(KeywordField.Words, tokens));
        }
        stems.AddRange(words.Select(EnglishStemmer.Stem));
        words.Clear();
    }

    public override string ToString() =>
        string.Join(" AND ", Clauses.Select(c => $"{c.Field}:\"{string.Join(' ', c.Tokens)}\""));
}
