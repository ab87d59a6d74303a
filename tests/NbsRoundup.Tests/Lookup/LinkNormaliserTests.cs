using NbsRoundup.Lookup;

namespace NbsRoundup.Tests.Lookup;

public sealed class LinkNormaliserTests
{
    [Theory]
    [InlineData("https://www.wri.org/research/state-worlds-mangroves-2021", "http://wri.org/research/state-worlds-mangroves-2021/")]
    [InlineData("https://WWW.WRI.ORG/research/x", "https://wri.org/research/x#summary")]
    [InlineData("https://wri.org:443/research/x", "http://wri.org:80/research/x")]
    [InlineData("https://wri.org/research/x?utm_source=wechat&utm_medium=social&fbclid=abc", "https://wri.org/research/x")]
    [InlineData("https://mp.weixin.qq.com/s?__biz=MzA&mid=265&idx=1&sn=9f&scene=21&from=timeline&isappinstalled=0", "https://mp.weixin.qq.com/s?sn=9f&idx=1&mid=265&__biz=MzA")]
    [InlineData("https://www.gov.cn/zhengce/content/2021-11/10/content_5650075.htm?spm=a2c4g&gclid=1", "gov.cn/zhengce/content/2021-11/10/content_5650075.htm")]
    [InlineData("https://iucn.org/resources/publication?page=2&lang=en", "https://iucn.org/resources/publication?lang=en&page=2")]
    [InlineData("https://example.org/%7Euser/report", "https://example.org/~user/report")]
    [InlineData("https://example.org/a%2fb", "https://example.org/a%2Fb")]
    [InlineData("www.iucn.org/news", "https://iucn.org/news")]
    public void Links_to_the_same_page_give_the_same_key(string a, string b)
    {
        Assert.Equal(LinkNormaliser.Normalise(a), LinkNormaliser.Normalise(b));
        Assert.True(LinkNormaliser.AreSame(a, b));
    }

    [Theory]
    [InlineData("https://wri.org/research/x", "https://wri.org/research/y")]
    [InlineData("https://wri.org/research/X", "https://wri.org/research/x")]
    [InlineData("https://iucn.org/resources/publication?page=2", "https://iucn.org/resources/publication?page=3")]
    [InlineData("https://example.org:8080/report", "https://example.org/report")]
    [InlineData("https://news.example.org/a", "https://example.org/a")]
    [InlineData("https://mp.weixin.qq.com/s?__biz=MzA&mid=265&sn=9f", "https://mp.weixin.qq.com/s?__biz=MzA&mid=266&sn=9f")]
    public void Links_to_different_pages_stay_different(string a, string b)
    {
        Assert.NotEqual(LinkNormaliser.Normalise(a), LinkNormaliser.Normalise(b));
    }

    [Fact]
    public void The_key_has_no_scheme_and_sorted_parameters()
    {
        Assert.Equal("iucn.org/resources?a=1&b=2&b=3",
            LinkNormaliser.Normalise("https://www.iucn.org/resources/?b=3&utm_campaign=x&a=1&b=2#top"));
    }

    [Theory]
    [InlineData("utm_content")]
    [InlineData("UTM_SOURCE")]
    [InlineData("spm")]
    [InlineData("share")]
    [InlineData("_hsenc")]
    [InlineData("from")]
    public void Tracking_parameters_are_recognised(string name) => Assert.True(LinkNormaliser.IsTracking(name));

    [Theory]
    [InlineData("id")]
    [InlineData("page")]
    [InlineData("doi")]
    public void Parameters_that_choose_content_are_kept(string name) => Assert.False(LinkNormaliser.IsTracking(name));
}
