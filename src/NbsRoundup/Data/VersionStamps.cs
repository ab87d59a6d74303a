using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using NbsRoundup.Catalogue;

namespace NbsRoundup.Data;

/// <summary>
/// Renews the Version of every issue, entry and organisation a save changes, including
/// changes only to what they own (an entry's organisation links, topics and places, an organisation's aliases,
/// an issue's section introductions). A change of an entry's position alone does not count:
/// forms never write positions, so moving a neighbour must not make an open form stale.
/// </summary>
internal static class VersionStamps
{
    /// <summary>Runs on changes already detected (CatalogueDb.SaveChangesAsync detects them once).</summary>
    public static void Renew(ChangeTracker tracker)
    {
        var all = tracker.Entries().ToList();
        // Owners by id, built once: looking each one up in the tracker per link made big saves quadratic.
        var entries = Owners<Entry>(all, e => e.Id);
        var organisations = Owners<Organisation>(all, o => o.Id);
        var issues = Owners<Issue>(all, i => i.Id);
        var touched = new HashSet<IVersioned>(ReferenceEqualityComparer.Instance);
        foreach (var entry in all)
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            var owner = entry.Entity switch
            {
                IVersioned versioned when entry.State != EntityState.Deleted && !OnlyPositionChanged(entry) => versioned,
                EntryOrganisation link => entries.GetValueOrDefault(link.EntryId),
                EntryTag tag => entries.GetValueOrDefault(tag.EntryId),
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
            // Through the tracker, not the entity: changes are not detected again after this.
            tracker.Context.Entry(versioned).Property(nameof(Entry.Version)).CurrentValue = Guid.NewGuid();
        }
    }

    private static bool OnlyPositionChanged(EntityEntry entry) =>
        entry.State == EntityState.Modified && entry.Entity is Entry
        && entry.Properties.Where(p => p.IsModified).All(p => p.Metadata.Name == nameof(Entry.Position));

    private static Dictionary<int, IVersioned> Owners<T>(List<EntityEntry> all, Func<T, int> key)
        where T : class, IVersioned
    {
        var owners = new Dictionary<int, IVersioned>();
        foreach (var entry in all)
        {
            if (entry.Entity is T owner && entry.State != EntityState.Deleted)
            {
                owners.TryAdd(key(owner), owner);
            }
        }
        return owners;
    }
}
