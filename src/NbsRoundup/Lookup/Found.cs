using System.Net;
using NbsRoundup.Catalogue;

namespace NbsRoundup.Lookup;

/// <summary>
/// Candidate values gathered from a link's sources, added in order of trust; <see cref="Build"/> picks
/// each field from them. Readers add what they find and decide nothing.
/// </summary>
internal sealed class Found
{
    private sealed record Candidate(LookupField Field, string Value, MetadataSource Source);

    private readonly List<Candidate> _candidates = [];

    public void Add(LookupField field, string? value, MetadataSource source)
    {
        if (value is null)
        {
            return;
        }
        var clean = TextScript.CollapseWhitespace(TextScript.FoldRadicals(WebUtility.HtmlDecode(value)));
        if (clean.Length > 0)
        {
            _candidates.Add(new Candidate(field, clean, source));
        }
    }

    /// <summary>A creator whose kind the source does not say: a person, or an organisation when its name looks like one.</summary>
    public void AddCreator(string? value, MetadataSource source)
    {
        foreach (var name in CreatorNames.Split(value))
        {
            Add(CreatorNames.LooksLikeOrganisation(name) ? LookupField.Organisations : LookupField.Authors, name, source);
        }
    }

    public IEnumerable<string> Values(LookupField field) =>
        _candidates.Where(c => c.Field == field).Select(c => c.Value);

    /// <summary>
    /// The result: the first Chinese title and the first title in another language; organisations from
    /// every source, without repeats; authors from the most trusted source that names any; the first date
    /// that reads; the first link; the language declared, unless the text's script plainly contradicts it.
    /// </summary>
    /// <param name="fallbackLink">The address after redirects, when no source names a canonical one.</param>
    /// <param name="text">Some of the document's text, for guessing its language.</param>
    public LookupResult Build(Uri? fallbackLink, string text)
    {
        var sources = new Dictionary<LookupField, MetadataSource>();

        // A title that is only an organisation's name (a home page's <title>, a template's og:title) names
        // the site, not the document, unless nothing else names the document.
        var organisationKeys = Of(LookupField.Organisations).Select(c => OrganisationKey(c.Value)).ToHashSet();
        var titles = Of(LookupField.Title).Where(c => c.Value.Length >= 2).ToList();
        if (titles.Any(c => !organisationKeys.Contains(OrganisationKey(c.Value))))
        {
            titles.RemoveAll(c => organisationKeys.Contains(OrganisationKey(c.Value)));
        }
        var title = titles.FirstOrDefault(c => TextScript.IsChinese(c.Value));
        var original = titles.FirstOrDefault(c => !TextScript.IsChinese(c.Value));
        Note(sources, LookupField.Title, title);
        Note(sources, LookupField.OriginalTitle, original);

        var organisations = new List<string>();
        var seen = new HashSet<string>();
        foreach (var candidate in Of(LookupField.Organisations))
        {
            if (Uri.TryCreate(candidate.Value, UriKind.Absolute, out _) || !seen.Add(OrganisationKey(candidate.Value)))
            {
                continue;
            }
            organisations.Add(candidate.Value);
            sources.TryAdd(LookupField.Organisations, candidate.Source);
        }

        var authorSource = Of(LookupField.Authors).FirstOrDefault()?.Source;
        var authors = Of(LookupField.Authors).Where(c => c.Source == authorSource)
            .Select(c => CreatorNames.NaturalOrder(c.Value)).Distinct().ToList();
        if (authorSource is { } a)
        {
            sources[LookupField.Authors] = a;
        }

        PartialDate? date = null;
        foreach (var candidate in Of(LookupField.Date))
        {
            if (DateReader.Read(candidate.Value) is { } d)
            {
                date = d;
                sources[LookupField.Date] = candidate.Source;
                break;
            }
        }

        var link = Of(LookupField.Link).FirstOrDefault();
        Note(sources, LookupField.Link, link);
        var linkValue = link?.Value;
        if (linkValue is null && fallbackLink is not null)
        {
            linkValue = fallbackLink.AbsoluteUri;
            sources[LookupField.Link] = MetadataSource.Http;
        }

        var language = Language(title?.Value, original?.Value, text, sources);

        var doi = Of(LookupField.Doi).Select(c => (Doi: Lookup.Doi.Find(c.Value), c.Source)).FirstOrDefault(c => c.Doi is not null);
        if (doi.Doi is not null)
        {
            sources[LookupField.Doi] = doi.Source;
        }
        var pdf = Of(LookupField.PdfLink).FirstOrDefault();
        Note(sources, LookupField.PdfLink, pdf);

        return new LookupResult(title?.Value, original?.Value, organisations, authors, date, linkValue, language,
            doi.Doi, pdf?.Value, sources);
    }

    private string? Language(string? title, string? original, string text, Dictionary<LookupField, MetadataSource> sources)
    {
        var declared = Of(LookupField.Language)
            .Select(c => (Language: TextScript.NormaliseLanguage(c.Value), c.Source))
            .FirstOrDefault(c => c.Language is not null);
        var guessed = TextScript.Guess($"{title} {original} {text}");
        // Templates declare lang="en" on Chinese pages and lang="zh-CN" on English ones: the script of
        // the text wins when it plainly says otherwise.
        if (guessed is not null && declared.Language is not null && guessed != declared.Language
            && (guessed is "zh" or "ja" or "ko" || declared.Language is "zh" or "ja" or "ko"))
        {
            sources[LookupField.Language] = MetadataSource.Script;
            return guessed;
        }
        if (declared.Language is not null)
        {
            sources[LookupField.Language] = declared.Source;
            return declared.Language;
        }
        if (guessed is not null)
        {
            sources[LookupField.Language] = MetadataSource.Script;
        }
        return guessed;
    }

    private IEnumerable<Candidate> Of(LookupField field) => _candidates.Where(c => c.Field == field);

    private static void Note(Dictionary<LookupField, MetadataSource> sources, LookupField field, Candidate? candidate)
    {
        if (candidate is not null)
        {
            sources[field] = candidate.Source;
        }
    }

    /// <summary>Names compared as the catalogue compares them, and "中华人民共和国生态环境部" as "生态环境部".</summary>
    private static string OrganisationKey(string name)
    {
        var key = Names.Normalize(name);
        return key.StartsWith("中华人民共和国", StringComparison.Ordinal) && key.Length > 7 ? key[7..] : key;
    }
}
