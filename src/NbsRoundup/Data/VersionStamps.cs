using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using NbsRoundup.Catalogue;

namespace NbsRoundup.Data;

/// <summary>
/// Renews the Version of every issue, entry and organisation a save changes, including
/// changes only to what they own (an entry's organisation links, an organisation's aliases,
/// an issue's section introductions). A change of an entry's position alone does not count:
/// forms never write positions, so moving a neighbour must not make an open form stale.
/// </summary>
internal static class VersionStamps
{
    public static void Renew(ChangeTracker tracker)
    {
        tracker.DetectChanges();
        var touched = new HashSet<IVersioned>(ReferenceEqualityComparer.Instance);
        foreach (var entry in tracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            var owner = entry.Entity switch
            {
                IVersioned versioned when entry.State != EntityState.Deleted && !OnlyPositionChanged(entry) => versioned,
                EntryOrganisation link => Find<Entry>(tracker, link.EntryId, e => e.Id),
                OrganisationAlias alias => Find<Organisation>(tracker, alias.OrganisationId, o => o.Id),
                IssueSectionIntro intro => Find<Issue>(tracker, intro.IssueId, i => i.Id),
                _ => null,
            };
            if (owner is not null)
            {
                touched.Add(owner);
            }
        }
        foreach (var versioned in touched)
        {
            versioned.RenewVersion();
        }
    }

    private static bool OnlyPositionChanged(EntityEntry entry) =>
        entry.State == EntityState.Modified && entry.Entity is Entry
        && entry.Properties.Where(p => p.IsModified).All(p => p.Metadata.Name == nameof(Entry.Position));

    private static IVersioned? Find<T>(ChangeTracker tracker, int id, Func<T, int> key)
        where T : class, IVersioned =>
        tracker.Entries<T>().FirstOrDefault(e => key(e.Entity) == id && e.State != EntityState.Deleted)?.Entity;
}
