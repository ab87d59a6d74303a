using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NbsRoundup.Data;

namespace NbsRoundup.Web.Tests.Sharing;

public class SitemapTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly XNamespace _sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static async Task<IReadOnlyList<string>> LocationsAsync(PortalFactory factory)
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/sitemap.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        return xml.Root!.Elements(_sitemap + "url").Select(u => u.Element(_sitemap + "loc")!.Value).ToList();
    }

    [Fact]
    public async Task The_sitemap_lists_every_issue_entry_section_and_organisation_page_by_absolute_address()
    {
        var locations = await LocationsAsync(portal);

        Assert.Contains("http://localhost/", locations);
        Assert.Contains("http://localhost/issues/2021-11", locations);
        Assert.Equal(70, locations.Count(l => l.StartsWith("http://localhost/entries/", StringComparison.Ordinal)));
        Assert.Contains("http://localhost/entries/corporate-net-zero-standard", locations);
        Assert.Equal(7, locations.Count(l => l.StartsWith("http://localhost/sections/", StringComparison.Ordinal)));
        Assert.Contains("http://localhost/organisations/tnc", locations);
        Assert.All(locations, l => Assert.True(Uri.TryCreate(l, UriKind.Absolute, out _), l));
        Assert.Equal(locations.Count, locations.Distinct().Count());
    }

    [Fact]
    public async Task Every_address_in_the_sitemap_is_a_page_that_answers()
    {
        using var client = portal.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var location in await LocationsAsync(portal))
        {
            var response = await client.GetAsync(new Uri(location).PathAndQuery);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{location} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Drafts_stay_out_of_the_sitemap()
    {
        using var factory = new PortalFactory();
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CatalogueDb>();
            var entry = await db.Entries.SingleAsync(e => e.Slug == "corporate-net-zero-standard");
            entry.Unpublish();
            await db.SaveChangesAsync();
        }

        var locations = await LocationsAsync(factory);

        Assert.DoesNotContain("http://localhost/entries/corporate-net-zero-standard", locations);
        // SBTi is named by that entry alone.
        Assert.DoesNotContain("http://localhost/organisations/sbti", locations);
        Assert.Contains("http://localhost/issues/2021-11", locations);
    }

    [Fact]
    public async Task Robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin_area()
    {
        using var client = portal.CreateClient();
        var response = await client.GetAsync("/robots.txt");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.TrimEntries);

        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Disallow: /admin", lines);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", lines);
    }
}
