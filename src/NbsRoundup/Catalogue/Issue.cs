namespace NbsRoundup.Catalogue;

/// <summary>One issue of the newsletter ("2021年11月, Vol.3 (总第3期)").</summary>
public sealed class Issue : IVersioned
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
    /// <summary>The introduction as readers see it: rendered and sanitised HTML, derived by the save pipeline.</summary>
    public string IntroductionHtml { get; private set; } = "";
    /// <summary>The introduction as plain text, for meta tags; derived by the save pipeline.</summary>
    public string IntroductionText { get; private set; } = "";
    /// <summary>The version of the rendering rules the introduction was rendered with; null before the first.</summary>
    public int? RenderedWith { get; private set; }
    /// <summary>A draft issue, and every entry in it, is invisible to readers until published.</summary>
    public bool IsPublished { get; private set; } = true;
    /// <summary>When the issue's own details were last changed (UTC); set on save.</summary>
    public DateTime UpdatedAt { get; private set; }
    /// <summary>Concurrency token: renewed on every save that changes the issue or its section introductions.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();
    public IReadOnlyList<Entry> Entries => _entries;

    /// <summary>
    /// The fields every entry of the issue carries (an entry is cited and listed with its issue's slug,
    /// title and date, and is visible only while its issue is published): changing one changes every entry.
    /// </summary>
    public static IReadOnlyList<string> FieldsItsEntriesCarry { get; } =
        [nameof(Title), nameof(TitleEn), nameof(Year), nameof(Month), nameof(IsPublished), nameof(Slug)];
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

    /// <summary>Publishes the issue, or keeps it as a draft.</summary>
    public void SetDraft(bool draft) => IsPublished = !draft;


    public Entry AddEntry(string slug, EntryContent content)
    {
        var entry = new Entry(this, slug, content);
        _entries.Add(entry);
        return entry;
    }

    /// <summary>Adds an entry at the end of its section, whatever position the content names.</summary>
    public Entry AppendEntry(string slug, EntryContent content) =>
        AddEntry(slug, content with { Position = NextPosition(content.SectionId) });

    /// <summary>The position after the last entry of a section.</summary>
    public int NextPosition(int sectionId) =>
        _entries.Where(e => e.SectionId == sectionId).Select(e => e.Position).DefaultIfEmpty(0).Max() + 1;

    /// <summary>The entries of one section in order.</summary>
    public IReadOnlyList<Entry> EntriesIn(int sectionId) =>
        _entries.Where(e => e.SectionId == sectionId).OrderBy(e => e.Position).ThenBy(e => e.Id).ToList();

    /// <summary>Swaps an entry with the one before it in its section; false when it is already first.</summary>
    public bool MoveUp(Entry entry) => Swap(entry, -1);

    /// <summary>Swaps an entry with the one after it in its section; false when it is already last.</summary>
    public bool MoveDown(Entry entry) => Swap(entry, +1);

    /// <summary>
    /// Moves an entry to the end of another section and closes the gap it leaves. It lands under the
    /// sub-heading readers see there (the last one of that section, or none): a sub-heading of the section
    /// it left would otherwise follow it ("国际" in a section that has none).
    /// </summary>
    public bool MoveTo(Entry entry, int sectionId)
    {
        if (entry.SectionId == sectionId)
        {
            return false;
        }
        var from = entry.SectionId;
        var there = EntriesIn(sectionId);
        var landsUnder = there.Count > 0 ? there[^1].Subheading : null;
        entry.MoveTo(sectionId, NextPosition(sectionId), landsUnder);
        Renumber(from);
        return true;
    }

    /// <summary>Takes an entry out of the issue and closes the gap it leaves.</summary>
    public void RemoveEntry(Entry entry)
    {
        _entries.Remove(entry);
        Renumber(entry.SectionId);
    }

    private bool Swap(Entry entry, int step)
    {
        var siblings = EntriesIn(entry.SectionId);
        var index = siblings.ToList().IndexOf(entry);
        var other = index + step;
        if (index < 0 || other < 0 || other >= siblings.Count)
        {
            return false;
        }
        // Positions are kept 1..n in each section, so swapping the two indexes is enough.
        entry.MoveTo(entry.SectionId, other + 1);
        siblings[other].MoveTo(entry.SectionId, index + 1);
        return true;
    }

    private void Renumber(int sectionId)
    {
        var siblings = EntriesIn(sectionId);
        for (var i = 0; i < siblings.Count; i++)
        {
            if (siblings[i].Position != i + 1)
            {
                siblings[i].MoveTo(sectionId, i + 1);
            }
        }
    }

    /// <summary>The issue's fields as text, for the audit log.</summary>
    public EntityFields Describe()
    {
        var fields = new EntityFields()
            .Add("title", Title)
            .Add("title_en", TitleEn)
            .Add("publisher", Publisher)
            .Add("year", Year)
            .Add("month", Month)
            .Add("volume", Volume)
            .Add("number", Number)
            .Add("introduction", Introduction)
            .Add("draft", IsPublished ? "no" : "yes");
        foreach (var section in Section.All)
        {
            fields.Add($"introduction to {section.Key}", _sectionIntros.FirstOrDefault(i => i.SectionId == section.Id)?.Markdown);
        }
        return fields;
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
    /// <summary>The introduction as readers see it, derived by the save pipeline.</summary>
    public string Html { get; private set; } = "";
    /// <summary>The introduction as plain text, derived by the save pipeline.</summary>
    public string Text { get; private set; } = "";
    /// <summary>The version of the rendering rules Html and Text were made with; null before the first.</summary>
    public int? RenderedWith { get; private set; }

    private IssueSectionIntro()
    {
    }

    internal IssueSectionIntro(int sectionId, string markdown)
    {
        SectionId = sectionId;
        Markdown = markdown;
    }
}
