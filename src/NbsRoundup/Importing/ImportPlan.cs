namespace NbsRoundup.Importing;

public enum ChangeKind
{
    Added,
    Changed,
    Unchanged,
    /// <summary>In the catalogue but not in the file: kept, never deleted by an import.</summary>
    Kept,
}

/// <summary>What an import does, or would do, to one entry.</summary>
public sealed record EntryChange(ChangeKind Kind, string Slug, string Title, IReadOnlyList<string> Fields)
{
    /// <summary>The tags the portal suggests for an entry the file gives none (null when the file gives tags, or they stay as they are).</summary>
    public NbsRoundup.Catalogue.EntryTags? Suggested { get; init; }
}

/// <summary>What importing one file does, or would do, to the catalogue.</summary>
public sealed record ImportPlan(
    string File,
    string? IssueSlug,
    bool IssueIsNew,
    IReadOnlyList<string> IssueFields,
    IReadOnlyList<EntryChange> Entries,
    IReadOnlyList<OrganisationChange> OrganisationChanges,
    IReadOnlyList<Diagnostic> Diagnostics,
    bool Applied)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    public int Count(ChangeKind kind) => Entries.Count(e => e.Kind == kind);

    public bool HasChanges => IssueIsNew || IssueFields.Count > 0 || OrganisationChanges.Count > 0
        || Entries.Any(e => e.Kind is ChangeKind.Added or ChangeKind.Changed);

    public static ImportPlan Failed(string file, IReadOnlyList<Diagnostic> diagnostics) =>
        new(file, null, false, [], [], [], diagnostics, false);
}
