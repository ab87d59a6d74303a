using Microsoft.EntityFrameworkCore;
using NbsRoundup.Search;

namespace NbsRoundup.Tests.Search;

/// <summary>Related entries on the real 2021-11 issue.</summary>
public class RelatedEntriesTests(CatalogueFixture catalogue) : IClassFixture<CatalogueFixture>
{
    private async Task<IReadOnlyList<RelatedEntry>> RelatedAsync(string slug)
    {
        await using var db = catalogue.Database.Open();
        var entry = await db.Entries.AsNoTracking().Where(e => e.Slug == slug).Select(EntryRow.Projection).AsSplitQuery().SingleAsync();
        return await RelatedEntries.ForAsync(db, entry, CancellationToken.None);
    }

    [Fact]
    public async Task Five_entries_sharing_the_most_are_listed_never_the_entry_itself()
    {
        var related = await RelatedAsync("belize-marine-conservation-debt-conversion");

        Assert.Equal(5, related.Count);
        Assert.DoesNotContain(related, r => r.Slug == "belize-marine-conservation-debt-conversion");
        Assert.Equal(related.OrderByDescending(r => r.Score).Select(r => r.Score), related.Select(r => r.Score));
        // Mangroves and coasts, finance and protected areas, TNC: the world's mangroves report shares coasts and 红树林.
        Assert.True(related.Any(r => r.Slug == "state-of-the-worlds-mangroves"), string.Join(", ", related.Select(r => $"{r.Slug}={r.Score}")));
    }

    [Fact]
    public async Task The_chinese_climate_documents_are_related_to_each_other()
    {
        var related = (await RelatedAsync("action-plan-carbon-peaking-before-2030")).Select(r => r.Slug).ToList();

        Assert.Contains("carbon-peaking-neutrality-opinions", related);
    }

    [Fact]
    public async Task The_same_catalogue_always_gives_the_same_list()
    {
        var first = await RelatedAsync("cop15-kunming-declaration");
        var again = await RelatedAsync("cop15-kunming-declaration");
        Assert.Equal(first, again);
        Assert.Equal(5, first.Count);
    }

    [Fact]
    public async Task Drafts_are_never_related()
    {
        var slugs = (await RelatedAsync("cop26-commitment-forest-pledge")).Select(r => r.Slug).ToList();
        await using (var db = catalogue.Database.Open())
        {
            var entry = await db.Entries.SingleAsync(e => e.Slug == slugs[0]);
            entry.Unpublish();
            await db.SaveChangesAsync();
        }
        try
        {
            Assert.DoesNotContain(slugs[0], (await RelatedAsync("cop26-commitment-forest-pledge")).Select(r => r.Slug));
        }
        finally
        {
            await using var db = catalogue.Database.Open();
            (await db.Entries.SingleAsync(e => e.Slug == slugs[0])).Publish();
            await db.SaveChangesAsync();
        }
    }
}
