using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using NbsRoundup.Catalogue;
using NbsRoundup.Discovery;
using NbsRoundup.Rendering;

namespace NbsRoundup.Importing;

/// <summary>Turns an entry heading and the blocks under it into a checked entry.</summary>
internal static class EntryBuilder
{
    public static EntryDocument? Build(
        HeadingBlock heading, List<Block> blocks, Section section, string? subheading, int position,
        string text, DiagnosticBag diagnostics, int issueYear, int issueMonth)
    {
        var line = heading.Line + 1;
        var errorsBefore = diagnostics.Items.Count(d => d.Severity == Severity.Error);
        var title = NewsletterParser.InlineText(heading.Inline);
        if (title.Length == 0)
        {
            diagnostics.Error(line, "this entry has no title: write it after '### '");
        }
        CheckLength(title, 500, "title", line, diagnostics);

        var metadata = blocks.Count > 0 && blocks[0] is ParagraphBlock first && EntryMetadata.Opens(first, text)
            ? EntryMetadata.Read(first, text, diagnostics)
            : null;
        var summaryBlocks = metadata is null ? blocks : blocks.Skip(1).ToList();
        var summary = Source(text, summaryBlocks);
        CheckLength(summary, MarkdownLimits.MaxLength, "summary", summaryBlocks.Count > 0 ? summaryBlocks[0].Line + 1 : line, diagnostics);

        var original = Value(metadata, "original", 500, diagnostics);
        var authors = Value(metadata, "authors", 500, diagnostics);
        var speaker = Value(metadata, "speaker", 500, diagnostics);
        var slug = ReadSlug(metadata, original ?? title, line, diagnostics);
        var date = ReadDate(metadata, diagnostics, issueYear, issueMonth);
        var (link, awaitsLink) = ReadLink(metadata?["link"] ?? HeadingLink(heading, line), diagnostics);
        var draft = ReadDraft(metadata, diagnostics);
        var tags = new EntryTags(
            ReadTags(metadata?["topics"], "topic", TagNames.ReadTopics, diagnostics),
            ReadTags(metadata?["places"], "place", TagNames.ReadPlaces, diagnostics));
        var organisations = Names.SplitList(metadata?["organisations"]?.Value ?? "");
        foreach (var name in organisations)
        {
            CheckLength(name, 300, "organisation name", metadata!["organisations"]!.Value.Line, diagnostics);
        }

        if (diagnostics.Items.Count(d => d.Severity == Severity.Error) > errorsBefore)
        {
            return null;
        }
        var content = new EntryContent(section.Id, position, subheading, title, original, summary,
            link, authors, speaker, date, awaitsLink);
        return new EntryDocument(line, slug, content, organisations) { IsDraft = draft, Tags = tags };
    }

    /// <summary>`topics: wetlands; 金融` or `places: BZ; 伯利兹; Latin America`: every value must name a topic or a place.</summary>
    private static IReadOnlyList<string> ReadTags((string Value, int Line)? given, string what, Func<string, TagReading> read, DiagnosticBag diagnostics)
    {
        if (given is not { } line)
        {
            return [];
        }
        var reading = read(line.Value);
        foreach (var unknown in reading.Unknown)
        {
            // Four whole sentences rather than one with "topic"/"place" filled in: each is translated as it stands.
            switch (what, unknown.Suggestion)
            {
                case ("topic", { } suggestion):
                    diagnostics.Error(line.Line, $"unknown topic '{unknown.Value}'; did you mean {suggestion}?");
                    break;
                case ("topic", null):
                    diagnostics.Error(line.Line, $"unknown topic '{unknown.Value}'; topics are the keys or names listed in content/README.md");
                    break;
                case (_, { } suggestion):
                    diagnostics.Error(line.Line, $"unknown place '{unknown.Value}'; did you mean {suggestion}?");
                    break;
                default:
                    diagnostics.Error(line.Line, $"unknown place '{unknown.Value}'; places are ISO country codes, UN M49 region codes, 'global', or their names in English or Chinese");
                    break;
            }
        }
        return reading.Keys;
    }

