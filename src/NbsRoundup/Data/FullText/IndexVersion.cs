namespace NbsRoundup.Data;

/// <summary>
/// A derived index's record that it was built completely, by the code of a given format version:
/// written in the transaction that builds it, read by key at start-up. Every save keeps the index
/// complete afterwards (CatalogueDb.SaveChangesAsync), so the record stays true until the index's
/// format changes, which bumps the version in code and makes the next start rebuild it. Start-up thus
/// reads one row instead of counting the catalogue.
/// </summary>
public sealed class IndexVersion
{
    public IndexVersion(string name, int version, DateTime builtAt)
    {
        Name = name;
        Version = version;
        BuiltAt = builtAt;
    }

    /// <summary>The index: its table's name.</summary>
    public string Name { get; private set; }

    public int Version { get; private set; }

    public DateTime BuiltAt { get; private set; }
}
