using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NbsRoundup.Data;
using NbsRoundup.Testing;
using NbsRoundup.Web.Commands;

namespace NbsRoundup.Web.Tests.Caching;

/// <summary>
/// After every kind of change the pages that show it change on the next request, and the pages
/// that do not stay cached (answered without a single catalogue query).
/// </summary>
public sealed class OutputCacheTests : IDisposable
{
    private static readonly string[] _pages =
    [
        "/", "/issues/2021-11", "/entries/corporate-net-zero-standard", "/entries/wri-climate-resilient-infrastructure-china", "/entries/state-of-the-worlds-mangroves",
        "/sections/standards", "/sections/research", "/organisations/sbti", "/organisations/wri", "/organisations",
        "/entries?q=净零", "/api/entries?q=净零", "/feed", "/api/issues/2021-11",
    ];

    private readonly CountingPortal _portal = new();

    public void Dispose() => _portal.Dispose();

    /// <summary>Visits every page twice: after this, all of them are in the cache.</summary>
    private async Task WarmAsync()
    {
        foreach (var page in _pages)
        {
            await _portal.GetCountedAsync(page);
            Assert.Equal(0, (await _portal.GetCountedAsync(page)).Commands);
        }
    }

    private async Task ChangeAsync(Func<CatalogueDb, Task> change)
    {
        using var scope = _portal.Services.CreateScope();
        await change(scope.ServiceProvider.GetRequiredService<CatalogueDb>());
    }

    private async Task<bool> IsCachedAsync(string url)
    {
        var commands = (await _portal.GetCountedAsync(url)).Commands;
        Assert.True(commands == 0, $"{url} ran {commands} SQL commands: {string.Join(" | ", _portal.Counter.Commands.Select(c => c[..Math.Min(120, c.Length)]))}");
        return true;
    }

    [Fact]
    public async Task A_cached_page_runs_no_catalogue_query()
    {
        var first = await _portal.GetCountedAsync("/issues/2021-11");
        var second = await _portal.GetCountedAsync("/issues/2021-11");

        Assert.True(first.Commands > 0);
        Assert.Equal(0, second.Commands);
        Assert.Equal(first.Body, second.Body);
    }

    [Fact]
    public async Task Editing_an_entry_refreshes_its_pages_and_leaves_the_others_cached()
    {
        await WarmAsync();
        await ChangeAsync(async db =>
        {
            var entry = await db.Entries.SingleAsync(e => e.Slug == "corporate-net-zero-standard");
            entry.Update(entry.Content with { Title = "《企业净零标准》（更正）" });
            await db.SaveChangesAsync();
        });

        foreach (var page in new[] { "/entries/corporate-net-zero-standard", "/issues/2021-11", "/sections/standards", "/organisations/sbti", "/entries?q=净零", "/api/entries?q=净零", "/feed", "/api/issues/2021-11" })
        {
            Assert.Contains(page.StartsWith("/api", StringComparison.Ordinal) ? "（更正）" : "（更正）", (await _portal.GetCountedAsync(page)).Body);
        }
        Assert.True(await IsCachedAsync("/entries/wri-climate-resilient-infrastructure-china"));
        Assert.True(await IsCachedAsync("/sections/research"));
        Assert.True(await IsCachedAsync("/organisations/wri"));
    }

    [Fact]
    public async Task Unpublishing_an_entry_removes_it_everywhere_at_once()
    {
        await WarmAsync();
        await ChangeAsync(async db =>
        {
            (await db.Entries.SingleAsync(e => e.Slug == "corporate-net-zero-standard")).Unpublish();
            await db.SaveChangesAsync();
        });

        using var client = _portal.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/entries/corporate-net-zero-standard")).StatusCode);
        foreach (var page in new[] { "/issues/2021-11", "/sections/standards", "/entries?q=净零", "/feed" })
        {
            Assert.DoesNotContain("《企业净零标准》", (await _portal.GetCountedAsync(page)).Body);
        }
        // It was SBTi's only published entry: the organisation's cached page is gone with it.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/organisations/sbti")).StatusCode);
        Assert.True(await IsCachedAsync("/organisations/wri"));
    }

    [Fact]
    public async Task Deleting_an_entry_removes_it_from_its_pages()
    {
        await WarmAsync();
        await ChangeAsync(async db =>
        {
            var issue = await db.Issues.Include(i => i.Entries).SingleAsync();
            issue.RemoveEntry(issue.Entries.Single(e => e.Slug == "wri-climate-resilient-infrastructure-china"));
            await db.SaveChangesAsync();
        });

        // It was WRI's only entry: the organisation's cached page is gone with it.
        using var client = _portal.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/organisations/wri")).StatusCode);
        Assert.DoesNotContain("wri-climate-resilient-infrastructure-china", (await _portal.GetCountedAsync("/sections/research")).Body);
        Assert.True(await IsCachedAsync("/sections/standards"));
    }

