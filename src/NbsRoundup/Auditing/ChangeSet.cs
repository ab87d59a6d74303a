using NbsRoundup.Catalogue;

namespace NbsRoundup.Auditing;

/// <summary>
/// One saved change to the catalogue: who, when, what they did, and for each entity the
/// fields it changed with their values before and after. Written in the same transaction
/// as the change itself.
/// </summary>
public sealed class ChangeSet
{
    private readonly List<FieldChange> _changes = [];

    public int Id { get; private set; }
    /// <summary>UTC.</summary>
    public DateTime At { get; private set; }
    /// <summary>The editor's e-mail, or who ran a command ("alice (command line)").</summary>
    public string Actor { get; private set; } = "";
    /// <summary>What was done, in a few words: "Edited entry corporate-net-zero-standard", "Imported vol3.md".</summary>
    public string Description { get; private set; } = "";
    /// <summary>The file an import read, as the editor named it.</summary>
    public string? File { get; private set; }
    public IReadOnlyList<FieldChange> Changes => _changes;

    private ChangeSet()
    {
    }

    public ChangeSet(string actor, string description, string? file = null)
    {
        Actor = actor;
        Description = description;
        File = file;
        At = DateTime.UtcNow;
    }

    public bool IsEmpty => _changes.Count == 0;

    /// <summary>
    /// Records the fields that differ between two descriptions of one entity: before is null
    /// for a new entity, after is null for a deleted one.
    /// </summary>
    public void Record(string kind, string key, EntityFields? before, EntityFields? after)
    {
        var fields = (before ?? EntityFields.None).Names.Concat((after ?? EntityFields.None).Names).Distinct(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var old = before?[field];
            var now = after?[field];
            if (!string.Equals(old, now, StringComparison.Ordinal))
            {
                _changes.Add(new FieldChange(kind, key, field, old, now));
            }
        }
    }
}

/// <summary>One field of one entity, before and after.</summary>
public sealed class FieldChange
{
    public const string Entry = "entry";
    public const string Issue = "issue";
    public const string Organisation = "organisation";

    public int Id { get; private set; }
    public int ChangeSetId { get; private set; }
    /// <summary>"entry", "issue" or "organisation".</summary>
    public string EntityKind { get; private set; } = "";
    /// <summary>The entity's slug, which never changes.</summary>
    public string EntityKey { get; private set; } = "";
    public string Field { get; private set; } = "";
    public string? Before { get; private set; }
    public string? After { get; private set; }

    private FieldChange()
    {
    }

    internal FieldChange(string entityKind, string entityKey, string field, string? before, string? after)
    {
        EntityKind = entityKind;
        EntityKey = entityKey;
        Field = field;
        Before = before;
        After = after;
    }
}
