using Microsoft.EntityFrameworkCore;
using NbsRoundup.Catalogue;

namespace NbsRoundup.Data;

/// <summary>Finds an organisation by slug, name, short name or any alias.</summary>
public static class OrganisationLookup
{
    public static Task<Organisation?> FindAsync(CatalogueDb db, string name, CancellationToken ct = default) =>
        FindAsync(db, db.Organisations, name, ct);

    /// <summary>The same, among the organisations readers may see (named by a published entry).</summary>
    public static Task<Organisation?> FindPublishedAsync(CatalogueDb db, string name, CancellationToken ct = default) =>
        FindAsync(db, db.Organisations.Published(db.Entries), name, ct);

    private static async Task<Organisation?> FindAsync(CatalogueDb db, IQueryable<Organisation> among, string name, CancellationToken ct)
    {
        var normalized = Names.Normalize(name);
        return await among.AsNoTracking().FirstOrDefaultAsync(o =>
            o.Slug == name || o.NormalizedName == normalized || o.NormalizedShortName == normalized
            || db.OrganisationAliases.Any(a => a.OrganisationId == o.Id && a.NormalizedName == normalized), ct);
    }
}
