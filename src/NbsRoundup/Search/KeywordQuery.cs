namespace NbsRoundup.Search;

/// <summary>
/// The keywords a researcher typed, as an FTS5 match expression and as the words to
/// highlight. Words separated by spaces must all match (AND). A Chinese word matches as
/// a phrase of its bigrams ("红树林" → "红树 树林"); a single Chinese character matches the
/// character columns; Latin words are stemmed like the index, and "net-zero" is a phrase.
/// </summary>
public sealed class KeywordQuery
{
    private const string WordColumns = "{title original summary people organisations}";
    private const string CharacterColumns = "{chars_title chars_body}";

    private KeywordQuery(string matchExpression, IReadOnlyList<string> chinese, IReadOnlyList<string> stems)
    {
        MatchExpression = matchExpression;
        ChineseTerms = chinese;
        LatinStems = stems;
    }

    /// <summary>The FTS5 MATCH expression; every token quoted, so no user text is FTS syntax.</summary>
    public string MatchExpression { get; }

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
        var clauses = new List<string>();
        var chinese = new List<string>();
        var stems = new List<string>();
        foreach (var term in keywords.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var latin = new List<string>();
            foreach (var (text, isCjk) in SearchAnalyzer.Runs(term))
            {
                if (!isCjk)
                {
                    latin.Add(EnglishStemmer.Stem(text));
                    continue;
                }
                FlushLatin(latin, clauses, stems);
                chinese.Add(text);
                clauses.Add(text.Length == 1
                    ? $"{CharacterColumns} : {Quote(text)}"
                    : $"{WordColumns} : {Quote(SearchAnalyzer.Words(text))}");
            }
            FlushLatin(latin, clauses, stems);
        }
        return clauses.Count == 0 ? null : new KeywordQuery(string.Join(" AND ", clauses.Distinct()), chinese, stems);
    }

    private static void FlushLatin(List<string> words, List<string> clauses, List<string> stems)
    {
        if (words.Count == 0)
        {
            return;
        }
        clauses.Add($"{WordColumns} : {Quote(string.Join(' ', words))}");
        stems.AddRange(words);
        words.Clear();
    }

    // Tokens hold only letters and digits, but quoting keeps any future change from opening FTS syntax.
    private static string Quote(string phrase) => "\"" + phrase.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public override string ToString() => MatchExpression;
}
