using System.Linq.Expressions;
using NbsRoundup.Catalogue;
using NbsRoundup.Discovery;

namespace NbsRoundup.Search;

/// <summary>An organisation as a link.</summary>
public sealed record OrganisationRef(string Slug, string Name, string? ShortName);

/// <summary>A topic key or place code as stored, and whether the portal suggested it.</summary>
public sealed record TagRef(TagKind Kind, string Key, bool Suggested);

/// <summary>A topic of an entry, with whether it is suggested.</summary>
public sealed record TopicTag(Topic Topic, bool Suggested);

/// <summary>A place of an entry, with whether it is suggested.</summary>
public sealed record PlaceTag(Place Place, bool Suggested)
{
    public string Code => Place.Code;
}

/// <summary>
/// What pages, the API and exports show of an entry; one projection, one SQL query per list. The summary
/// comes as Markdown (the API's source), and as the HTML and plain text stored when it was saved: readers are
/// shown those, never a rendering made for them.
/// </summary>
public sealed record EntryRow(
    string Slug,
    string Title,
    string? OriginalTitle,
    string? Authors,
    string? Speaker,
    int? DateYear,
    int? DateMonth,
    int? DateDay,
    string? DateText,
    string? Link,
    string Summary,
    string SummaryHtml,
    string SummaryText,
    string? Subheading,
    int Position,
    string SectionKey,
    string SectionName,
    string SectionNameEn,
    int SectionPosition,
    string IssueSlug,
    string IssueTitle,
    int IssueYear,
    int IssueMonth,
    DateTime UpdatedAt,
    IReadOnlyList<OrganisationRef> Organisations)
{
    public static readonly Expression<Func<Entry, EntryRow>> Projection = e => new EntryRow(
        e.Slug, e.Title, e.OriginalTitle, e.Authors, e.Speaker,
        e.DateYear, e.DateMonth, e.DateDay, e.DateText, e.Link, e.Summary, e.SummaryHtml, e.SummaryText, e.Subheading, e.Position,
        e.Section.Key, e.Section.NameZh, e.Section.NameEn, e.Section.Position,
        e.Issue.Slug, e.Issue.Title, e.Issue.Year, e.Issue.Month, e.UpdatedAt,
        e.Organisations.OrderBy(o => o.Position)
            .Select(o => new OrganisationRef(o.Organisation.Slug, o.Organisation.Name, o.Organisation.ShortName))
            .ToList())
    {
        Tags = e.Tags.Select(t => new TagRef(t.Kind, t.Key, t.IsSuggested)).ToList(),
    };

    /// <summary>The entry's topics and places as stored (in no order); <see cref="Topics"/> and <see cref="Places"/> for display.</summary>
    public IReadOnlyList<TagRef> Tags { get; init; } = [];

    /// <summary>The entry's topic keys as stored.</summary>
    public IReadOnlyList<TagRef> TopicKeys => Tags.Where(t => t.Kind == TagKind.Topic).ToList();

    /// <summary>The entry's place codes as stored.</summary>
    public IReadOnlyList<TagRef> PlaceCodes => Tags.Where(t => t.Kind == TagKind.Place).ToList();

    /// <summary>Topics in vocabulary order.</summary>
    public IReadOnlyList<TopicTag> Topics => Discovery.Topics.Ordered(TopicKeys.Select(t => t.Key))
        .Select(key => (Topic: Discovery.Topics.ByKey(key), Suggested: TopicKeys.First(t => t.Key == key).Suggested))
        .Where(t => t.Topic is not null).Select(t => new TopicTag(t.Topic!, t.Suggested)).ToList();

    /// <summary>Places in display order: `global`, regions, countries.</summary>
    public IReadOnlyList<PlaceTag> Places => Discovery.Places.Ordered(PlaceCodes.Select(p => p.Key))
        .Select(code => (Place: Discovery.Places.ByCode(code), Suggested: PlaceCodes.First(p => p.Key == code).Suggested))
        .Where(p => p.Place is not null).Select(p => new PlaceTag(p.Place!, p.Suggested)).ToList();

    /// <summary>True when the entry's tags are the portal's suggestions, not yet confirmed by an editor.</summary>
    public bool HasSuggestedTags => Tags.Any(t => t.Suggested);

    public PartialDate? Date => DateYear is { } year && DateText is not null ? new PartialDate(year, DateMonth, DateDay, DateText) : null;

    public bool IsQuote => Speaker is not null;

    /// <summary>"en" for an English original title, "zh" for a Chinese one.</summary>
    public string OriginalTitleLang => OriginalTitle is not null && Names.HasCjk(OriginalTitle) ? "zh" : "en";
}

