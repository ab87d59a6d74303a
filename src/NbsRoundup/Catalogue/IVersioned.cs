namespace NbsRoundup.Catalogue;

/// <summary>
/// An entity edited in forms. Its Version is an app-managed concurrency token (SQLite has no
/// row version): a form carries the version it showed, and a save against another version fails.
/// </summary>
internal interface IVersioned
{
    /// <summary>Renewed by VersionStamps through the change tracker on every save that changes the entity.</summary>
    Guid Version { get; }
}
