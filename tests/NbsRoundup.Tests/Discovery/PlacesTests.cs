using NbsRoundup.Discovery;

namespace NbsRoundup.Tests.Discovery;

public class PlacesTests
{
    [Theory]
    [InlineData("BZ", "BZ")]
    [InlineData("bz", "BZ")]
    [InlineData("Belize", "BZ")]
    [InlineData("伯利兹", "BZ")]
    [InlineData("419", "419")]
    [InlineData("Latin America", "419")]
    [InlineData("Latin America and the Caribbean", "419")]
    [InlineData("拉丁美洲和加勒比海地区", "419")]
    [InlineData("拉丁美洲", "419")]
    [InlineData("global", "global")]
    [InlineData("全球", "global")]
    [InlineData("worldwide", "global")]
    [InlineData("001", "global")]
    [InlineData("UK", "GB")]
    [InlineData("英国", "GB")]
    [InlineData("Turkey", "TR")]
    [InlineData("Türkiye", "TR")]
    [InlineData("People's Republic of China", "CN")]
    [InlineData("中华人民共和国", "CN")]
    [InlineData("Southeast Asia", "035")]
    [InlineData("South-eastern Asia", "035")]
    public void A_place_is_found_by_code_or_by_name_in_either_language(string query, string code) =>
        Assert.Equal(code, Places.Find(query)?.Code);

    [Theory]
    [InlineData("EU")]
    [InlineData("UN")]
    [InlineData("ZZ")]
    [InlineData("QO")]
    [InlineData("EZ")]
    [InlineData("Atlantis")]
    [InlineData("")]
    public void Groupings_and_unknown_codes_are_not_places(string query) => Assert.Null(Places.Find(query));

    [Fact]
    public void A_name_two_countries_share_finds_neither() =>
        // "Congo" is both CD and CG: a wrong guess would tag the wrong country.
        Assert.Null(Places.Find("Congo"));

    [Fact]
    public void Places_have_Chinese_and_English_names_and_know_their_kind()
    {
        var china = Places.Find("CN")!;
        Assert.Equal(("中国", "China", PlaceKind.Country), (china.Name("zh"), china.Name("en"), china.Kind));
        var asia = Places.Find("142")!;
        Assert.Equal(("亚洲", "Asia", true), (asia.Chinese, asia.English, asia.IsRegion));
        Assert.Equal("中亚", Places.Find("143")!.Chinese);
        Assert.Equal(PlaceKind.Global, Places.Find("global")!.Kind);
    }

    [Fact]
    public void Every_UN_M49_region_CLDR_names_is_there()
    {
        string[] expected = ["002", "003", "005", "009", "011", "013", "014", "015", "017", "018", "019", "021", "029", "030", "034", "035",
            "039", "053", "054", "057", "061", "142", "143", "145", "150", "151", "154", "155", "202", "419"];
        Assert.Equal(expected, Places.Regions.Select(r => r.Code));
        Assert.Equal(250, Places.Countries.Count());
    }

    [Fact]
    public void A_region_filter_takes_in_countries_through_sub_regions()
    {
        var asia = Places.Expand("142");
        Assert.Contains("142", asia);
        Assert.Contains("030", asia);
        Assert.Contains("CN", asia);
        Assert.Contains("KZ", asia);
        Assert.DoesNotContain("BR", asia);
        Assert.True(Places.IsWithin("BZ", "419"));
        Assert.True(Places.IsWithin("BZ", "019"));
        Assert.False(Places.IsWithin("US", "419"));
        Assert.Contains(Places.CountriesIn("019"), p => p.Code == "US");
    }

    [Fact]
    public void A_country_and_global_expand_to_themselves()
    {
        Assert.Equal(["BZ"], Places.Expand("BZ"));
        Assert.Equal(["global"], Places.Expand("global"));
        Assert.Empty(Places.Expand("XX"));
        Assert.Empty(Places.CountriesIn("CN"));
    }

    [Fact]
    public void Every_country_but_Antarctica_lies_in_a_region_and_every_region_holds_countries()
    {
        Assert.Equal(["AQ"], Places.Countries.Where(c => c.Parents.Count == 0).Select(c => c.Code));
        Assert.All(Places.Regions, r => Assert.NotEmpty(Places.CountriesIn(r.Code)));
    }
}
