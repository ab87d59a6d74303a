using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using NbsRoundup.Discovery;
using NbsRoundup.Importing;
using NbsRoundup.Web.Areas.Admin.Forms;
using NbsRoundup.Web.Reading;

namespace NbsRoundup.Web.Areas.Admin.Pages.Entries;

/// <summary>An entry's fields as the create and edit forms hold them: text as the editor typed it.</summary>
public class EntryInput
{
    [Required(ErrorMessage = "Enter the title.")]
    [StringLength(500, ErrorMessage = "At most 500 characters.")]
    [SingleLine]
    public string Title { get; set; } = "";

    [StringLength(500, ErrorMessage = "At most 500 characters.")]
    [SingleLine]
    public string? OriginalTitle { get; set; }

    [Required(ErrorMessage = "Choose a section.")]
    public string SectionKey { get; set; } = "";

    [StringLength(100, ErrorMessage = "At most 100 characters.")]
    [SingleLine]
    public string? Subheading { get; set; }

    /// <summary>Names separated by ';' or '；', resolved as an import resolves them.</summary>
    [StringLength(2000, ErrorMessage = "At most 2000 characters.")]
    [SingleLine]
    public string? Organisations { get; set; }

    /// <summary>Topic keys or names in either language, separated by ';' or '；'.</summary>
    [StringLength(1000, ErrorMessage = "At most 1000 characters.")]
    [SingleLine]
    public string? Topics { get; set; }

    /// <summary>Place codes or names in either language, separated by ';' or '；'.</summary>
    [StringLength(1000, ErrorMessage = "At most 1000 characters.")]
    [SingleLine]
    public string? Places { get; set; }

    /// <summary>The editor confirms the tags the portal suggested (saved unchanged without it, they stay suggestions).</summary>
    public bool ConfirmTags { get; set; }

    [StringLength(500, ErrorMessage = "At most 500 characters.")]
    [SingleLine]
    public string? Authors { get; set; }

    [StringLength(500, ErrorMessage = "At most 500 characters.")]
    [SingleLine]
    public string? Speaker { get; set; }

    /// <summary>As the source writes it: "10月", "2021年9月21日", "2021-09".</summary>
    [StringLength(100, ErrorMessage = "At most 100 characters.")]
    [SingleLine]
    public string? Date { get; set; }

    [StringLength(2000, ErrorMessage = "At most 2000 characters.")]
    [SingleLine]
    [HttpUrl]
    public string? Link { get; set; }

    [NewsletterMarkdown]
    [RenderableMarkdown]
    [StringLength(100_000, ErrorMessage = "At most 100,000 characters.")]
    public string? Summary { get; set; }

    public bool Draft { get; set; }

    /// <summary>The source printed a link that is not known yet (`link: #`); ignored once a link is given.</summary>
    public bool LinkAwaited { get; set; }

    /// <summary>The link the form was last filled from: filling again from it fills only fields left blank.</summary>
    [StringLength(2000)]
    public string? FilledFrom { get; set; }

    /// <summary>The warnings the editor was shown on the last save (a fingerprint): saving again with the same ones saves.</summary>
    [StringLength(64)]
    public string? WarningsSeen { get; set; }

    public IReadOnlyList<string> OrganisationNames => Names.SplitList(Organisations ?? "");

    /// <summary>The topics and places the form names (names it cannot read are left out; Read reports them).</summary>
    public EntryTags GivenTags => new(TagNames.ReadTopics(Topics).Keys, TagNames.ReadPlaces(Places).Keys);

    private string? SubheadingText => FormText.Blank(Subheading?.Trim().TrimEnd(':', '：'));

    public void Fill(Entry entry)
    {
        Title = entry.Title;
        OriginalTitle = entry.OriginalTitle;
        SectionKey = Section.All.First(s => s.Id == entry.SectionId).Key;
        Subheading = entry.Subheading;
        Organisations = string.Join("; ", entry.Organisations.OrderBy(o => o.Position).Select(o => o.Organisation.Name));
        Authors = entry.Authors;
        Speaker = entry.Speaker;
        Date = entry.DateText;
        Link = entry.Link;
        LinkAwaited = entry.AwaitsLink;
        Summary = entry.Summary;
        Draft = !entry.IsPublished;
        Topics = string.Join("; ", entry.TagKeys.Topics);
        Places = string.Join("; ", entry.TagKeys.Places);
    }

