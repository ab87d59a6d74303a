using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NbsRoundup.Data;
using NbsRoundup.Web.Tests.Areas.Admin;
using Serilog.Events;

namespace NbsRoundup.Web.Tests.Hosting;

public sealed class ConcurrencyTests
{
    private const int EditorCount = 8;
    private const int SavesPerEditor = 12;
    private const int ReaderCount = 16;
    private const int ReadsPerReader = 25;

    // Two entries every editor fights over, and one of each editor's own.
    private static readonly string[] _shared = ["corporate-net-zero-standard", "tnc-foodscales-food-system-transition"];

    private static readonly string[] _readerUrls =
    [
        "/", "/issues/2021-11", "/entries?q=湿地", "/entries?q=net-zero&section=standards", "/api/entries?q=wetland",
        "/entries/corporate-net-zero-standard", "/entries/export.csv?q=湿地", "/organisations/tnc", "/entries/feed", "/api/issues/2021-11",
    ];

    [Fact]
    public async Task Eight_editors_and_sixteen_readers_at_once_lose_no_update_and_see_no_error()
    {
        using var portal = new LoggedPortal();
        string[] own;
        using (var scope = portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CatalogueDb>();
            own = await db.Entries.Where(e => !_shared.Contains(e.Slug)).OrderBy(e => e.Id).Select(e => e.Slug).Take(EditorCount).ToArrayAsync();
        }
        var editors = new List<HttpClient>();
        for (var i = 0; i < EditorCount; i++)
        {
            editors.Add(await Editors.SignInAsync(portal, email: $"concurrent-{i}@example.org"));
        }
        var saved = new ConcurrentDictionary<string, int>();
        var conflicts = 0;
        var failures = new ConcurrentQueue<string>();

        async Task EditAsync(int editor)
        {
            var client = editors[editor];
            for (var op = 0; op < SavesPerEditor; op++)
            {
                var slug = op % 3 == 2 ? own[editor] : _shared[op % 2];
                var form = await Forms.GetAsync(client, $"/admin/entries/{slug}/edit");
                var count = Counter(form.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Authors")!.Value);
                // The counter read, plus one, and who wrote it: a save that lands on a newer version is a lost update.
                var response = await Forms.SubmitAsync(client, form, new() { ["Input.Authors"] = $"{count + 1} by editor {editor} op {op}" });
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    saved.AddOrUpdate(slug, 1, (_, n) => n + 1);
                }
                else if (response.StatusCode == HttpStatusCode.OK && (await Forms.ReadAsync(response)).QuerySelector(".conflict") is not null)
                {
                    Interlocked.Increment(ref conflicts);
                }
                else
                {
                    failures.Enqueue($"editor {editor} saving {slug}: {(int)response.StatusCode}");
                }
            }
        }

        async Task ReadAsync(int reader)
        {
            using var client = portal.CreateClient();
            for (var i = 0; i < ReadsPerReader; i++)
            {
                var url = _readerUrls[(reader + i) % _readerUrls.Length];
                var response = await client.GetAsync(url);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Enqueue($"reader {reader} GET {url}: {(int)response.StatusCode}");
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, EditorCount).Select(i => Task.Run(() => EditAsync(i)))
            .Concat(Enumerable.Range(0, ReaderCount).Select(i => Task.Run(() => ReadAsync(i)))));

        Assert.Empty(failures);
        using (var scope = portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CatalogueDb>();
            foreach (var slug in _shared.Concat(own))
            {
                var authors = await db.Entries.Where(e => e.Slug == slug).Select(e => e.Authors).SingleAsync();
                Assert.True(Counter(authors) == saved.GetValueOrDefault(slug), $"{slug}: counter {Counter(authors)} after {saved.GetValueOrDefault(slug)} saves");
            }
            // Every save is in the history, once.
            Assert.Equal(saved.Values.Sum(), await db.ChangeSets.CountAsync(c => c.Description.StartsWith("Edited entry")));
        }
        Assert.Equal(EditorCount * SavesPerEditor, saved.Values.Sum() + conflicts);
        Assert.True(conflicts > 0, "editors of the same entries met no conflict: the test did not test concurrency");
        Assert.Equal(EditorCount, own.Count(saved.ContainsKey));
        var errors = portal.Events.Where(e => e.Level >= LogEventLevel.Error || e.RenderMessage(CultureInfo.InvariantCulture).Contains("database is locked", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.RenderMessage(CultureInfo.InvariantCulture) + " " + e.Exception)));
        foreach (var editor in editors)
        {
            editor.Dispose();
        }
    }

    private static int Counter(string? authors) =>
        int.TryParse((authors ?? "").Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
