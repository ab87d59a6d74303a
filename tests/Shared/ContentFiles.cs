using NbsRoundup.Importing;

namespace NbsRoundup.Testing;

/// <summary>The newsletters in content/, copied next to the tests by the project file.</summary>
internal static class ContentFiles
{
    public const string Vol3 = "2021-11-nbs-roundup-vol3.md";

    /// <summary>The copy of content/ (README.md included, as in the repository).</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "content");

    public static string PathOf(string name) => Path.Combine(Folder, name);

    public static string Text(string name) => File.ReadAllText(PathOf(name));

    public static NewsletterDocument Parse(string name)
    {
        var result = NewsletterParser.Parse(File.ReadAllBytes(PathOf(name)), name);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.Document!;
    }
}
