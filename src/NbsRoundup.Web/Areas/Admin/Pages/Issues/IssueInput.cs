using System.ComponentModel.DataAnnotations;
using NbsRoundup.Importing;
using NbsRoundup.Web.Areas.Admin.Forms;

namespace NbsRoundup.Web.Areas.Admin.Pages.Issues;

/// <summary>An issue's fields as the create and edit forms hold them.</summary>
public class IssueInput
{
    [Required(ErrorMessage = "Enter the title.")]
    [StringLength(300, ErrorMessage = "At most 300 characters.")]
    [SingleLine]
    public string Title { get; set; } = "";

    [StringLength(300, ErrorMessage = "At most 300 characters.")]
    [SingleLine]
    public string? TitleEn { get; set; }

    [StringLength(300, ErrorMessage = "At most 300 characters.")]
    [SingleLine]
    public string? Publisher { get; set; }

    [Required(ErrorMessage = "Enter the year.")]
    [Range(1900, 2200, ErrorMessage = "Enter a year from 1900 to 2200.")]
    public int? Year { get; set; }

    [Required(ErrorMessage = "Enter the month.")]
    [Range(1, 12, ErrorMessage = "Enter a month from 1 to 12.")]
    public int? Month { get; set; }

    [Range(1, 10000, ErrorMessage = "Enter a whole number from 1 to 10000.")]
    public int? Volume { get; set; }

    [Range(1, 10000, ErrorMessage = "Enter a whole number from 1 to 10000.")]
    public int? Number { get; set; }

    [NewsletterMarkdown]
    [RenderableMarkdown]
    [StringLength(100_000, ErrorMessage = "At most 100,000 characters.")]
    public string? Introduction { get; set; }

    /// <summary>This issue's introduction to each section, in the order of Section.All.</summary>
    [NewsletterMarkdown]
    [RenderableMarkdown]
    public List<string?> SectionIntros { get; set; } = Section.All.Select(_ => (string?)null).ToList();

    public bool Draft { get; set; }

    public IssueDetails Details => new(Title.Trim(), FormText.Blank(TitleEn), FormText.Blank(Publisher),
        Year ?? 0, Month ?? 0, Volume, Number, NewsletterMarkdown.Normalize(Introduction));

    public void Fill(Issue issue)
    {
        var d = issue.Details;
        (Title, TitleEn, Publisher, Year, Month, Volume, Number, Introduction) = (d.Title, d.TitleEn, d.Publisher, d.Year, d.Month, d.Volume, d.Number, d.Introduction);
        SectionIntros = Section.All.Select(s => issue.SectionIntros.FirstOrDefault(i => i.SectionId == s.Id)?.Markdown).ToList();
        Draft = !issue.IsPublished;
    }

    public void ApplyTo(Issue issue)
    {
        issue.Update(Details);
        for (var i = 0; i < Section.All.Count; i++)
        {
            issue.SetSectionIntro(Section.All[i].Id, NewsletterMarkdown.Normalize(SectionIntros.ElementAtOrDefault(i)));
        }
        issue.SetDraft(Draft);
    }

    /// <summary>The form's values described as Issue.Describe describes a saved issue.</summary>
    public EntityFields Describe()
    {
        var d = Details;
        var fields = new EntityFields().Add("title", d.Title).Add("title_en", d.TitleEn).Add("publisher", d.Publisher)
            .Add("year", d.Year).Add("month", d.Month).Add("volume", d.Volume).Add("number", d.Number)
            .Add("introduction", d.Introduction).Add("draft", Draft ? "yes" : "no");
        for (var i = 0; i < Section.All.Count; i++)
        {
            fields.Add($"introduction to {Section.All[i].Key}", NewsletterMarkdown.Normalize(SectionIntros.ElementAtOrDefault(i)));
        }
        return fields;
    }
}
