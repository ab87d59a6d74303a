namespace NbsRoundup.Data;

/// <summary>
/// What one committed change touched: the entries whose own rows changed (their fields, or what they
/// carry of their issue and organisations), and the issues, sections and organisations whose own
/// details or lists of entries changed. Any change also alters the catalogue as a whole (lists,
/// counts, results), which needs no naming. What a reader's page shows of these is the web's to know.
/// </summary>
public sealed record CatalogueChange(
    IReadOnlySet<string> Entries,
    IReadOnlySet<string> Issues,
    IReadOnlySet<string> Sections,
    IReadOnlySet<string> Organisations)
{
    private const string EntryKind = "entry";
    private const string IssueKind = "issue";
    private const string SectionKind = "section";
    private const string OrganisationKind = "organisation";

    /// <summary>The change as the change log stores it: space-separated `kind:key` words.</summary>
    public string Serialize() => string.Join(' ',
        Entries.Select(s => $"{EntryKind}:{s}")
            .Concat(Issues.Select(s => $"{IssueKind}:{s}"))
            .Concat(Sections.Select(s => $"{SectionKind}:{s}"))
            .Concat(Organisations.Select(s => $"{OrganisationKind}:{s}"))
            .Distinct());

    /// <summary>Reads a change log record; words of kinds it does not know (an older release's) are skipped.</summary>
    public static CatalogueChange Parse(string stored)
    {
        var things = stored.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(word => word.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToLookup(parts => parts[0], parts => parts[1]);
        return new CatalogueChange(things[EntryKind].ToHashSet(), things[IssueKind].ToHashSet(),
            things[SectionKind].ToHashSet(), things[OrganisationKind].ToHashSet());
    }
}
