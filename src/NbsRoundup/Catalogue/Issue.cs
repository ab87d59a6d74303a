namespace NbsRoundup.Catalogue;

/// <summary>One issue of the newsletter ("2021年11月, Vol.3 (总第3期)").</summary>
public sealed class Issue
{
    private readonly List<Entry> _entries = [];
    private readonly List<IssueSectionIntro> _sectionIntros = [];

    public int Id { get; private set; }
    public string Slug { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string? TitleEn { get; private set; }
    public string? Publisher { get; private set; }
    public int Year { get; private set; }
    public int Month { get; private set; }
    /// <summary>Volume within the year ("Vol.3").</summary>
    public int? Volume { get; private set; }
    /// <summary>Running number since the first issue ("总第3期").</summary>
    public int? Number { get; private set; }
    /// <summary>The issue's introduction, Markdown.</summary>
    public string Introduction { get; private set; } = "";
    /// <summary>A draft issue, and every entry in it, is invisible to readers until published.</summary>
    public bool IsPublished { get; private set; } = true;
    /// <summary>When the issue's own details were last changed (UTC); set on save.</summary>
    public DateTime UpdatedAt { get; private set; }
    public IReadOnlyList<Entry> Entries => _entries;
    public IReadOnlyList<IssueSectionIntro> SectionIntros => _sectionIntros;

    private Issue()
    {
    }

    public Issue(string slug, IssueDetails details)
    {
        Slug = slug;
        Update(details);
    }

    public IssueDetails Details => new(Title, TitleEn, Publisher, Year, Month, Volume, Number, Introduction);

    public void Update(IssueDetails details)
    {
        Title = details.Title;
        TitleEn = details.TitleEn;
        Publisher = details.Publisher;
        Year = details.Year;
        Month = details.Month;
        Volume = details.Volume;
        Number = details.Number;
        Introduction = details.Introduction;
    }

    public void Publish() => IsPublished = true;

    public void Unpublish() => IsPublished = false;

    public Entry AddEntry(string slug, EntryContent content)
    {
        var entry = new Entry(this, slug, content);
        _entries.Add(entry);
        return entry;
    }

    /// <summary>Sets, replaces or (with blank text) removes this issue's introduction to a section.</summary>
    public void SetSectionIntro(int sectionId, string markdown)
    {
        var existing = _sectionIntros.FirstOrDefault(i => i.SectionId == sectionId);
        if (string.IsNullOrWhiteSpace(markdown))
        {
            if (existing is not null)
            {
                _sectionIntros.Remove(existing);
            }
            return;
        }
        if (existing is null)
        {
            _sectionIntros.Add(new IssueSectionIntro(sectionId, markdown));
        }
        else
        {
            existing.Markdown = markdown;
        }
    }
}

/// <summary>The editable details of an issue.</summary>
public sealed record IssueDetails(
    string Title,
    string? TitleEn,
    string? Publisher,
    int Year,
    int Month,
    int? Volume,
    int? Number,
    string Introduction);

/// <summary>An issue's own introduction to one of its sections (the COP26 overview, say).</summary>
public sealed class IssueSectionIntro
{
    public int Id { get; private set; }
    public int IssueId { get; private set; }
    public int SectionId { get; private set; }
    public string Markdown { get; internal set; } = "";

    private IssueSectionIntro()
    {
    }

    internal IssueSectionIntro(int sectionId, string markdown)
    {
        SectionId = sectionId;
        Markdown = markdown;
    }
}
