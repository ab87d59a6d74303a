using NbsRoundup.Search;

namespace NbsRoundup.Web.Reading;

/// <summary>How an entry is shown: its heading level, whether its issue and section are named, highlighted title and summary.</summary>
public sealed record EntryView(EntryRow Entry, int HeadingLevel, bool ShowContext, bool LinkTitle = true, string? TitleHtml = null, string? SummaryHtml = null);
