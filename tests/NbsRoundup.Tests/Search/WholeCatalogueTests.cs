using NbsRoundup.Catalogue;
using NbsRoundup.Search;

namespace NbsRoundup.Tests.Search;

/// <summary>The whole catalogue's total and facets are counted once per catalogue version, and never served stale.</summary>
public sealed class WholeCatalogueTests(CatalogueFixture catalogue) : IClassFixture<CatalogueFixture>
{
    private async Task<SearchResult> EverythingAsync()
    {
        await using var db = catalogue.Database.Open();
        return await new CatalogueSearch(db).RunAsync(new CatalogueQuery());
    }

    private static int SectionCount(SearchResult result, string key) => result.Facets!.Sections.SingleOrDefault(s => s.Key == key)?.Count ?? 0;

    [Fact]
    public async Task The_whole_catalogues_facets_follow_every_save_made_by_any_context()
    {
        var before = await EverythingAsync();
        Assert.Equal(70, before.Total);
        Assert.Equal(before.Total, before.Facets!.Sections.Sum(s => s.Count));
        string section;
        await using (var db = catalogue.Database.Open())
        {
            var entry = db.Entries.Single(e => e.Slug == "state-of-the-worlds-mangroves");
            section = Section.All.Single(s => s.Id == entry.SectionId).Key;
            entry.Unpublish();
            await db.SaveChangesAsync();
        }
        try
        {
            var hidden = await EverythingAsync();
            Assert.Equal(69, hidden.Total);
            Assert.Equal(SectionCount(before, section) - 1, SectionCount(hidden, section));
            Assert.Equal(69, hidden.Facets!.Months.Sum(m => m.Count));
            Assert.Equal(69, (await EverythingAsync()).Total); // counted once, asked again
        }
        finally
        {
            await using var db = catalogue.Database.Open();
            db.Entries.Single(e => e.Slug == "state-of-the-worlds-mangroves").Publish();
            await db.SaveChangesAsync();
        }
        var after = await EverythingAsync();
        Assert.Equal(70, after.Total);
        Assert.Equal(before.Facets.Sections, after.Facets!.Sections);
        Assert.Equal(before.Facets.Organisations, after.Facets.Organisations);
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
