using NbsRoundup.Search;
using NbsRoundup.Web.Reading;

namespace NbsRoundup.Web.Api;

/// <summary>An organisation as the API names it.</summary>
public sealed record OrganisationRefDto(string Slug, string Name, string? ShortName);

/// <summary>
/// An entry as the API returns it; date is YYYY, YYYY-MM or YYYY-MM-DD at the entry's own precision; summary is
/// the Markdown as written, summaryHtml what readers see (rendered and sanitised when it was saved).
/// </summary>
public sealed record EntryDto(
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
        Paths.Absolute(baseUrl, Paths.Entry(row.Slug)));
}

/// <summary>One page of catalogue results.</summary>
public sealed record EntriesPage(int Total, int Page, int PageSize, IReadOnlyList<EntryDto> Items);

public sealed record IssueSummaryDto(string Slug, string Title, string? TitleEn, string? Publisher, int Year, int Month, int? Volume, int? Number, int EntryCount, string Url);

public sealed record IssueSectionDto(string Key, string Name, string NameEn, string? Introduction, string IntroductionHtml, IReadOnlyList<EntryDto> Entries);

public sealed record IssueDto(string Slug, string Title, string? TitleEn, string? Publisher, int Year, int Month, int? Volume, int? Number, string Introduction, string IntroductionHtml, string Url, IReadOnlyList<IssueSectionDto> Sections);

public sealed record SectionDto(string Key, string Name, string NameEn, int Position, int EntryCount, string Url);

public sealed record OrganisationDto(string Slug, string Name, string? ShortName, IReadOnlyList<string> Aliases, int EntryCount, string Url);
