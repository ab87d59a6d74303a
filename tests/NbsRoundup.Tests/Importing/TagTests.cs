using Microsoft.EntityFrameworkCore;
using NbsRoundup.Catalogue;
using NbsRoundup.Importing;
using NbsRoundup.Tests.Data;

namespace NbsRoundup.Tests.Importing;

/// <summary>`topics:` and `places:` lines, and the tags an entry without them is given.</summary>
public sealed class TagTests : IDisposable
{
    private readonly TestDatabase _database = TestDatabase.Create();

    public void Dispose() => _database.Dispose();

    private static string Entry(string metadata, string summary = "湿地是重要的碳汇。") => Newsletters.With($"""
        # 标准和指南

        ### 《一份指南》
        slug: a-guide
        {metadata}

        {summary}
        """);

    private static EntryDocument Parse(string text)
    {
        var result = NewsletterParser.Parse(text, "tags.md");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return Assert.Single(result.Document!.Entries);
    }

    [Fact]
    public void Keys_codes_and_names_in_either_language_are_read_in_display_order()
    {
        var entry = Parse(Entry("主题：金融；湿地; Climate change\n地点：伯利兹; global; Latin America; cn"));

        Assert.Equal(["wetlands", "climate-change", "finance"], entry.Tags.Topics);
        Assert.Equal(["global", "419", "BZ", "CN"], entry.Tags.Places);
    }

    [Theory]
    [InlineData("topics: wetland", "unknown topic 'wetland'; did you mean wetlands (湿地, Wetlands)?")]
    [InlineData("places: Belise", "unknown place 'Belise'; did you mean BZ (伯利兹, Belize)?")]
    [InlineData("地点：亚特兰蒂斯", "unknown place '亚特兰蒂斯'; places are ISO country codes")]
    [InlineData("topics: forests; xyzzy", "unknown topic 'xyzzy'; topics are the keys or names")]
    public void An_unknown_value_is_an_error_naming_the_line_and_the_value(string line, string message)
    {
        var result = NewsletterParser.Parse(Entry(line), "tags.md");

        Assert.Null(result.Document);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(12, error.Line);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_without_tags_is_imported_with_suggested_ones_that_the_plan_lists()
    {
        var text = Entry("organisations: 自然资源部", "我国红树林保护修复。红树林是海岸带的重要生态系统。");
        await using var db = _database.Open();

        var plan = await new CatalogueImporter(db).ImportAsync(NewsletterParser.Parse(text, "tags.md").Document!, dryRun: false);

        var change = Assert.Single(plan.Entries);
        Assert.NotNull(change.Suggested);
        Assert.Contains("coasts", change.Suggested.Topics);
        Assert.Equal(["CN"], change.Suggested.Places);
        var entry = await db.Entries.Include(e => e.Tags).SingleAsync();
        Assert.True(entry.HasSuggestedTags);
        Assert.All(entry.Topics, t => Assert.True(t.IsSuggested));
        Assert.Equal(change.Suggested, entry.TagKeys);
    }

    [Fact]
    public async Task Tags_in_the_file_are_curated_and_importing_it_again_changes_nothing()
    {
        var document = Parse(Entry("topics: wetlands\nplaces: CN"));
        await using (var db = _database.Open())
        {
            var plan = await new CatalogueImporter(db).ImportAsync(NewsletterParser.Parse(Entry("topics: wetlands\nplaces: CN"), "tags.md").Document!, dryRun: false);
            Assert.Null(Assert.Single(plan.Entries).Suggested);
        }
        await using (var db = _database.Open())
        {
            var again = await new CatalogueImporter(db).ImportAsync(NewsletterParser.Parse(Entry("topics: wetlands\nplaces: CN"), "tags.md").Document!, dryRun: false);
            Assert.Equal(ChangeKind.Unchanged, Assert.Single(again.Entries).Kind);
            var changed = await new CatalogueImporter(db).ImportAsync(NewsletterParser.Parse(Entry("topics: wetlands; finance\nplaces: CN"), "tags.md").Document!, dryRun: false);
            Assert.Equal(["topics"], Assert.Single(changed.Entries).Fields);
        }
        await using (var db = _database.Open())
        {
            var entry = await db.Entries.Include(e => e.Tags).SingleAsync();
            Assert.False(entry.HasSuggestedTags);
            Assert.Equal(new EntryTags(["wetlands", "finance"], ["CN"]), entry.TagKeys);
            Assert.Equal(["CN", "030", "142"], (await db.PlaceScopes.Where(s => s.EntryId == entry.Id).Select(s => s.Code).ToListAsync()).OrderBy(c => c.Length).ThenBy(c => c));
            Assert.Equal("finance; wetlands", entry.Describe()["topics"]);
        }
        Assert.Equal(["wetlands"], document.Tags.Topics);
    }
}
