using Microsoft.EntityFrameworkCore;
using NbsRoundup.Catalogue;
using NbsRoundup.Data;
using NbsRoundup.Search;

namespace NbsRoundup.Tests.Search;

/// <summary>
/// The catalogue's columns are read once per catalogue version and never answer stale: every save,
/// made by any context, shows in the next query's results, total and facets.
/// </summary>
public sealed class CatalogueColumnsTests(CatalogueFixture catalogue) : IClassFixture<CatalogueFixture>
{
    private async Task<SearchResult> RunAsync(CatalogueQuery query)
    {
        await using var db = catalogue.Database.Open();
        return await new CatalogueSearch(db).RunAsync(query);
    }

    private Task<SearchResult> EverythingAsync() => RunAsync(new CatalogueQuery());

    private static int SectionCount(SearchResult result, string key) => result.Facets!.Sections.SingleOrDefault(s => s.Key == key)?.Count ?? 0;

    private async Task ChangeAsync(string slug, Action<Entry, CatalogueDb> change)
    {
        await using var db = catalogue.Database.Open();
        var entry = await db.Entries.Include(e => e.Tags).SingleAsync(e => e.Slug == slug);
        change(entry, db);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task The_whole_catalogues_facets_follow_every_save_made_by_any_context()
    {
        var before = await EverythingAsync();
        Assert.Equal(70, before.Total);
        Assert.Equal(before.Total, before.Facets!.Sections.Sum(s => s.Count));
        var section = "";
        await ChangeAsync("state-of-the-worlds-mangroves", (e, _) =>
        {
            section = Section.All.Single(s => s.Id == e.SectionId).Key;
            e.Unpublish();
        });
        try
        {
            var hidden = await EverythingAsync();
            Assert.Equal(69, hidden.Total);
            Assert.Equal(SectionCount(before, section) - 1, SectionCount(hidden, section));
            Assert.Equal(69, hidden.Facets!.Months.Sum(m => m.Count));
            Assert.DoesNotContain(hidden.Items, i => i.Slug == "state-of-the-worlds-mangroves");
            Assert.Equal(69, (await EverythingAsync()).Total); // read once, asked again
            Assert.DoesNotContain((await RunAsync(new CatalogueQuery { Keywords = "红树林" })).Items, i => i.Slug == "state-of-the-worlds-mangroves");
        }
        finally
        {
            await ChangeAsync("state-of-the-worlds-mangroves", (e, _) => e.Publish());
        }
        var after = await EverythingAsync();
        Assert.Equal(70, after.Total);
        Assert.Equal(before.Facets.Sections, after.Facets!.Sections);
        Assert.Equal(before.Facets.Organisations, after.Facets.Organisations);
        Assert.Equal(before.Facets.Places, after.Facets.Places);
    }

    [Fact]
    public async Task A_filtered_query_follows_a_change_of_an_entrys_topics_and_places()
    {
        const string slug = "state-of-the-worlds-mangroves";
        var oceans = new CatalogueQuery { Topics = ["oceans"], Places = ["BZ"] };
        Assert.DoesNotContain((await RunAsync(oceans)).Items, i => i.Slug == slug);
        EntryTags? tags = null;
        await ChangeAsync(slug, (e, _) =>
        {
            tags = e.TagKeys;
            e.SetTags(new EntryTags(["oceans"], ["BZ"]));
        });
        try
        {
            var found = await RunAsync(oceans);
            Assert.Contains(found.Items, i => i.Slug == slug);
            Assert.Equal(found.Total, found.Facets!.Topics.Single(t => t.Key == "oceans").Count);
            // A region holds the entries of its countries: Belize is in Central America (013) and Latin America (419).
            Assert.Contains((await RunAsync(new CatalogueQuery { Places = ["419"], Topics = ["oceans"] })).Items, i => i.Slug == slug);
        }
        finally
        {
            await ChangeAsync(slug, (e, _) => e.SetTags(tags!));
        }
        Assert.DoesNotContain((await RunAsync(oceans)).Items, i => i.Slug == slug);
    }

    [Fact]
    public async Task The_whole_catalogue_counts_what_a_filter_by_each_section_finds()
    {
        var everything = await EverythingAsync();
        await using var db = catalogue.Database.Open();
        foreach (var section in everything.Facets!.Sections)
        {
            var filtered = await new CatalogueSearch(db).RunAsync(new CatalogueQuery { Sections = [section.Key!] }, new CatalogueSearch.Options(Facets: false));
            Assert.Equal(section.Count, filtered.Total);
        }
    }
}
