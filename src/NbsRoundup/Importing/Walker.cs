using Markdig.Syntax;
using NbsRoundup.Catalogue;
using NbsRoundup.Rendering;

namespace NbsRoundup.Importing;

/// <summary>
/// Walks the top-level blocks of a newsletter after its front matter and
/// sorts them into the issue's introduction, section introductions and entries.
/// </summary>
internal sealed class Walker(string text, DiagnosticBag diagnostics, int issueYear, int issueMonth)
{
    private readonly List<Block> _introduction = [];
    private readonly Dictionary<int, List<Block>> _sectionIntros = [];
    private readonly Dictionary<int, int> _sectionLines = [];
    private readonly Dictionary<int, int> _positions = [];
    private readonly Dictionary<string, int> _slugLines = [];
    private readonly List<EntryDocument> _entries = [];

    private Section? _section;
    private bool _inUnknownSection;
    private (string Text, int Line)? _subheading;
    private (HeadingBlock Heading, List<Block> Blocks, Section Section, string? Subheading)? _entry;

    public string Introduction => Source(_introduction);
    public IReadOnlyDictionary<int, string> SectionIntros => _sectionIntros.ToDictionary(p => p.Key, p => Source(p.Value));
    public IReadOnlyList<EntryDocument> Entries => _entries;

    public void Visit(Block block)
    {
        if (block is HeadingBlock { Level: <= 3 } heading)
        {
            FlushEntry();
            switch (heading.Level)
            {
                case 1:
                    StartSection(heading);
                    break;
                case 2:
                    StartSubheading(heading);
                    break;
                default:
                    StartEntry(heading);
                    break;
            }
            return;
        }
        if (_entry is { } entry)
        {
            entry.Blocks.Add(block);
        }
        else if (_section is null && !_inUnknownSection)
        {
            _introduction.Add(block);
        }
        else if (_subheading is { } sub)
        {
            diagnostics.Error(block.Line + 1, $"this text under the sub-heading '{sub.Text}' belongs to no entry; start an entry with '### title'");
        }
        else if (_section is not null)
        {
            _sectionIntros[_section.Id].Add(block);
        }
    }

    public void Finish()
    {
        FlushEntry();
        // An entry's summary is held to the same bound by EntryBuilder.
        foreach (var blocks in _sectionIntros.Values.Prepend(_introduction).Where(b => b.Count > 0))
        {
            if (Source(blocks) is { Length: > MarkdownLimits.MaxLength } intro)
            {
                diagnostics.Error(blocks[0].Line + 1, $"the introduction is {intro.Length} characters long; at most {MarkdownLimits.MaxLength} are allowed");
            }
        }
    }

    private void StartSection(HeadingBlock heading)
    {
        var name = NewsletterParser.InlineText(heading.Inline);
        _subheading = null;
        _section = Section.Find(name);
        _inUnknownSection = _section is null;
        if (_section is null)
        {
            diagnostics.Error(heading.Line + 1, $"unknown section '{name}'; the sections are {string.Join(", ", Section.All.Select(s => $"{s.NameZh} ({s.Key})"))}");
            return;
        }
        if (_sectionLines.TryGetValue(_section.Id, out var first))
        {
            diagnostics.Error(heading.Line + 1, $"section '{_section.NameZh}' appears twice (first at line {first})");
        }
        _sectionLines[_section.Id] = heading.Line + 1;
        _sectionIntros.TryAdd(_section.Id, []);
    }

    private void StartSubheading(HeadingBlock heading)
    {
        var name = NewsletterParser.InlineText(heading.Inline).TrimEnd(':', '：').Trim();
        if (_section is null && !_inUnknownSection)
        {
            diagnostics.Error(heading.Line + 1, $"sub-heading '{name}' comes before any section ('# 标准和指南', ...)");
        }
        else if (name.Length == 0)
        {
            diagnostics.Error(heading.Line + 1, "a sub-heading ('##') needs a text");
        }
        else if (name.Length > 100)
        {
            diagnostics.Error(heading.Line + 1, "a sub-heading may be at most 100 characters");
        }
        _subheading = (name, heading.Line + 1);
    }

    private void StartEntry(HeadingBlock heading)
    {
        if (_section is null)
        {
            if (!_inUnknownSection)
            {
                diagnostics.Error(heading.Line + 1, "an entry ('###') comes before any section ('# 标准和指南', ...)");
            }
            _entry = null;
            return;
        }
        _entry = (heading, [], _section, _subheading?.Text);
    }

    private void FlushEntry()
    {
        if (_entry is not { } entry)
        {
            return;
        }
        _entry = null;
        var built = EntryBuilder.Build(entry.Heading, entry.Blocks, entry.Section, entry.Subheading,
            NextPosition(entry.Section.Id), text, diagnostics, issueYear, issueMonth);
        if (built is null)
        {
            return;
        }
        if (_slugLines.TryGetValue(built.Slug, out var first))
        {
            diagnostics.Error(built.Line, $"duplicate entry: slug '{built.Slug}' is already used by the entry at line {first}");
            return;
        }
        _slugLines[built.Slug] = built.Line;
        _entries.Add(built);
    }

    private int NextPosition(int sectionId)
    {
        _positions[sectionId] = _positions.GetValueOrDefault(sectionId) + 1;
        return _positions[sectionId];
    }

    private string Source(IReadOnlyList<Block> blocks) => EntryBuilder.Source(text, blocks);
}
