namespace NbsRoundup.Catalogue;

/// <summary>
/// One item of an issue: a report, a paper, a pledge, a quoted view, a meeting.
/// Its slug is its permalink and the key that re-imports match on.
/// </summary>
public sealed class Entry : IVersioned
{
    private readonly List<EntryOrganisation> _organisations = [];

    public int Id { get; private set; }
    public string Slug { get; private set; } = "";
    public int IssueId { get; private set; }
    public Issue Issue { get; private set; } = null!;
    public int SectionId { get; private set; }
    public Section Section { get; private set; } = null!;
    /// <summary>Order within its section of its issue.</summary>
    public int Position { get; private set; }
    /// <summary>Heading inside the section (国际, 新的承诺, 多方观点 ...), if any.</summary>
    public string? Subheading { get; private set; }
    /// <summary>Title as printed, Chinese.</summary>
    public string Title { get; private set; } = "";
    /// <summary>Title in the original language, when the source gives one.</summary>
    public string? OriginalTitle { get; private set; }
    /// <summary>Summary, or for a quoted view the quotation; Markdown.</summary>
    public string Summary { get; private set; } = "";
    /// <summary>The summary as readers see it: rendered and sanitised HTML, derived by the save pipeline.</summary>
    public string SummaryHtml { get; private set; } = "";
    /// <summary>The summary as plain text, for search, exports and meta tags; derived by the save pipeline.</summary>
    public string SummaryText { get; private set; } = "";
    /// <summary>The version of the rendering rules SummaryHtml and SummaryText were made with; null before the first.</summary>
    public int? RenderedWith { get; private set; }
    public string? Link { get; private set; }
    /// <summary>Authors as written ("Pettorelli et al.", "曾楠等").</summary>
    public string? Authors { get; private set; }
    /// <summary>Who is quoted, for a quoted view.</summary>
    public string? Speaker { get; private set; }

    // The partial date, flattened so that queries can filter on its span.
    public int? DateYear { get; private set; }
    public int? DateMonth { get; private set; }
    public int? DateDay { get; private set; }
    public string? DateText { get; private set; }
    public DateOnly? DateStart { get; private set; }
    public DateOnly? DateEnd { get; private set; }

    public IReadOnlyList<EntryOrganisation> Organisations => _organisations;

    /// <summary>When the entry was last added or changed (UTC); set on save.</summary>
    public DateTime UpdatedAt { get; private set; }

    /// <summary>A draft entry is invisible to readers, the catalogue, feeds, exports and the API.</summary>
    public bool IsPublished { get; private set; } = true;

    /// <summary>Concurrency token: renewed on every save that changes the entry or its organisations.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    private Entry()
    {
    }

    internal Entry(Issue issue, string slug, EntryContent content)
    {
        Issue = issue;
        Slug = slug;
        Update(content);
    }

    public void Publish() => IsPublished = true;

    public void Unpublish() => IsPublished = false;

    /// <summary>Publishes the entry, or keeps it as a draft.</summary>
    public void SetDraft(bool draft) => IsPublished = !draft;


    internal void MoveTo(int sectionId, int position)
    {
        SectionId = sectionId;
        Position = position;
    }

    /// <summary>Replaces one organisation by another in this entry's list, keeping its place; never links one twice.</summary>
    public void ReplaceOrganisation(Organisation old, Organisation replacement)
    {
        var list = _organisations.OrderBy(o => o.Position).Select(o => o.Organisation == old ? replacement : o.Organisation).Distinct().ToList();
        SetOrganisations(list);
    }

    /// <summary>The entry's fields as text, for the audit log.</summary>
    public EntityFields Describe() => new EntityFields()
        .Add("title", Title)
        .Add("original", OriginalTitle)
        .Add("section", Section.All.FirstOrDefault(s => s.Id == SectionId)?.Key)
        .Add("subheading", Subheading)
        .Add("position", Position)
        .Add("organisations", string.Join("; ", _organisations.OrderBy(o => o.Position).Select(o => o.Organisation.Name)))
        .Add("authors", Authors)
        .Add("speaker", Speaker)
        .Add("date", DateText)
        .Add("link", Link)
        .Add("summary", Summary)
        .Add("draft", IsPublished ? "no" : "yes");

    public PartialDate? Date => DateYear is { } year && DateText is not null
        ? new PartialDate(year, DateMonth, DateDay, DateText)
        : null;

    /// <summary>Everything about the entry except its organisations.</summary>
    public EntryContent Content => new(SectionId, Position, Subheading, Title, OriginalTitle, Summary, Link, Authors, Speaker, Date);

    public void Update(EntryContent content)
    {
        SectionId = content.SectionId;
        Position = content.Position;
        Subheading = content.Subheading;
        Title = content.Title;
        OriginalTitle = content.OriginalTitle;
        Summary = content.Summary;
        Link = content.Link;
        Authors = content.Authors;
        Speaker = content.Speaker;
        SetDate(content.Date);
    }

    private void SetDate(PartialDate? date)
    {
        DateYear = date?.Year;
        DateMonth = date?.Month;
        DateDay = date?.Day;
        DateText = date?.Text;
        DateStart = date?.Start;
        DateEnd = date?.End;
    }

    /// <summary>Replaces the organisations, keeping the given order.</summary>
    public void SetOrganisations(IReadOnlyList<Organisation> organisations)
    {
        // Links that stay are kept (only their position changes): removing and re-adding
        // the same pair would make the change tracker see two rows with one key.
        _organisations.RemoveAll(link => !organisations.Contains(link.Organisation));
        for (var i = 0; i < organisations.Count; i++)
        {
            var existing = _organisations.FirstOrDefault(link => link.Organisation == organisations[i]);
            if (existing is null)
            {
                _organisations.Add(new EntryOrganisation(organisations[i], i));
            }
            else
            {
                existing.Position = i;
            }
        }
        _organisations.Sort((a, b) => a.Position.CompareTo(b.Position));
    }
}

/// <summary>The fields of an entry that an import or an editor sets.</summary>
public sealed record EntryContent(
    int SectionId,
    int Position,
    string? Subheading,
    string Title,
    string? OriginalTitle,
    string Summary,
    string? Link,
    string? Authors,
    string? Speaker,
    PartialDate? Date);

/// <summary>An organisation named by an entry, in the order the entry names them.</summary>
public sealed class EntryOrganisation
{
    public int EntryId { get; private set; }
    public int OrganisationId { get; private set; }
    public Organisation Organisation { get; private set; } = null!;
    public int Position { get; internal set; }

    private EntryOrganisation()
    {
    }

    internal EntryOrganisation(Organisation organisation, int position)
    {
        Organisation = organisation;
        Position = position;
    }
}
