namespace NbsRoundup.Web.Areas.Admin.Pages.Entries;

/// <summary>What the shared entry fields (_EntryFields.cshtml) show, from the create or the edit page.</summary>
public interface IEntryForm
{
    EntryInput Input { get; }

    /// <summary>Sub-headings already used in the issue, offered as the editor types.</summary>
    IReadOnlyList<string> Subheadings { get; }

    /// <summary>The saved date in words ("2021年10月"), so the editor sees how the text was read.</summary>
    string? DateReadAs { get; }

    /// <summary>The summary rendered as readers will see it, after "Preview".</summary>
    string? PreviewHtml { get; }
}
