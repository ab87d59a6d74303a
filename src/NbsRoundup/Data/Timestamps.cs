using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using NbsRoundup.Catalogue;

namespace NbsRoundup.Data;

/// <summary>
/// Sets UpdatedAt on issues and entries that a save adds or changes (an entry's organisation
/// links count as a change to it): feeds, sitemaps and HTTP caching read it.
/// </summary>
internal static class Timestamps
{
    public static void Stamp(ChangeTracker tracker, DateTime now)
    {
        var linked = tracker.Entries<EntryOrganisation>()
            .Where(l => l.State is EntityState.Added or EntityState.Deleted or EntityState.Modified)
            .Select(l => l.Entity.EntryId)
            .ToHashSet();
        foreach (var entry in tracker.Entries<Entry>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified || linked.Contains(entry.Entity.Id))
            {
                entry.Property(e => e.UpdatedAt).CurrentValue = now;
            }
        }
        foreach (var issue in tracker.Entries<Issue>().Where(i => i.State is EntityState.Added or EntityState.Modified))
        {
            issue.Property(i => i.UpdatedAt).CurrentValue = now;
        }
    }
}
