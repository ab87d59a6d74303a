using NbsRoundup.Importing;

namespace NbsRoundup.Tests;

/// <summary>The newsletters in content/, copied next to the tests by the project file.</summary>
internal static class ContentFiles
{
    public const string Vol3 = "2021-11-nbs-roundup-vol3.md";

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "content", name);

    public static string Text(string name) => File.ReadAllText(PathOf(name));

    public static NewsletterDocument Parse(string name)
    {
        var result = NewsletterParser.Parse(File.ReadAllBytes(PathOf(name)), name);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.Document!;
    }
}
