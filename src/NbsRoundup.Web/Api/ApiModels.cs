using NbsRoundup.Search;
using NbsRoundup.Web.Reading;

namespace NbsRoundup.Web.Api;

/// <summary>An organisation as the API names it.</summary>
public sealed record OrganisationRefDto(string Slug, string Name, string? ShortName);

/// <summary>A topic of an entry: its key, its vocabulary (`ecosystems`, `challenges`, `approaches`), its names, and whether the portal suggested it (not yet confirmed by an editor).</summary>
public sealed record TopicDto(string Key, string Group, string Name, string NameEn, bool Suggested);

/// <summary>A place of an entry: ISO 3166-1 alpha-2 code, UN M49 region code or `global`, its names, and whether the portal suggested it.</summary>
public sealed record PlaceDto(string Code, string Name, string NameEn, bool Suggested);

/// <summary>
/// An entry as the API returns it; date is YYYY, YYYY-MM or YYYY-MM-DD at the entry's own precision; summary is
/// the Markdown as written, summaryHtml what readers see (rendered and sanitised when it was saved).
/// </summary>
public record EntryDto(
    string Slug,
    string Title,
    string? OriginalTitle,
    string Section,
    string? Subheading,
    string Issue,
    IReadOnlyList<OrganisationRefDto> Organisations,
    string? Authors,
    string? Speaker,
    string? Date,
    string? DateText,
    string Summary,
    string SummaryHtml,
    string? Link,
    string Url)
{
    public static EntryDto From(EntryRow row, Uri baseUrl) => new(
        row.Slug, row.Title, row.OriginalTitle, row.SectionKey, row.Subheading, row.IssueSlug,
        row.Organisations.Select(o => new OrganisationRefDto(o.Slug, o.Name, o.ShortName)).ToList(),
        row.Authors, row.Speaker, row.Date?.Iso, row.DateText, row.Summary, row.SummaryHtml, row.Link,
        Paths.Absolute(baseUrl, Paths.Entry(row.Slug)))
    {
        Topics = row.Topics.Select(t => new TopicDto(t.Topic.Key, t.Topic.Group.Key, t.Topic.Chinese, t.Topic.English, t.Suggested)).ToList(),
        Places = row.Places.Select(p => new PlaceDto(p.Code, p.Place.Chinese, p.Place.English, p.Suggested)).ToList(),
    };

    /// <summary>Topics in vocabulary order.</summary>
    public IReadOnlyList<TopicDto> Topics { get; init; } = [];

    /// <summary>Places: `global`, regions, countries.</summary>
    public IReadOnlyList<PlaceDto> Places { get; init; } = [];
}

/// <summary>An entry listed as related to another.</summary>
public sealed record RelatedEntryDto(string Slug, string Title, string Issue, string? Date, string Url);

/// <summary>One entry with the entries related to it (up to five, from any issue).</summary>
public sealed record EntryDetailDto : EntryDto
{
    public EntryDetailDto(EntryDto entry, IReadOnlyList<RelatedEntryDto> related)
        : base(entry)
    {
        Related = related;
    }

    [System.Text.Json.Serialization.JsonPropertyOrder(1)]
    public IReadOnlyList<RelatedEntryDto> Related { get; init; }
}

/// <summary>A topic with the number of published entries tagged with it.</summary>
public sealed record TopicSummaryDto(string Key, string Group, string Name, string NameEn, int EntryCount, string Url);

/// <summary>A place with the number of published entries within it (a region counts its countries' entries); kind is global, region or country.</summary>
public sealed record PlaceSummaryDto(string Code, string Kind, string Name, string NameEn, IReadOnlyList<string> Parents, int EntryCount, string Url);

/// <summary>One page of catalogue results.</summary>
public sealed record EntriesPage(int Total, int Page, int PageSize, IReadOnlyList<EntryDto> Items)
{
    /// <summary>What the glossary added to the keywords (their forms in the other language); empty with exact=true or when nothing was added.</summary>
    public IReadOnlyList<string> ExpandedWith { get; init; } = [];
}

public sealed record IssueSummaryDto(string Slug, string Title, string? TitleEn, string? Publisher, int Year, int Month, int? Volume, int? Number, int EntryCount, string Url);

public sealed record IssueSectionDto(string Key, string Name, string NameEn, string? Introduction, string IntroductionHtml, IReadOnlyList<EntryDto> Entries);

public sealed record IssueDto(string Slug, string Title, string? TitleEn, string? Publisher, int Year, int Month, int? Volume, int? Number, string Introduction, string IntroductionHtml, string Url, IReadOnlyList<IssueSectionDto> Sections);

public sealed record SectionDto(string Key, string Name, string NameEn, int Position, int EntryCount, string Url);

public sealed record OrganisationDto(string Slug, string Name, string? ShortName, IReadOnlyList<string> Aliases, int EntryCount, string Url);
