using Microsoft.AspNetCore.Http.HttpResults;
using NbsRoundup.Web.Hosting;

namespace NbsRoundup.Web.Areas.Admin;

/// <summary>An organisation offered while an editor types a name.</summary>
public sealed record OrganisationSuggestion(string Slug, string Name, string? ShortName);

/// <summary>JSON for the admin forms' small script: `/admin/api/organisations?q=wri`.</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        // The editors' own endpoint for type-ahead: not part of the public API description.
        var group = endpoints.MapGroup("/admin/api").RequireAuthorization(PortalAccounts.EditorPolicy).ExcludeFromDescription();
        group.MapGet("/organisations", SuggestOrganisationsAsync);
        return endpoints;
    }

    /// <summary>Up to ten organisations whose name, short name, alias or slug contains what was typed.</summary>
    public static async Task<Ok<List<OrganisationSuggestion>>> SuggestOrganisationsAsync(string? q, CatalogueDb db, CancellationToken ct)
    {
        var wanted = Names.Normalize(q ?? "");
        if (wanted.Length == 0)
        {
            return TypedResults.Ok(new List<OrganisationSuggestion>());
        }
        var found = await db.Organisations.AsNoTracking()
            .Where(o => o.NormalizedName.Contains(wanted) || (o.NormalizedShortName != null && o.NormalizedShortName.Contains(wanted))
                || o.Slug.Contains(wanted) || o.Aliases.Any(a => a.NormalizedName.Contains(wanted)))
            .OrderBy(o => o.NormalizedShortName == wanted || o.NormalizedName == wanted ? 0 : 1).ThenBy(o => o.Name)
            .Take(10)
            .Select(o => new OrganisationSuggestion(o.Slug, o.Name, o.ShortName))
            .ToListAsync(ct);
        return TypedResults.Ok(found);
    }
}
