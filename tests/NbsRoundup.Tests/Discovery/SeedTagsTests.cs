using NbsRoundup.Discovery;
using NbsRoundup.Testing;

namespace NbsRoundup.Tests.Discovery;

public class SeedTagsTests
{
    [Fact]
    public void Every_entry_of_the_seed_issue_is_tagged_once()
    {
        var slugs = ContentFiles.Parse(ContentFiles.Vol3).Entries.Select(e => e.Slug).Order(StringComparer.Ordinal);
        var tagged = SeedTags.Read().Select(r => r.Slug).Order(StringComparer.Ordinal);
        Assert.Equal(slugs, tagged);
    }

    [Fact]
    public void Every_tag_is_a_known_topic_key_or_place_code_and_every_entry_has_a_tag()
    {
        foreach (var row in SeedTags.Read())
        {
            Assert.All(row.Topics, t => Assert.True(Topics.ByKey(t) is not null, $"{row.Slug}: unknown topic {t}"));
            Assert.All(row.Places, p => Assert.True(Places.ByCode(p) is not null, $"{row.Slug}: unknown place {p}"));
            Assert.True(row.Topics.Count + row.Places.Count > 0, $"{row.Slug} has no tag");
            Assert.Equal(row.Topics.Distinct().Count(), row.Topics.Count);
            Assert.Equal(row.Places.Distinct().Count(), row.Places.Count);
        }
    }

    [Fact]
    public void Chinese_domestic_policy_is_tagged_China()
    {
        var rows = SeedTags.Read().ToDictionary(r => r.Slug);
        foreach (var slug in new[] { "social-capital-ecological-restoration-opinions", "carbon-peaking-neutrality-opinions", "action-plan-carbon-peaking-before-2030", "forestry-grassland-14th-five-year-plan", "ramsar-cop14-wuhan" })
        {
            Assert.Equal(["CN"], rows[slug].Places);
        }
    }
}
