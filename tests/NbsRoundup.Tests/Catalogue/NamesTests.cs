using NbsRoundup.Catalogue;

namespace NbsRoundup.Tests.Catalogue;

public class NamesTests
{
    [Theory]
    [InlineData("大自然保护协会（TNC）", "大自然保护协会(tnc)")]
    [InlineData("The Nature  Conservancy", "thenatureconservancy")]
    [InlineData("ＴＮＣ", "tnc")]
    public void Names_compare_without_case_spacing_or_width(string name, string normalized) =>
        Assert.Equal(normalized, Names.Normalize(name));

    [Theory]
    [InlineData("Corporate Net-zero Standard", "corporate-net-zero-standard")]
    [InlineData("NDCs-A force for nature?", "ndcs-a-force-for-nature")]
    public void Slugs_come_from_the_ascii_words_of_a_title(string title, string slug) =>
        Assert.Equal(slug, Names.Slugify(title, "e"));

    [Fact]
    public void A_chinese_title_gets_a_stable_hashed_slug()
    {
        var slug = Names.Slugify("《红树林生态修复手册》", "e");
        Assert.Matches("^e-[0-9a-f]{10}$", slug);
        Assert.Equal(slug, Names.Slugify("《红树林生态修复手册》", "e"));
        Assert.True(Names.IsSlug(slug));
    }

    [Theory]
    [InlineData("corporate-net-zero-standard", true)]
    [InlineData("2021-11", true)]
    [InlineData("Corporate", false)]
    [InlineData("a--b", false)]
    [InlineData("-a", false)]
    [InlineData("红树林", false)]
    [InlineData("", false)]
    public void Slugs_are_lowercase_ascii_words_joined_by_hyphens(string value, bool valid) =>
        Assert.Equal(valid, Names.IsSlug(value));
}
