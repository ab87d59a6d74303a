using System.Text;
using System.Xml;
using NbsRoundup.Discovery;
using NbsRoundup.Search;
using NbsRoundup.Web.Caching;
using NbsRoundup.Web.Reading;

namespace NbsRoundup.Web.Sharing;

/// <summary>/sitemap.xml lists every page a reader can reach; /robots.txt points to it and keeps crawlers out of the admin area.</summary>
public static class SitemapEndpoints
{
    public static IEndpointRouteBuilder MapSitemapAndRobots(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/sitemap.xml", async (CatalogueDb db, PublicAddresses addresses, HttpContext context, CancellationToken ct) =>
        {
            var paths = await PathsAsync(db, ct);
            return Results.Bytes(UrlSet(paths.Select(p => addresses.For(context.Request, p))), "application/xml; charset=utf-8");
        }).ExcludeFromDescription().CachedAs(CachePolicies.Catalogue);
        endpoints.MapGet("/robots.txt", (PublicAddresses addresses, HttpContext context) => Results.Text(
            $"""
            User-agent: *
            Disallow: /admin
            Disallow: /culture

            Sitemap: {addresses.For(context.Request, "/sitemap.xml")}

            """, "text/plain", Encoding.UTF8)).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>The reader pages, published content only, in reading order.</summary>
    public static async Task<IReadOnlyList<string>> PathsAsync(CatalogueDb db, CancellationToken ct)
    {
        var issues = await db.Issues.AsNoTracking().Published()
            .NewestFirst()
            .Select(i => i.Slug)
            .ToListAsync(ct);
        var entries = await db.Entries.AsNoTracking().Published()
            .OrderByDescending(e => e.Issue.Year).ThenByDescending(e => e.Issue.Month).ThenBy(e => e.Section.Position).ThenBy(e => e.Position)
            .Select(e => e.Slug)
            .ToListAsync(ct);
        var sectionIds = await db.Entries.AsNoTracking().Published().Select(e => e.SectionId).Distinct().ToListAsync(ct);
        var organisations = await db.Organisations.AsNoTracking().Published(db.Entries)
            .OrderBy(o => o.Slug)
            .Select(o => o.Slug)
            .ToListAsync(ct);
        var topics = await TagCounts.TopicsAsync(db, ct);
        var places = await TagCounts.PlacesAsync(db, ct);
        return
        [
            "/",
            .. issues.Select(Paths.Issue),
            .. entries.Select(Paths.Entry),
            "/sections",
            .. Section.All.Where(s => sectionIds.Contains(s.Id)).Select(s => Paths.Section(s.Key)),
            "/organisations",
            .. organisations.Select(Paths.Organisation),
            Paths.Topics,
            .. Topics.All.Where(t => topics.ContainsKey(t.Key)).Select(t => Paths.Topic(t.Key)),
            Paths.Places,
            .. Places.All.Where(p => places.ContainsKey(p.Code)).Select(p => Paths.Place(p.Code)),
        ];
    }

    private static byte[] UrlSet(IEnumerable<string> urls)
    {
        // Written to bytes, not a string: an XmlWriter over a StringBuilder declares encoding="utf-16".
        using var xml = new MemoryStream();
        using (var writer = XmlWriter.Create(xml, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            writer.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var url in urls)
            {
                writer.WriteStartElement("url");
                writer.WriteElementString("loc", url);
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        }
        return xml.ToArray();
    }
}
