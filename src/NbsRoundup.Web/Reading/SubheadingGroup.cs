using NbsRoundup.Search;

namespace NbsRoundup.Web.Reading;

/// <summary>Consecutive entries under one sub-heading (国际, 国内 ...), or none.</summary>
public sealed record SubheadingGroup(string? Subheading, IReadOnlyList<EntryRow> Entries)
{
    /// <summary>Groups entries, already in newsletter order, by runs of the same sub-heading.</summary>
    public static IReadOnlyList<SubheadingGroup> Of(IEnumerable<EntryRow> entries)
    {
        var groups = new List<SubheadingGroup>();
        List<EntryRow>? current = null;
        string? heading = null;
        foreach (var entry in entries)
        {
            if (current is null || entry.Subheading != heading)
            {
                current = [];
                heading = entry.Subheading;
                groups.Add(new SubheadingGroup(heading, current));
            }
            current.Add(entry);
        }
        return groups;
    }
}
