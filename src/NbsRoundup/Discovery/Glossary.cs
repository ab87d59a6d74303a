using System.Collections.Frozen;

namespace NbsRoundup.Discovery;

/// <summary>The language a glossary form is in.</summary>
public enum GlossaryLanguage
{
    English,
    Chinese,
}

/// <summary>One term of the bilingual glossary.</summary>
/// <param name="English">English forms, the preferred one first (`wetland`, `wetlands`; `NbS`).</param>
/// <param name="Chinese">Chinese forms, the preferred one first (`湿地`; `基于自然的解决方案`, `基于自然解决方案`).</param>
/// <param name="Topics">Topic keys the term implies, for tag suggestions; may be empty.</param>
/// <param name="Places">Place codes the term implies, for tag suggestions; may be empty.</param>
/// <param name="Sources">Keys of the sources the equivalence is taken from (see <see cref="Glossary.Sources"/>).</param>
public sealed record GlossaryTerm(
    IReadOnlyList<string> English,
    IReadOnlyList<string> Chinese,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Places,
    IReadOnlyList<string> Sources)
{
    /// <summary>The forms in one language.</summary>
    public IReadOnlyList<string> Forms(GlossaryLanguage language) => language == GlossaryLanguage.English ? English : Chinese;
}

/// <summary>A glossary term found in a query or a text.</summary>
/// <param name="Text">The matched text exactly as the query has it (`Wetlands`, `湿 地`).</param>
/// <param name="Start">Where it starts in the query (UTF-16 index).</param>
/// <param name="Length">Its length in the query.</param>
/// <param name="Language">The language of the form that matched.</param>
/// <param name="Term">The term.</param>
public sealed record GlossaryMatch(string Text, int Start, int Length, GlossaryLanguage Language, GlossaryTerm Term)
{
    /// <summary>The term's forms in the other language: what the query did not say.</summary>
    public IReadOnlyList<string> Translations => Term.Forms(Language == GlossaryLanguage.English ? GlossaryLanguage.Chinese : GlossaryLanguage.English);

    /// <summary>The term's other forms in the language of the match (`NbS` for `nature-based solutions`); not plurals or case variants of the match itself.</summary>
    public IReadOnlyList<string> Variants { get; init; } = [];

    /// <summary>Every form to search for besides the matched text: <see cref="Variants"/> then <see cref="Translations"/>.</summary>
    public IReadOnlyList<string> Equivalents => [.. Variants, .. Translations];
}

/// <summary>
/// What <see cref="Glossary.Expand"/> found in a query. The search layer ORs, for each match, its
/// <see cref="GlossaryMatch.Text"/> and every one of its <see cref="GlossaryMatch.Equivalents"/>
/// as phrases (the rest of the query stays as typed), ranks entries that match the text as
/// typed above those found only through an equivalent, and shows <see cref="ExpandedWith"/>
/// ("expanded with 湿地").
/// </summary>
/// <param name="Query">The query as given.</param>
/// <param name="Matches">Glossary terms found, in query order, not overlapping (the longest match wins).</param>
public sealed record GlossaryExpansion(string Query, IReadOnlyList<GlossaryMatch> Matches)
{
    /// <summary>True when no glossary term occurs in the query.</summary>
    public bool IsEmpty => Matches.Count == 0;

    /// <summary>Every equivalent added to the query, once each, in query order; not what the query already says in some form.</summary>
    public IReadOnlyList<string> ExpandedWith { get; init; } = [];
}

/// <summary>
/// The curated bilingual NbS glossary (embedded glossary.tsv; its header names the sources):
/// expands queries into the other language and tells the tag suggester which topics and places
/// a term implies.
/// </summary>
public static class Glossary
{
    private static readonly Lazy<Data> _data = new(Load);

    /// <summary>Every term, in file order.</summary>
    public static IReadOnlyList<GlossaryTerm> Terms => _data.Value.Terms;

    /// <summary>The sources terms cite: key → citation, as the file header defines them.</summary>
    public static IReadOnlyDictionary<string, string> Sources => _data.Value.Sources;

    /// <summary>
    /// The glossary terms in a query and their equivalents in both languages. English forms
    /// match whole words, ignoring case and plurals (`Wetlands` finds `wetland`); Chinese forms
    /// match anywhere in the text, ignoring spaces and full-width forms (`红树林修复` finds
    /// `红树林`); where matches overlap the longest wins (`salt marsh`, not `marsh`). An empty
    /// expansion means no term occurs: search as typed.
    /// </summary>
    public static GlossaryExpansion Expand(string? query)
    {
        var matches = Find(query);
        var typed = matches.Select(m => Key(m.Text)).ToHashSet(StringComparer.Ordinal);
        var added = matches.SelectMany(m => m.Equivalents).Where(e => typed.Add(Key(e))).ToList();
        return new GlossaryExpansion(query ?? "", matches) { ExpandedWith = added };
    }

    /// <summary>The glossary terms in any text, as <see cref="Expand"/> finds them.</summary>
    public static IReadOnlyList<GlossaryMatch> Find(string? text) =>
        _data.Value.Matcher.Matches(text).Select(ToMatch).ToList();

    private static GlossaryMatch ToMatch(PhraseMatch<GlossaryTerm> m)
    {
        var language = m.IsChinese ? GlossaryLanguage.Chinese : GlossaryLanguage.English;
        var matched = Key(m.Text);
        var variants = m.Value.Forms(language).Where(f => Key(f) != matched).ToList();
        return new GlossaryMatch(m.Text, m.Start, m.Length, language, m.Value) { Variants = variants };
    }

    // Two forms are the same when they differ only in what matching ignores: case, plurals,
    // spaces, hyphens and full-width forms.
    private static string Key(string form) =>
        Catalogue.Names.HasCjk(form)
            ? PhraseMatcher<GlossaryTerm>.ChineseKey(form)
            : string.Join(' ', PhraseMatcher<GlossaryTerm>.Words(form).Select(w => w.Key));

    private sealed record Data(IReadOnlyList<GlossaryTerm> Terms, FrozenDictionary<string, string> Sources, PhraseMatcher<GlossaryTerm> Matcher);

    private static Data Load()
    {
        var text = DiscoveryData.Text(DiscoveryData.GlossaryResource);
        var sources = DiscoveryData.Comments(text)
            .Where(c => c.StartsWith("source ", StringComparison.Ordinal))
            .Select(c => c["source ".Length..].Split(':', 2))
            .ToFrozenDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.Ordinal);
        var terms = DiscoveryData.Rows(text, "en\t")
            .Select(r => new GlossaryTerm(
                DiscoveryData.List(r[0], '|'),
                DiscoveryData.List(r[1], '|'),
                DiscoveryData.List(r.ElementAtOrDefault(2), ';'),
                DiscoveryData.List(r.ElementAtOrDefault(3), ';'),
                DiscoveryData.List(r.ElementAtOrDefault(4), ';')))
            .ToList();
        var matcher = new PhraseMatcher<GlossaryTerm>();
        foreach (var term in terms)
        {
            foreach (var form in term.English.Concat(term.Chinese))
            {
                matcher.Add(form, term);
            }
        }
        return new Data(terms, sources, matcher);
    }
}
