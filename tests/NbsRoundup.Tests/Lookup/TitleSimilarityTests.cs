using NbsRoundup.Lookup;

namespace NbsRoundup.Tests.Lookup;

public sealed class TitleSimilarityTests
{
    [Theory]
    [InlineData("The State of the World's Mangroves", "the state of the world’s mangroves.")]
    [InlineData("Natural Climate Solutions Handbook", "NATURAL CLIMATE SOLUTIONS  HANDBOOK")]
    [InlineData("Getting the message right on nature‐based solutions to climate change", "Getting the message right on nature-based solutions for climate change")]
    [InlineData("《全球红树林现状》", "全球红树林现状")]
    [InlineData("关于印发《生态保护修复成效评估技术指南（试行）》的通知", "关于印发《生态保护修复成效评估技术指南(试行)》的通知")]
    [InlineData("国务院办公厅关于鼓励和支持社会资本参与生态保护修复的意见", "关于鼓励和支持社会资本参与生态保护修复的意见")]
    [InlineData("Ｃｏｐ２６ ｏｕｔｃｏｍｅｓ", "COP26 outcomes")]
    public void Near_identical_titles_are_recognised(string a, string b)
    {
        Assert.True(TitleSimilarity.AreNearIdentical(a, b), $"{a} / {b}: {TitleSimilarity.Similarity(a, b):0.00}");
        Assert.True(TitleSimilarity.AreNearIdentical(b, a));
    }

    [Theory]
    [InlineData("State of the World's Forests 2020", "State of the World's Forests 2022")]
    [InlineData("“十四五”林业草原保护发展规划纲要", "“十三五”林业草原保护发展规划纲要")]
    [InlineData("The State of the World's Mangroves", "The State of the World's Forests")]
    [InlineData("Mangroves", "The State of the World's Mangroves")]
    [InlineData("全球红树林现状", "全球湿地展望")]
    [InlineData("Nature-based solutions for climate change mitigation", "Nature-based solutions for climate change adaptation")]
    public void Different_works_are_told_apart(string a, string b)
    {
        Assert.False(TitleSimilarity.AreNearIdentical(a, b), $"{a} / {b}: {TitleSimilarity.Similarity(a, b):0.00}");
    }

    [Fact]
    public void An_entry_is_matched_in_either_language()
    {
        // The catalogue has the Chinese title and the English original; a look-up found only the English one.
        Assert.True(TitleSimilarity.AreSameWork("全球红树林现状", "The State of the World's Mangroves",
            null, "The state of the world's mangroves"));
        Assert.True(TitleSimilarity.AreSameWork("《全球红树林现状》", null, "全球红树林现状", "The State of the World's Mangroves 2021"));
        Assert.False(TitleSimilarity.AreSameWork("全球红树林现状", null, null, "The State of the World's Mangroves"));
    }

    [Fact]
    public void Similarity_is_one_for_the_same_normal_form_and_zero_for_nothing_shared()
    {
        Assert.Equal(1.0, TitleSimilarity.Similarity("《昆明宣言》", "昆明宣言"));
        Assert.Equal(0.0, TitleSimilarity.Similarity("昆明宣言", "Kunming Declaration"));
    }
}
