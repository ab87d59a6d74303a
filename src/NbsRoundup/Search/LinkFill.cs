using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using NbsRoundup.Catalogue;
using NbsRoundup.Data;
using NbsRoundup.Lookup;

namespace NbsRoundup.Search;

/// <summary>An organisation a link names: one the catalogue knows (by any of its names), or a new one it would get.</summary>
/// <param name="Slug">The known organisation's slug, or the one a new organisation would be given.</param>
/// <param name="Name">The known organisation's canonical name, or the name as the link gives it.</param>
/// <param name="IsNew">True when no organisation of the catalogue answers to the name.</param>
/// <param name="Given">The name as the link gives it.</param>
public sealed record ProposedOrganisation(string Slug, string Name, bool IsNew, [property: JsonIgnore] string Given);

/// <summary>A duplicate as the look-up's JSON names it.</summary>
public sealed record DuplicateJson(string Slug, string Title, string Reason);

/// <summary>
/// What a link gives an entry, seen against the catalogue: the look-up's fields, its organisations resolved
/// through the catalogue's names and aliases, and the entries the catalogue may already have for it.
/// The admin forms fill from it; the `lookup` command prints it as JSON.
/// </summary>
public sealed record LinkFill(LookupResult Found, IReadOnlyList<ProposedOrganisation> Organisations, IReadOnlyList<Duplicate> Duplicates)
{
    private static readonly JsonSerializerOptions _json = new(LookupResult.JsonOptions) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    /// <summary>Resolves a look-up's organisations and finds its duplicates; reads only.</summary>
    public static async Task<LinkFill> ResolveAsync(CatalogueDb db, LookupResult found, string? exceptSlug = null, CancellationToken ct = default)
    {
        var organisations = new List<ProposedOrganisation>();
        foreach (var name in found.Organisations)
        {
            if (await OrganisationLookup.FindAsync(db, name, ct) is { } known)
            {
                organisations.Add(new ProposedOrganisation(known.Slug, known.Name, false, name));
                continue;
            }
            var wanted = Names.Slugify(name, "o");
            var slug = wanted;
            for (var n = 2; organisations.Any(o => o.Slug == slug) || await db.Organisations.AnyAsync(o => o.Slug == slug, ct); n++)
            {
                slug = $"{wanted}-{n}";
            }
            organisations.Add(new ProposedOrganisation(slug, name, true, name));
        }
        var duplicates = await Search.Duplicates.FindAsync(db, found.Link, found.Title, found.OriginalTitle, exceptSlug, ct);
        return new LinkFill(found, organisations.DistinctBy(o => o.Slug).ToList(), duplicates);
    }

    /// <summary>
    /// The `lookup` command's JSON: title, originalTitle, organisations [{ slug, name, isNew }], authors,
    /// date, link, language, duplicates [{ slug, title, reason }], then doi, pdfLink and where each field came from.
    /// </summary>
    public string ToJson() => JsonSerializer.Serialize(new
    {
        title = Found.Title,
        originalTitle = Found.OriginalTitle,
        organisations = Organisations,
        authors = Found.Authors,
        date = Found.DateText,
        link = Found.Link,
        language = Found.Language,
        duplicates = Duplicates.Select(d => new DuplicateJson(d.Slug, d.Title, d.Reason == DuplicateReason.Link ? "link" : "title")),
        doi = Found.Doi,
        pdfLink = Found.PdfLink,
        sources = Found.Sources,
    }, _json);
}
