using NbsRoundup.Search;

namespace NbsRoundup.Web.Reading;

/// <summary>How an entry is shown: its heading level, whether its issue and section are named, highlighted title and summary.</summary>
public sealed record EntryView(EntryRow Entry, int HeadingLevel, bool ShowContext, bool LinkTitle = true, string? TitleHtml = null, string? SummaryHtml = null)
{
    /// <summary>The summary as readers see it: the highlighted version when there is one.</summary>
    public string Summary => SummaryHtml ?? Entry.SummaryHtml;
}
