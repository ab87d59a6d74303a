using Microsoft.Extensions.DependencyInjection;
using NbsRoundup.Data;
using NbsRoundup.Synthetic;

namespace NbsRoundup.Web.Tests.Caching;

/// <summary>No page runs a query per entry: the number of SQL commands a page takes stays the same when the catalogue grows tenfold.</summary>
public sealed class SqlCommandCountTests : IDisposable
{
    private static readonly string[] _pages =
    [
        "/", "/issues/2021-11", "/entries/corporate-net-zero-standard", "/sections", "/sections/research", "/organisations",
        "/organisations/tnc", "/entries", "/entries?q=湿地", "/entries?q=湿地&organisation=tnc&from=2021-01", "/feed", "/sections/cop26/feed",
        "/entries/feed?q=湿地", "/api/entries?q=湿地", "/api/issues", "/api/issues/2021-11", "/api/sections", "/api/organisations", "/sitemap.xml",
        "/entries?q=wetland", "/entries?topic=climate-change&place=142", "/topics", "/topics/wetlands", "/topics/wetlands/feed", "/places", "/places/CN",
        "/places/142", "/api/entries/corporate-net-zero-standard", "/api/topics", "/api/places", "/api/entries?q=wetland&topic=wetlands",
    ];

    private readonly CountingPortal _portal = new();

    public void Dispose() => _portal.Dispose();

    private async Task<Dictionary<string, int>> CountAsync()
    {
        var counts = new Dictionary<string, int>();
        foreach (var page in _pages)
        {
            counts[page] = (await _portal.GetCountedAsync(page)).Commands;
        }
        return counts;
    }

    [Fact]
    public async Task Every_page_runs_the_same_few_commands_with_ten_times_the_entries()
    {
        var small = await CountAsync();

        using (var scope = _portal.Services.CreateScope())
        {
            var options = scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.DbContextOptions<CatalogueDb>>();
            await new SyntheticCatalogue(630).WriteAsync(() => new CatalogueDb(options));
        }
        // Pages the new issues do not touch are still cached; empty the cache to count their queries again.
        var store = _portal.Services.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>();
        foreach (var tag in new[] { "catalogue", "issue:2021-11", "entry:corporate-net-zero-standard", "section:research", "section:cop26", "organisation:tnc", "portal" })
        {
            await store.EvictByTagAsync(tag, CancellationToken.None);
        }
        var large = await CountAsync();

        Assert.All(_pages, page =>
        {
            Assert.True(small[page] is > 0 and <= 8, $"{page}: {small[page]} commands");
            Assert.True(small[page] == large[page], $"{page}: {small[page]} commands with 70 entries, {large[page]} with 700");
        });
    }

    [Fact]
    public async Task The_catalogues_columns_are_read_once_after_each_change_not_for_each_question()
    {
        await _portal.GetCountedAsync("/entries?q=湿地&section=research");
        await _portal.GetCountedAsync("/entries?q=forest&sort=date");
        Assert.Equal(0, _portal.Counter.ColumnReads);
        await _portal.GetCountedAsync("/api/entries?topic=wetlands&page=2");
        Assert.Equal(0, _portal.Counter.ColumnReads);

        using (var scope = _portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CatalogueDb>();
            var entry = db.Entries.Single(e => e.Slug == "corporate-net-zero-standard");
            entry.Unpublish();
            await db.SaveChangesAsync();
        }
        var (body, _) = await _portal.GetCountedAsync("/entries?q=net-zero&sort=date");
        // Brought up to date once: patched from the change log (records, ids, the named entry,
        // organisations) or read whole (six tables), never per question.
        Assert.InRange(_portal.Counter.ColumnReads, 1, 6);
        Assert.DoesNotContain("/entries/corporate-net-zero-standard", body, StringComparison.Ordinal);
        await _portal.GetCountedAsync("/api/entries?q=climate");
        Assert.Equal(0, _portal.Counter.ColumnReads);
    }
}
