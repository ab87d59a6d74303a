using NbsRoundup.Catalogue;

namespace NbsRoundup.Importing;

/// <summary>A newsletter file read and checked: what an import would write.</summary>
public sealed record NewsletterDocument(
    string File,
    string Slug,
    IssueDetails Details,
    IReadOnlyList<OrganisationDefinition> Organisations,
    IReadOnlyDictionary<int, string> SectionIntros,
    IReadOnlyList<EntryDocument> Entries)
{
    /// <summary>The front matter says `draft: true`: the issue is kept from readers.</summary>
    public bool IsDraft { get; init; }
}

/// <summary>An organisation as the file's front matter defines it.</summary>
public sealed record OrganisationDefinition(int Line, string Slug, string Name, string? ShortName, IReadOnlyList<string> Aliases);

/// <summary>An entry as the file writes it; organisations are still names, resolved on import.</summary>
public sealed record EntryDocument(int Line, string Slug, EntryContent Content, IReadOnlyList<string> OrganisationNames)
{
    /// <summary>The metadata says `draft: yes`: the entry is kept from readers.</summary>
    public bool IsDraft { get; init; }

    /// <summary>The topics and places the file gives (`topics:`, `places:`), curated; none when it gives none.</summary>
    public EntryTags Tags { get; init; } = EntryTags.None;
}
