namespace NbsRoundup.Catalogue;

/// <summary>
/// An issue, entry or organisation: what editors change in forms and the audit log records. Its
/// Version is an app-managed concurrency token (SQLite has no row version): a form carries the
/// version it showed, and a save against another version fails.
/// </summary>
public interface IVersioned
{
    /// <summary>Renewed by VersionStamps through the change tracker on every save that changes the entity.</summary>
    Guid Version { get; }

    /// <summary>The permalink and the key the audit log files changes under; it never changes.</summary>
    string Slug { get; }

    /// <summary>The entity's fields as text, in a fixed order, for the audit log and for showing an edit conflict.</summary>
    EntityFields Describe();
}
