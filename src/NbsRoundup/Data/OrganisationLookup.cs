using Microsoft.EntityFrameworkCore;
using NbsRoundup.Catalogue;

namespace NbsRoundup.Data;

/// <summary>Finds an organisation by slug, name, short name or any alias.</summary>
public static class OrganisationLookup
{
    public static async Task<Organisation?> FindAsync(CatalogueDb db, string name, CancellationToken ct = default)
    {
        var normalized = Names.Normalize(name);
        return await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o =>
            o.Slug == name || o.NormalizedName == normalized || o.NormalizedShortName == normalized
            || db.OrganisationAliases.Any(a => a.OrganisationId == o.Id && a.NormalizedName == normalized), ct);
    }
}
