using System.Reflection;
using System.Text;

namespace NbsRoundup.Discovery;

/// <summary>Reads the tab-separated data files embedded next to this code.</summary>
internal static class DiscoveryData
{
    /// <summary>Resource names, as the project file declares them.</summary>
    public const string PlacesResource = "NbsRoundup.Discovery.places.tsv";
    public const string WorldMapResource = "NbsRoundup.Discovery.world-map.tsv";
    public const string GlossaryResource = "NbsRoundup.Discovery.glossary.tsv";

    /// <summary>The whole text of an embedded file.</summary>
    public static string Text(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded resource {resource} is missing.");
        using var reader = new StreamReader(stream, new UTF8Encoding(false, true));
        return reader.ReadToEnd();
    }

    /// <summary>
    /// The data rows of a file: lines that are not blank, not comments (`#`) and not the
    /// column-name line, split at tabs.
    /// </summary>
    public static IEnumerable<string[]> Rows(string text, string headerStart)
    {
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r');
            if (trimmed.Length == 0 || trimmed.StartsWith('#') || trimmed.StartsWith(headerStart, StringComparison.Ordinal))
            {
                continue;
            }
            yield return trimmed.Split('\t');
        }
    }

    /// <summary>The comment lines at the top of a file, without their `# `.</summary>
    public static IEnumerable<string> Comments(string text) =>
        text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith('#')).Select(l => l.TrimStart('#').Trim());

    /// <summary>A list column: values separated by the given character, trimmed, without blanks.</summary>
    public static IReadOnlyList<string> List(string? value, char separator) =>
        string.IsNullOrWhiteSpace(value)
            ? []
            : value.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
