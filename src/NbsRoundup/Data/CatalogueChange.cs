namespace NbsRoundup.Data;

/// <summary>
/// What one committed change touched, as the cache tags of the pages that show it: the entries,
/// issues, sections and organisations whose pages changed, and always "catalogue" (the catalogue,
/// feeds, exports, lists, counts and the API lists, which any change may alter).
/// </summary>
public sealed record CatalogueChange(
    IReadOnlySet<string> Entries,
    IReadOnlySet<string> Issues,
    IReadOnlySet<string> Sections,
    IReadOnlySet<string> Organisations)
{
    public const string CatalogueTag = "catalogue";

    public static string EntryTag(string slug) => "entry:" + slug;

    public static string IssueTag(string slug) => "issue:" + slug;

    public static string SectionTag(string key) => "section:" + key;

    public static string OrganisationTag(string slug) => "organisation:" + slug;

    public IEnumerable<string> Tags =>
        new[] { CatalogueTag }
            .Concat(Entries.Select(EntryTag))
            .Concat(Issues.Select(IssueTag))
            .Concat(Sections.Select(SectionTag))
            .Concat(Organisations.Select(OrganisationTag));
}