    /// <summary>
    /// The entry's content, its date read relative to the issue as an import reads it; null, with
    /// the reasons in the model state, when the section, the date or a name cannot be used.
    /// </summary>
    public EntryContent? Read(Issue issue, ModelStateDictionary modelState, IStringLocalizer t)
    {
        var section = Section.All.FirstOrDefault(s => s.Key == SectionKey);
        if (section is null)
        {
            modelState.AddModelError("Input.SectionKey", t["Choose a section."]);
        }
        PartialDate? date = null;
        if (FormText.Blank(Date) is { } text)
        {
            date = PartialDateParser.Read(text, issue.Year, issue.Month).Date;
            if (date is null)
            {
                modelState.AddModelError("Input.Date", t["Write the date as the source does: 2021, 2021-09, 2021-09-21, 2021年9月21日, 10月 or 9月21日."]);
            }
        }
        if (OrganisationNames.Any(n => n.Length > 300))
        {
            modelState.AddModelError("Input.Organisations", t["An organisation's name may have at most 300 characters."]);
        }
        Unknown("Input.Topics", TagNames.ReadTopics(Topics), modelState, t);
        Unknown("Input.Places", TagNames.ReadPlaces(Places), modelState, t);
        if (!modelState.IsValid || section is null)
        {
            return null;
        }
        return new EntryContent(section.Id, 0, SubheadingText, Title.Trim(), FormText.Blank(OriginalTitle),
            NewsletterMarkdown.Normalize(Summary), FormText.Blank(Link), FormText.Blank(Authors), FormText.Blank(Speaker), date,
            AwaitsLink: LinkAwaited && FormText.Blank(Link) is null);
    }

    /// <summary>
    /// The warning an import gives for the date, in the editor's language: a day that does not exist
    /// ("2021-02-30", "9月31日") is kept as written and read as its month, never moved to another day.
    /// </summary>
    public string? DateWarning(Issue issue, IStringLocalizer t) =>
        FormText.Blank(Date) is { } text && PartialDateParser.Read(text, issue.Year, issue.Month) is { Warning: not null, Date: { } kept }
            ? t["“{0}” is not a real date: it is kept as written and read as {1}, the month only.", text, Display.Date(kept)].Value
            : null;

    private static void Unknown(string field, TagReading reading, ModelStateDictionary modelState, IStringLocalizer t)
    {
        foreach (var unknown in reading.Unknown)
        {
            modelState.AddModelError(field, unknown.Suggestion is { } closest
                ? t["“{0}” names no topic or place here; did you mean {1}?", unknown.Value, closest]
                : t["“{0}” names no topic or place here: use a key, code or name listed on the topics and places pages.", unknown.Value]);
        }
    }

    /// <summary>The form's values described as Entry.Describe describes a saved entry (organisations as typed).</summary>
    public EntityFields Describe() => new EntityFields()
        .Add("title", Title.Trim())
        .Add("original", FormText.Blank(OriginalTitle))
        .Add("section", SectionKey)
        .Add("subheading", SubheadingText)
        .Add("organisations", string.Join("; ", OrganisationNames))
        .Add("topics", EntryTags.Describe(GivenTags.Topics.Select(k => (k, false))))
        .Add("places", EntryTags.Describe(GivenTags.Places.Select(c => (c, false))))
        .Add("authors", FormText.Blank(Authors))
        .Add("speaker", FormText.Blank(Speaker))
        .Add("date", FormText.Blank(Date))
        .Add("link", FormText.Blank(Link) ?? (LinkAwaited ? "#" : null))
        .Add("summary", NewsletterMarkdown.Normalize(Summary))
        .Add("draft", Draft ? "yes" : "no");
}
