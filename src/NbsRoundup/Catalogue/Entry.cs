namespace NbsRoundup.Catalogue;

/// <summary>
/// One item of an issue: a report, a paper, a pledge, a quoted view, a meeting.
/// Its slug is its permalink and the key that re-imports match on.
/// </summary>
public sealed class Entry : IVersioned
{
    private readonly List<EntryOrganisation> _organisations = [];
    private readonly List<EntryTag> _tags = [];

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

    /// <summary>
    /// The source printed a link for this entry that is not known yet (`link: #` in a newsletter file): the
    /// entry waits for its address. Readers see no link; the editors' work list shows it. Never true with a link.
    /// </summary>
    public bool AwaitsLink { get; private set; }

    /// <summary>
    /// The link's comparison key (see Lookup.LinkNormaliser), indexed, so that a link already in the catalogue
    /// is found in one look-up however it was written. Derived from Link when an entry is saved; null without a link.
    /// </summary>
    public string? LinkKey { get; private set; }
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

    /// <summary>Topics and places, curated or suggested: one table, so that a list of entries reads them in one query.</summary>
    public IReadOnlyList<EntryTag> Tags => _tags;

    /// <summary>Topic keys (`wetlands`, `finance`), curated or suggested.</summary>
    public IReadOnlyList<EntryTag> Topics => _tags.Where(t => t.Kind == TagKind.Topic).ToList();

    /// <summary>Place codes (`CN`, `419`, `global`), curated or suggested.</summary>
    public IReadOnlyList<EntryTag> Places => _tags.Where(t => t.Kind == TagKind.Place).ToList();

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

    internal void MoveTo(int sectionId, int position, string? subheading)
    {
        MoveTo(sectionId, position);
        Subheading = subheading;
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
        .Add("link", Content.WrittenLink)
        .Add("topics", EntryTags.Describe(Topics.Select(t => (t.Key, t.IsSuggested))))
        .Add("places", EntryTags.Describe(Places.Select(p => (p.Key, p.IsSuggested))))
        .Add("summary", Summary)
        .Add("draft", IsPublished ? "no" : "yes");

    /// <summary>The topic keys and place codes, curated and suggested alike.</summary>
    public EntryTags TagKeys => new(Topics.Select(t => t.Key).ToList(), Places.Select(p => p.Key).ToList());

    /// <summary>True when the entry's tags were suggested by the portal and no editor has confirmed them yet.</summary>
    public bool HasSuggestedTags => _tags.Any(t => t.IsSuggested);

    /// <summary>
    /// Replaces the topics and places: curated (an editor's or a file's), or suggested by the portal
    /// for an entry that has none. Tags that stay keep their rows (only whether they are suggested changes).
    /// </summary>
    public void SetTags(EntryTags tags, bool suggested = false)
    {
        Replace(TagKind.Topic, tags.Topics, suggested);
        Replace(TagKind.Place, tags.Places, suggested);
    }

    /// <summary>An editor confirms the suggested tags: they become curated.</summary>
    public void ConfirmTags() => SetTags(TagKeys);

    private void Replace(TagKind kind, IReadOnlyList<string> wanted, bool suggested)
    {
        // As with organisations, removing and re-adding one key would give the change tracker two rows with one key.
        _tags.RemoveAll(tag => tag.Kind == kind && !wanted.Contains(tag.Key, StringComparer.Ordinal));
        foreach (var key in wanted.Distinct(StringComparer.Ordinal))
        {
            if (_tags.FirstOrDefault(tag => tag.Kind == kind && tag.Key == key) is { } existing)
            {
                existing.IsSuggested = suggested;
            }
            else
            {
                _tags.Add(new EntryTag(kind, key, suggested));
            }
        }
    }

    public PartialDate? Date => DateYear is { } year && DateText is not null
        ? new PartialDate(year, DateMonth, DateDay, DateText)
        : null;

    /// <summary>Everything about the entry except its organisations.</summary>
    public EntryContent Content => new(SectionId, Position, Subheading, Title, OriginalTitle, Summary, Link, Authors, Speaker, Date, AwaitsLink);

    public void Update(EntryContent content)
    {
        SectionId = content.SectionId;
        Position = content.Position;
        Subheading = content.Subheading;
        Title = content.Title;
        OriginalTitle = content.OriginalTitle;
        Summary = content.Summary;
        Link = content.Link;
        AwaitsLink = content.Link is null && content.AwaitsLink;
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

/// <summary>The fields of an entry that an import or an editor sets; AwaitsLink: a link was printed but is not known yet (ignored with a link).</summary>
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
    PartialDate? Date,
    bool AwaitsLink = false)
{
    /// <summary>The link as a newsletter file writes it: the address, "#" while one is awaited, or null.</summary>
    public string? WrittenLink => Link ?? (AwaitsLink ? "#" : null);
}

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

/// <summary>What a tag of an entry names.</summary>
public enum TagKind
{
    /// <summary>A key of the fixed topic vocabularies (Discovery.Topics).</summary>
    Topic = 1,

    /// <summary>An ISO 3166-1 alpha-2 code, a UN M49 region code or `global` (Discovery.Places).</summary>
    Place = 2,
}

/// <summary>A topic or a place an entry is tagged with.</summary>
public sealed class EntryTag
{
    public int EntryId { get; private set; }
    public TagKind Kind { get; private set; }
    /// <summary>The topic key or the place code.</summary>
    public string Key { get; private set; } = "";
    /// <summary>Suggested by the portal from the entry's text, not yet confirmed by an editor.</summary>
    public bool IsSuggested { get; internal set; }

    private EntryTag()
    {
    }

    internal EntryTag(TagKind kind, string key, bool suggested)
    {
        Kind = kind;
        Key = key;
        IsSuggested = suggested;
    }
}

/// <summary>An entry's topic keys and place codes, without saying whether they are curated or suggested.</summary>
public sealed record EntryTags(IReadOnlyList<string> Topics, IReadOnlyList<string> Places)
{
    public static EntryTags None { get; } = new([], []);

    public bool IsEmpty => Topics.Count == 0 && Places.Count == 0;

    /// <summary>The same keys and codes, in any order.</summary>
    public bool Equals(EntryTags? other) =>
        other is not null && Topics.Order(StringComparer.Ordinal).SequenceEqual(other.Topics.Order(StringComparer.Ordinal), StringComparer.Ordinal)
        && Places.Order(StringComparer.Ordinal).SequenceEqual(other.Places.Order(StringComparer.Ordinal), StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(string.Join(' ', Topics.Order(StringComparer.Ordinal)), string.Join(' ', Places.Order(StringComparer.Ordinal)));

    /// <summary>Tags as the audit log writes them: in key order, `; `-separated, suggested ones marked (`wetlands (suggested)`).</summary>
    public static string Describe(IEnumerable<(string Key, bool Suggested)> tags) =>
        string.Join("; ", tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Suggested ? t.Key + " (suggested)" : t.Key));
}
