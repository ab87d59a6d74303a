using NbsRoundup.Discovery;
using NbsRoundup.Importing;
using NbsRoundup.Testing;

namespace NbsRoundup.Tests.Discovery;

/// <summary>The hand tags of the 2021-11 issue, as content/ writes them (`topics:`, `places:`).</summary>
public class SeedTagsTests
{
    private readonly IReadOnlyList<EntryDocument> _entries = ContentFiles.Parse(ContentFiles.Vol3).Entries;

    [Fact]
    public void Every_entry_of_the_seed_issue_has_curated_tags_of_the_vocabularies()
    {
        Assert.Equal(70, _entries.Count);
        foreach (var entry in _entries)
        {
            Assert.True(!entry.Tags.IsEmpty, $"{entry.Slug} has no tag");
            Assert.All(entry.Tags.Topics, t => Assert.True(Topics.ByKey(t) is not null, $"{entry.Slug}: unknown topic {t}"));
            Assert.All(entry.Tags.Places, p => Assert.True(Places.ByCode(p) is not null, $"{entry.Slug}: unknown place {p}"));
        }
        // Most entries say what they are about: only an institutional announcement has no topic.
        Assert.Equal(["iucn-nbs-international-standard-committee"], _entries.Where(e => e.Tags.Topics.Count == 0).Select(e => e.Slug));
    }

    [Fact]
    public void Chinese_domestic_policy_is_tagged_China()
    {
        var rows = _entries.ToDictionary(r => r.Slug);
        foreach (var slug in new[] { "social-capital-ecological-restoration-opinions", "carbon-peaking-neutrality-opinions", "action-plan-carbon-peaking-before-2030", "forestry-grassland-14th-five-year-plan", "ramsar-cop14-wuhan" })
        {
            Assert.Equal(["CN"], rows[slug].Tags.Places);
        }
    }

    [Fact]
    public void Items_name_their_ecosystems_and_regions()
    {
        var rows = _entries.ToDictionary(r => r.Slug);
        Assert.Equal(["coasts", "oceans", "finance", "protected-areas"], rows["belize-marine-conservation-debt-conversion"].Tags.Topics);
        Assert.Equal(["BZ"], rows["belize-marine-conservation-debt-conversion"].Tags.Places);
        Assert.Equal(["143"], rows["event-road-to-kunming-central-asia"].Tags.Places);
        Assert.Contains("wetlands", rows["terrestrial-nbs-uk-net-zero"].Tags.Topics);
    }
}