    private static readonly string[] _yes = ["yes", "true", "是"];
    private static readonly string[] _no = ["no", "false", "否"];

    /// <summary>`draft: yes` (草稿：是) keeps the entry from readers; `no`, or no line at all, publishes it.</summary>
    private static bool ReadDraft(EntryMetadata? metadata, DiagnosticBag diagnostics)
    {
        if (metadata?["draft"] is not { } given)
        {
            return false;
        }
        if (_yes.Contains(given.Value, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }
        if (!_no.Contains(given.Value, StringComparer.OrdinalIgnoreCase))
        {
            diagnostics.Error(given.Line, $"draft is '{given.Value}'; write 'draft: yes' for a draft, or 'draft: no'");
        }
        return false;
    }

    /// <summary>The Markdown source of consecutive blocks, exactly as the editor wrote it.</summary>
    public static string Source(string text, IReadOnlyList<Block> blocks)
    {
        if (blocks.Count == 0)
        {
            return "";
        }
        var start = blocks[0].Span.Start;
        var end = Math.Min(blocks.Max(b => b.Span.End), text.Length - 1);
        return end < start ? "" : text[start..(end + 1)].Trim();
    }

    private static string? Value(EntryMetadata? metadata, string key, int max, DiagnosticBag diagnostics)
    {
        if (metadata?[key] is not { } item)
        {
            return null;
        }
        CheckLength(item.Value, max, key, item.Line, diagnostics);
        return NewsletterParser.Blank(item.Value);
    }

    private static string ReadSlug(EntryMetadata? metadata, string title, int line, DiagnosticBag diagnostics)
    {
        if (metadata?["slug"] is not { } given)
        {
            return Names.Slugify(title, "e");
        }
        if (!Names.IsSlug(given.Value))
        {
            diagnostics.Error(given.Line, $"slug '{given.Value}' may hold only lowercase letters, digits and single hyphens (at most 100 characters)");
        }
        return given.Value;
    }

    private static PartialDate? ReadDate(EntryMetadata? metadata, DiagnosticBag diagnostics, int issueYear, int issueMonth)
    {
        if (metadata?["date"] is not { } given)
        {
            return null;
        }
        var reading = PartialDateParser.Read(given.Value, issueYear, issueMonth);
        if (reading.ErrorText is not null)
        {
            diagnostics.Error(given.Line, reading.ErrorText);
        }
        if (reading.WarningText is not null)
        {
            diagnostics.Warning(given.Line, reading.WarningText);
        }
        if (reading.Date is not null)
        {
            CheckLength(reading.Date.Text, 100, "date", given.Line, diagnostics);
        }
        return reading.Date;
    }

    /// <summary>The link, or `#`: the source printed a link that is not known yet (the entry awaits it).</summary>
    private static (string? Link, bool Awaits) ReadLink((string Value, int Line)? given, DiagnosticBag diagnostics)
    {
        if (given is not { } link)
        {
            return (null, false);
        }
        if (link.Value == "#")
        {
            return (null, true);
        }
        if (link.Value == "")
        {
            diagnostics.Warning(link.Line, $"the link is empty; the entry is imported without a link (write 'link: #' when the source printed a link that is not known yet)");
            return (null, false);
        }
        if (!Uri.TryCreate(link.Value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            diagnostics.Error(link.Line, $"link '{link.Value}' is not an http or https address");
            return (null, false);
        }
        CheckLength(link.Value, 2000, "link", link.Line, diagnostics);
        return (link.Value, false);
    }

    /// <summary>An editor may write the title as a link: `### [《标题》](https://...)`.</summary>
    private static (string, int)? HeadingLink(HeadingBlock heading, int line) =>
        heading.Inline?.Descendants<LinkInline>().FirstOrDefault(l => !l.IsImage) is { } link ? (link.Url ?? "", line) : null;

    private static void CheckLength(string value, int max, string what, int line, DiagnosticBag diagnostics)
    {
        if (value.Length > max)
        {
            diagnostics.Error(line, $"the {what} is {value.Length} characters long; at most {max} are allowed");
        }
    }
}
