using NbsRoundup.Catalogue;

namespace NbsRoundup.Discovery;

/// <summary>A suggested topic key or place code, with why.</summary>
/// <param name="Key">The topic key or place code.</param>
/// <param name="Score">The weight of the mentions behind it (see <see cref="TagSuggester"/>).</param>
/// <param name="Evidence">The words that led to it, as the entry writes them, once each.</param>
public sealed record SuggestedTag(string Key, int Score, IReadOnlyList<string> Evidence);

/// <summary>Topics and places suggested for an entry.</summary>
/// <param name="Topics">In vocabulary order (<see cref="Discovery.Topics.All"/>).</param>
/// <param name="Places">Strongest first, then by code.</param>
public sealed record TagSuggestions(IReadOnlyList<SuggestedTag> Topics, IReadOnlyList<SuggestedTag> Places)
{
    public IReadOnlyList<string> TopicKeys => Topics.Select(t => t.Key).ToList();

    public IReadOnlyList<string> PlaceCodes => Places.Select(p => p.Key).ToList();
}

/// <summary>
/// Suggests topics and places for an untagged entry, for an editor to confirm. Conservative:
/// it prefers saying nothing to saying something wrong.
/// <list type="bullet">
/// <item>Signals are glossary terms (their topic and place columns) and the names of places
/// in either language (Chinese names anywhere, English names as capitalised words), found in
/// the title, the original title, the summary and the organisation names; where they overlap
/// the longest wins, so 中国科学院 is an organisation and not a mention of China.</item>
/// <item>A mention in the title or original title weighs <see cref="TitleWeight"/>, in an
/// organisation's name <see cref="OrganisationWeight"/>, in the summary 1. A tag is suggested
/// when its mentions weigh <see cref="Threshold"/> or more: a title mention alone does, a
/// single mention in the summary does not.</item>
/// <item>A region is dropped when a suggested country lies inside it: filtering by the region
/// finds the entry anyway. `global` is dropped when any country or region is suggested: "the
/// world" in a national item is a figure of speech more often than its scope.</item>
/// </list>
/// The same input always gives the same output.
/// </summary>
public static class TagSuggester
{
    public const int TitleWeight = 3;
    public const int OrganisationWeight = 2;
    public const int Threshold = 3;

    private static readonly Lazy<PhraseMatcher<Signal>> _matcher = new(BuildMatcher);

    /// <summary>Topics and places for an entry from its title, original title, plain-text summary and organisation names.</summary>
    public static TagSuggestions Suggest(string? title, string? originalTitle, string? summaryPlainText, IEnumerable<string>? organisationNames)
    {
        var topicScores = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var placeScores = new Dictionary<string, Tally>(StringComparer.Ordinal);
        void Count(string? text, int weight)
        {
            foreach (var m in _matcher.Value.Matches(text))
            {
                foreach (var topic in m.Value.Topics)
                {
                    Add(topicScores, topic, weight, m.Text);
                }
                foreach (var place in m.Value.Places)
                {
                    Add(placeScores, place, weight, m.Text);
                }
            }
        }
        Count(title, TitleWeight);
        if (!string.Equals(originalTitle, title, StringComparison.Ordinal))
        {
            Count(originalTitle, TitleWeight);
        }
        Count(summaryPlainText, 1);
        foreach (var name in organisationNames ?? [])
        {
            Count(name, OrganisationWeight);
        }

        var topics = Topics.All
            .Where(t => topicScores.TryGetValue(t.Key, out var s) && s.Score >= Threshold)
            .Select(t => topicScores[t.Key].ToTag(t.Key))
            .ToList();
        var places = placeScores.Where(p => p.Value.Score >= Threshold).Select(p => p.Value.ToTag(p.Key)).ToList();
        var countries = places.Where(p => Places.ByCode(p.Key)?.IsCountry == true).Select(p => p.Key).ToList();
        var anySpecific = places.Any(p => p.Key != Places.Global);
        places = places
            .Where(p => Places.ByCode(p.Key)?.IsRegion != true || !countries.Any(c => Places.IsWithin(c, p.Key)))
            .Where(p => p.Key != Places.Global || !anySpecific)
            .OrderByDescending(p => p.Score)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .ToList();
        return new TagSuggestions(topics, places);
    }

    private static void Add(Dictionary<string, Tally> scores, string key, int weight, string evidence)
    {
        if (!scores.TryGetValue(key, out var tally))
        {
            scores[key] = tally = new Tally();
        }
        tally.Score += weight;
        if (!tally.Evidence.Contains(evidence, StringComparer.OrdinalIgnoreCase))
        {
            tally.Evidence.Add(evidence);
        }
    }

    private sealed class Tally
    {
        public int Score { get; set; }

        public List<string> Evidence { get; } = [];

        public SuggestedTag ToTag(string key) => new(key, Score, Evidence);
    }

    private sealed record Signal(IReadOnlyList<string> Topics, IReadOnlyList<string> Places);

    private static PhraseMatcher<Signal> BuildMatcher()
    {
        var matcher = new PhraseMatcher<Signal>();
        // Glossary terms first: where a term and a place name cover the same words, the term
        // (which may say the place is not meant, as 昆明 for the conference) wins.
        foreach (var term in Glossary.Terms)
        {
            var signal = new Signal(term.Topics, term.Places);
            foreach (var form in term.English.Concat(term.Chinese))
            {
                matcher.Add(form, signal);
            }
        }
        foreach (var place in Places.All)
        {
            var signal = new Signal([], [place.Code]);
            foreach (var name in new[] { place.Chinese }.Concat(place.ChineseAliases))
            {
                matcher.Add(name, signal);
            }
            // English names are proper nouns: compared as written, so "turkey" and "us" are not places.
            foreach (var name in new[] { place.English }.Concat(place.EnglishAliases).Where(n => !Names.HasCjk(n)))
            {
                matcher.Add(name, signal, caseSensitive: true);
            }
        }
        return matcher;
    }
}
