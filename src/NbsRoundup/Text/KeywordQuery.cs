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

/// <summary>One way a group of a query can match: every one of its clauses must.</summary>
public sealed record KeywordAlternative(IReadOnlyList<KeywordClause> Clauses)
{
    public bool Equals(KeywordAlternative? other) => other is not null && Clauses.SequenceEqual(other.Clauses);

    public override int GetHashCode() => string.Join(" & ", Clauses.Select(c => c.GetHashCode())).GetHashCode(StringComparison.Ordinal);
}

/// <summary>
/// A part of a keyword query that matches when any one of its alternatives does: the words as typed
/// first, then, for a term the glossary knows, its equivalents (`wetland` or `湿地`).
/// </summary>
public sealed record KeywordGroup(IReadOnlyList<KeywordAlternative> Alternatives)
{
    public bool Equals(KeywordGroup? other) => other is not null && Alternatives.SequenceEqual(other.Alternatives);

    public override int GetHashCode() => string.Join(" | ", Alternatives.Select(a => a.GetHashCode())).GetHashCode(StringComparison.Ordinal);

    /// <summary>True for a group of one clause and no alternative: a plain word or phrase.</summary>
    public bool IsSingleClause => Alternatives is [{ Clauses.Count: 1 }];
}

/// <summary>Where a query names a term that has equivalents, and the equivalents to look for as well (phrases).</summary>
/// <param name="Start">Start of the term in the keywords (UTF-16 index).</param>
/// <param name="Length">Its length.</param>
/// <param name="Equivalents">Other forms of the term, in either language.</param>
public sealed record KeywordExpansion(int Start, int Length, IReadOnlyList<string> Equivalents);

/// <summary>
/// The keywords a researcher typed, as groups every match must satisfy, and as the words to
/// highlight. Words separated by spaces must all match (AND). A Chinese word is a phrase of its
/// bigrams ("红树林" → 红树 树林); a single Chinese character is looked for among the characters;
/// Latin words are stemmed like the index, and "net-zero" is the phrase "net zero". A term given
/// equivalents (by the search layer, from the glossary) matches as typed or as any equivalent
/// phrase. Each engine's full-text index renders the groups in its own query language.
/// </summary>
public sealed class KeywordQuery
{
    private KeywordQuery(IReadOnlyList<KeywordGroup> groups, IReadOnlyList<string> chinese, IReadOnlyList<string> stems)
    {
        Groups = groups;
        ChineseTerms = chinese;
        LatinStems = stems;
    }

    /// <summary>The groups, each different, all of which must match.</summary>
    public IReadOnlyList<KeywordGroup> Groups { get; }

    /// <summary>The clauses of what was typed (each group's first alternative).</summary>
    public IReadOnlyList<KeywordClause> Clauses => Groups.SelectMany(g => g.Alternatives[0].Clauses).ToList();

    /// <summary>True when some group has equivalents besides what was typed.</summary>
    public bool IsExpanded => Groups.Any(g => g.Alternatives.Count > 1);

    /// <summary>Chinese strings to highlight as they are.</summary>
    public IReadOnlyList<string> ChineseTerms { get; }

    /// <summary>Stems of Latin words to highlight wherever a word has the same stem.</summary>
    public IReadOnlyList<string> LatinStems { get; }

    /// <summary>The query for a keyword string, or null when it holds nothing searchable.</summary>
    public static KeywordQuery? Parse(string? keywords) => Parse(keywords, []);

    /// <summary>
    /// The query for a keyword string in which the given terms (not overlapping) also match their
    /// equivalents; null when it holds nothing searchable.
    /// </summary>
    public static KeywordQuery? Parse(string? keywords, IReadOnlyList<KeywordExpansion> expansions)
    {
        if (string.IsNullOrWhiteSpace(keywords))
        {
            return null;
        }
        var groups = new List<KeywordGroup>();
        var chinese = new List<string>();
        var stems = new List<string>();
        var at = 0;
        foreach (var expansion in expansions.OrderBy(e => e.Start))
        {
            if (expansion.Start < at || expansion.Start + expansion.Length > keywords.Length)
            {
                continue;
            }
            AddPlain(keywords[at..expansion.Start], groups, chinese, stems);
            var typed = ClausesOf(keywords.Substring(expansion.Start, expansion.Length), chinese, stems);
            if (typed.Count > 0)
            {
                var alternatives = new List<KeywordAlternative> { new(typed) };
                foreach (var equivalent in expansion.Equivalents)
                {
                    if (Phrase(equivalent, chinese, stems) is { } phrase && !alternatives.Contains(phrase))
                    {
                        alternatives.Add(phrase);
                    }
                }
                groups.Add(new KeywordGroup(alternatives));
            }
            at = expansion.Start + expansion.Length;
        }
        AddPlain(keywords[at..], groups, chinese, stems);
        return groups.Count == 0 ? null : new KeywordQuery(groups.Distinct().ToList(), chinese.Distinct().ToList(), stems.Distinct().ToList());
    }

    /// <summary>Every clause of plain text is a group of its own: all must match.</summary>
    private static void AddPlain(string text, List<KeywordGroup> groups, List<string> chinese, List<string> stems) =>
        groups.AddRange(ClausesOf(text, chinese, stems).Select(c => new KeywordGroup([new KeywordAlternative([c])])));

    private static List<KeywordClause> ClausesOf(string text, List<string> chinese, List<string> stems)
    {
        var clauses = new List<KeywordClause>();
        foreach (var term in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var latin = new List<string>();
            foreach (var (run, isCjk) in SearchAnalyzer.Runs(term))
            {
                if (!isCjk)
                {
                    latin.Add(run);
                    continue;
                }
                FlushLatin(latin, clauses, stems);
                chinese.Add(run);
                clauses.Add(run.Length == 1
                    ? new KeywordClause(KeywordField.Characters, [run])
                    : new KeywordClause(KeywordField.Words, SearchAnalyzer.WordTokens(run).ToList()));
            }
            FlushLatin(latin, clauses, stems);
        }
        return clauses.Distinct().ToList();
    }

    /// <summary>An equivalent as one phrase of its tokens (`salt marsh`, `基于自然的解决方案`, `IUCN全球标准`).</summary>
    private static KeywordAlternative? Phrase(string text, List<string> chinese, List<string> stems)
    {
        var runs = SearchAnalyzer.Runs(text).ToList();
        if (runs is [{ IsCjk: true, Text.Length: 1 } single])
        {
            chinese.Add(single.Text);
            return new KeywordAlternative([new KeywordClause(KeywordField.Characters, [single.Text])]);
        }
        var tokens = SearchAnalyzer.WordTokens(text).ToList();
        if (tokens.Count == 0)
        {
            return null;
        }
        chinese.AddRange(runs.Where(r => r.IsCjk).Select(r => r.Text));
        stems.AddRange(runs.Where(r => !r.IsCjk).Select(r => EnglishStemmer.Stem(r.Text)));
        return new KeywordAlternative([new KeywordClause(KeywordField.Words, tokens)]);
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
        string.Join(" AND ", Groups.Select(g => (g.Alternatives.Count > 1 ? "(" : "")
            + string.Join(" OR ", g.Alternatives.Select(a => string.Join(" AND ", a.Clauses.Select(c => $"{c.Field}:\"{string.Join(' ', c.Tokens)}\""))))
            + (g.Alternatives.Count > 1 ? ")" : "")));
}
