namespace NbsRoundup.Tests.Importing;

/// <summary>Small newsletter files for tests; lines are counted from the front matter's first '---'.</summary>
internal static class Newsletters
{
    // Seven lines: the body starts on line 8.
    public const string FrontMatter = """
        ---
        slug: 2022-01
        title: 测试通讯 2022年1月
        year: 2022
        month: 1
        ---


        """;

    public static string With(string body) => FrontMatter + body;

    public const string OneEntry = """
        # 标准和指南

        ### 《湿地保护指南》
        slug: wetland-guide
        original: Wetland Guide
        organisations: TNC
        date: 12月

        湿地是重要的碳汇。
        """;
}
