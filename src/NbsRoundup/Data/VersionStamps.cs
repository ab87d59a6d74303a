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
        // Looked up once: ChangeTracker.Entries<T>() detects changes on every call, and asking it
        // once per link made a save of n new entries take time in n² (minutes for 3,000 entries).
        var entries = Owners<Entry>(tracker, e => e.Id);
        var organisations = Owners<Organisation>(tracker, o => o.Id);
        var issues = Owners<Issue>(tracker, i => i.Id);
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
                EntryOrganisation link => entries.GetValueOrDefault(link.EntryId),
                OrganisationAlias alias => organisations.GetValueOrDefault(alias.OrganisationId),
                IssueSectionIntro intro => issues.GetValueOrDefault(intro.IssueId),
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

    /// <summary>Tracked, not deleted owners by id; the first one for an id, as a search in tracker order would find.</summary>
    private static Dictionary<int, IVersioned> Owners<T>(ChangeTracker tracker, Func<T, int> key)
        where T : class, IVersioned
    {
        var owners = new Dictionary<int, IVersioned>();
        foreach (var entry in tracker.Entries<T>())
        {
            if (entry.State != EntityState.Deleted)
            {
                owners.TryAdd(key(entry.Entity), entry.Entity);
            }
        }
        return owners;
    }
}
