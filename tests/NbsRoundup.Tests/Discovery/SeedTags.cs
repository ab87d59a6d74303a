namespace NbsRoundup.Tests.Discovery;

/// <summary>The hand tags of the 2021-11 issue, tools/discovery/seed-tags.tsv, found from the test's folder upwards.</summary>
internal static class SeedTags
{
    public sealed record Row(string Slug, IReadOnlyList<string> Topics, IReadOnlyList<string> Places);

    public static IReadOnlyList<Row> Read()
    {
        var path = Find();
        return File.ReadAllLines(path)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(c => new Row(c[0], Split(c[1]), Split(c[2])))
            .ToList();
    }

    private static string[] Split(string value) => value.Split(';', StringSplitOptions.RemoveEmptyEntries);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tools", "discovery", "seed-tags.tsv");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("tools/discovery/seed-tags.tsv not found above " + AppContext.BaseDirectory);
    }
}
