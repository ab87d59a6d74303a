using Markdig.Syntax;

namespace NbsRoundup.Importing;

/// <summary>The `key: value` lines under an entry heading.</summary>
internal sealed class EntryMetadata
{
    // English keys and the Chinese ones an editor may prefer.
    private static readonly Dictionary<string, string> _keys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["slug"] = "slug", ["标识"] = "slug",
        ["original"] = "original", ["原题"] = "original",
        ["organisations"] = "organisations", ["organisation"] = "organisations",
        ["organizations"] = "organisations", ["organization"] = "organisations", ["机构"] = "organisations",
        ["authors"] = "authors", ["author"] = "authors", ["作者"] = "authors",
        ["speaker"] = "speaker", ["发言人"] = "speaker",
        ["date"] = "date", ["日期"] = "date",
        ["link"] = "link", ["链接"] = "link",
        ["draft"] = "draft", ["草稿"] = "draft",
        ["topics"] = "topics", ["topic"] = "topics", ["主题"] = "topics",
        ["places"] = "places", ["place"] = "places", ["地点"] = "places",
    };

    private readonly Dictionary<string, (string Value, int Line)> _values = [];

    public (string Value, int Line)? this[string key] => _values.TryGetValue(key, out var v) ? v : null;

    /// <summary>True when the paragraph opens with a known `key:` line, i.e. it is meant as metadata.</summary>
    public static bool Opens(ParagraphBlock paragraph, string source) =>
        Split(SourceLines(paragraph, source)[0]) is { } first && _keys.ContainsKey(first.Key);

    public static EntryMetadata Read(ParagraphBlock paragraph, string source, DiagnosticBag diagnostics)
    {
        var metadata = new EntryMetadata();
        var lines = SourceLines(paragraph, source);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = paragraph.Line + i + 1;
            var text = lines[i];
            if (Split(text) is not { } pair)
            {
                diagnostics.Error(line, $"'{Shorten(text)}' is not a 'key: value' line; leave a blank line between the metadata and the summary");
                continue;
            }
            if (!_keys.TryGetValue(pair.Key, out var key))
            {
                diagnostics.Error(line, $"unknown metadata key '{pair.Key}'; known keys: slug, original, organisations, authors, speaker, date, link, draft, topics, places");
                continue;
            }
            if (metadata._values.ContainsKey(key))
            {
                diagnostics.Error(line, $"'{key}' is given twice");
                continue;
            }
            metadata._values[key] = (pair.Value, line);
        }
        return metadata;
    }

    // Markdig drops a paragraph's Lines once its inlines are parsed; the source span stays.
    private static string[] SourceLines(ParagraphBlock paragraph, string source) =>
        source[paragraph.Span.Start..Math.Min(paragraph.Span.End + 1, source.Length)].Split('\n');

    private static (string Key, string Value)? Split(string line)
    {
        var colon = line.IndexOfAny([':', '：']);
        if (colon <= 0)
        {
            return null;
        }
        var key = line[..colon].Trim();
        // A key is one word; "https://..." or a sentence with a colon is not metadata.
        if (key.Length == 0 || key.Any(char.IsWhiteSpace))
        {
            return null;
        }
        return (key, line[(colon + 1)..].Trim());
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