    [Fact]
    public async Task Merging_organisations_moves_their_entries_on_every_page_that_shows_them()
    {
        await WarmAsync();
        await ChangeAsync(async db =>
        {
            var wri = await db.Organisations.Include(o => o.Aliases).SingleAsync(o => o.Slug == "wri");
            var sbti = await db.Organisations.Include(o => o.Aliases).SingleAsync(o => o.Slug == "sbti");
            var entries = await db.Entries.Include(e => e.Organisations).ThenInclude(o => o.Organisation)
                .Where(e => e.Organisations.Any(o => o.OrganisationId == wri.Id)).ToListAsync();
            wri.MergeInto(sbti, entries);
            db.Organisations.Remove(wri);
            await db.SaveChangesAsync();
        });

        Assert.Contains("wri-climate-resilient-infrastructure-china", (await _portal.GetCountedAsync("/organisations/sbti")).Body);
        using var client = _portal.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.MovedPermanently, (await client.GetAsync("/organisations/wri")).StatusCode); // now an alias of SBTi
        Assert.Contains("Science Based Targets initiative", (await _portal.GetCountedAsync("/entries/wri-climate-resilient-infrastructure-china")).Body);
        Assert.True(await IsCachedAsync("/sections/standards"));
    }

    [Fact]
    public async Task Renaming_an_organisation_refreshes_the_pages_of_its_entries()
    {
        await WarmAsync();
        await ChangeAsync(async db =>
        {
            var wri = await db.Organisations.Include(o => o.Aliases).SingleAsync(o => o.Slug == "wri");
            wri.Rename("World Resources Institute, WRI", "WRI");
            await db.SaveChangesAsync();
        });

        Assert.Contains("World Resources Institute, WRI", (await _portal.GetCountedAsync("/organisations/wri")).Body);
        Assert.Contains("World Resources Institute, WRI", (await _portal.GetCountedAsync("/api/entries?q=净零&organisation=wri")).Body.Replace("\\u0027", "'", StringComparison.Ordinal) + (await _portal.GetCountedAsync("/api/organisations")).Body);
        // Neither naming WRI nor listing a WRI entry among its related entries.
        Assert.True(await IsCachedAsync("/entries/state-of-the-worlds-mangroves"));
    }

    [Fact]
    public async Task Retitling_an_entry_refreshes_the_pages_that_list_it_as_related()
    {
        await WarmAsync();
        Assert.Contains("《红树林生态修复手册》", (await _portal.GetCountedAsync("/entries/state-of-the-worlds-mangroves")).Body);
        await ChangeAsync(async db =>
        {
            var entry = await db.Entries.SingleAsync(e => e.Slug == "mangrove-ecological-restoration-handbook");
            entry.Update(entry.Content with { Title = "《红树林生态修复手册》（更正）" });
            await db.SaveChangesAsync();
        });

        Assert.Contains("《红树林生态修复手册》（更正）", (await _portal.GetCountedAsync("/entries/state-of-the-worlds-mangroves")).Body);
        Assert.True(await IsCachedAsync("/entries/wri-climate-resilient-infrastructure-china"));
    }

    [Fact]
    public async Task An_import_from_the_command_line_is_seen_by_the_running_portal()
    {
        await WarmAsync();
        var content = ContentFiles.PathOf(ContentFiles.Vol3);
        var corrected = Path.Combine(Path.GetTempPath(), $"vol3-{Guid.NewGuid():N}.md");
        await File.WriteAllTextAsync(corrected, (await File.ReadAllTextAsync(content)).Replace("### 《企业净零标准》", "### 《企业净零标准》（命令行）", StringComparison.Ordinal));
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            Assert.Equal(0, await CommandLine.RunAsync(["import", corrected, .. _portal.DatabaseArguments], output, error));
        }
        finally
        {
            File.Delete(corrected);
        }

        Assert.Contains("（命令行）", (await _portal.GetCountedAsync("/issues/2021-11")).Body);
        Assert.Contains("（命令行）", (await _portal.GetCountedAsync("/entries?q=净零")).Body);
        Assert.True(await IsCachedAsync("/organisations/wri"));
    }

    [Fact]
    public async Task Readers_in_each_language_get_their_own_cached_page()
    {
        using var client = _portal.CreateClient();
        using var english = new HttpRequestMessage(HttpMethod.Get, "/issues/2021-11");
        english.Headers.Add("Accept-Language", "en");
        await client.GetAsync("/issues/2021-11");

        var englishBody = await (await client.SendAsync(english)).Content.ReadAsStringAsync();
        var chineseBody = await client.GetStringAsync("/issues/2021-11");

        Assert.Contains("Contents", englishBody);
        Assert.Contains("目录", chineseBody);
    }

    [Fact]
    public async Task A_signed_in_editor_is_never_served_a_cached_page()
    {
        await _portal.GetCountedAsync("/issues/2021-11");
        Assert.Equal(0, (await _portal.GetCountedAsync("/issues/2021-11")).Commands);
        using var editor = await Editors.SignInAsync(_portal);
        _portal.Counter.Reset();

        var response = await editor.GetAsync("/issues/2021-11");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Checking the sign-in cookie queries the accounts too: what counts is that the issue itself was read.
        Assert.Contains(_portal.Counter.Commands, c => c.Contains("\"Issues\"", StringComparison.Ordinal));
        Assert.True(await IsCachedAsync("/issues/2021-11")); // and readers still get the cached page
    }
}
