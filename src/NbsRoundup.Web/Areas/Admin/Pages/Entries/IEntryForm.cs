using NbsRoundup.Importing;
using NbsRoundup.Rendering;

namespace NbsRoundup.Web.Areas.Admin.Pages.Entries;

/// <summary>What the shared entry fields (_EntryFields.cshtml) show, from the create or the edit page.</summary>
public interface IEntryForm
{
    EntryInput Input { get; }

    /// <summary>Sub-headings already used in the issue, offered as the editor types.</summary>
    IReadOnlyList<string> Subheadings { get; }

    /// <summary>The saved date in words ("2021年10月"), so the editor sees how the text was read.</summary>
    string? DateReadAs { get; }

    /// <summary>The saved topics and places were suggested by the portal and no editor has confirmed them.</summary>
    bool TagsSuggested { get; }

    /// <summary>The summary rendered as readers will see it, after "Preview".</summary>
    string? PreviewHtml { get; }

    /// <summary>Marks of a fill from a link, organisations it names, possible duplicates and the date's warning.</summary>
    EntryNotes Notes { get; }
}

/// <summary>What the create and edit forms both look up and show.</summary>
public static class EntryForms
{
    /// <summary>Sub-headings already used in an issue, offered as the editor types.</summary>
    public static async Task<IReadOnlyList<string>> SubheadingsAsync(CatalogueDb db, int issueId, CancellationToken ct) =>
        await db.Entries.AsNoTracking().Where(e => e.IssueId == issueId && e.Subheading != null)
            .Select(e => e.Subheading!).Distinct().ToListAsync(ct);

    /// <summary>The summary as typed, rendered as readers will see it; null when it cannot be (the field's message says why).</summary>
    public static string? Preview(EntryInput input)
    {
        try
        {
            return MarkdownRenderer.ToHtml(NewsletterMarkdown.Normalize(input.Summary));
        }
        catch (MarkdownTooComplexException)
        {
            return null;
        }
    }
}
