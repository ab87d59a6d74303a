using Microsoft.EntityFrameworkCore;
using NbsRoundup.Catalogue;
using NbsRoundup.Data;

namespace NbsRoundup.Importing;

/// <summary>
/// Matches the organisations a file defines and names against those already in the
/// catalogue, by any of their names, and creates the ones that are new.
/// </summary>
public sealed class OrganisationResolver
{
    private readonly Dictionary<string, Organisation> _byName = [];
    private readonly HashSet<string> _slugs;
    private readonly List<OrganisationChange> _changes = [];

    /// <param name="existing">Every organisation that answers to one of the names in play (tracked: they may change).</param>
    /// <param name="takenSlugs">Every slug in the catalogue, so that a new organisation gets a free one.</param>
    public OrganisationResolver(IEnumerable<Organisation> existing, IEnumerable<string> takenSlugs)
    {
        var all = existing.ToList();
        _slugs = takenSlugs.Concat(all.Select(o => o.Slug)).ToHashSet();
        foreach (var organisation in all)
        {
            Index(organisation);
        }
    }

    /// <summary>
    /// A resolver for the given names: it loads only the organisations that answer to one of them
    /// (not the whole table, which a large import would otherwise load and track for every file).
    /// </summary>
    public static async Task<OrganisationResolver> ForNamesAsync(CatalogueDb db, IEnumerable<string?> names, CancellationToken ct = default)
    {
        var wanted = names.OfType<string>().Where(n => n.Length > 0).Select(Names.Normalize).Distinct().ToList();
        var known = await db.Organisations.Include(o => o.Aliases)
            .Where(o => wanted.Contains(o.Slug) || wanted.Contains(o.NormalizedName)
                || (o.NormalizedShortName != null && wanted.Contains(o.NormalizedShortName))
                || o.Aliases.Any(a => wanted.Contains(a.NormalizedName)))
            .ToListAsync(ct);
        return new OrganisationResolver(known, await db.Organisations.Select(o => o.Slug).ToListAsync(ct));
    }

    /// <summary>The organisations this resolver loaded from the catalogue.</summary>
    public IReadOnlyCollection<Organisation> Known => _byName.Values.Distinct().Where(o => !Created.Contains(o)).ToList();

    /// <summary>
    /// The organisations that names stand for, as an import would resolve them; names nobody
    /// answers to become new organisations, added to the context (saved with the caller's change).
    /// </summary>
    public static async Task<IReadOnlyList<Organisation>> ResolveAsync(CatalogueDb db, IEnumerable<string> names, CancellationToken ct = default)
    {
        var list = names.ToList();
        var resolver = await ForNamesAsync(db, list, ct);
        var resolved = list.Select(resolver.Resolve).Distinct().ToList();
        db.Organisations.AddRange(resolver.Created);
        return resolved;
    }

    public IReadOnlyList<OrganisationChange> Changes => _changes;
    public List<Organisation> Created { get; } = [];

    /// <summary>
    /// Applies the file's definitions: a known organisation (by slug or by any of its names) gets the names it
    /// does not answer to yet as aliases and is never renamed; an unknown one is created.
    /// </summary>
    internal void Define(OrganisationDefinition definition, DiagnosticBag diagnostics)
    {
        var names = new[] { definition.Name, definition.ShortName }.Concat(definition.Aliases).OfType<string>().ToList();
        var bySlug = _byName.Values.FirstOrDefault(o => o.Slug == definition.Slug);
        var matches = names.Select(n => _byName.GetValueOrDefault(Names.Normalize(n))).OfType<Organisation>().Distinct().ToList();
        var target = bySlug ?? matches.FirstOrDefault();
        var others = matches.Where(o => o != target).ToList();
        if (others.Count > 0)
        {
            diagnostics.Error(definition.Line, $"organisation '{definition.Name}' uses a name that already belongs to '{others[0].Name}' ({others[0].Slug}); merge the two or drop that name");
            return;
        }
        if (target is null)
        {
            target = new Organisation(UniqueSlug(definition.Slug), definition.Name, definition.ShortName);
            Created.Add(target);
            _changes.Add(new OrganisationChange(OrganisationChangeKind.New, target.Slug, target.Name));
        }
        else if (bySlug is not null && !target.Answers(definition.Name))
        {
            // A file may name a known organisation by any of its names, but never renames it: renaming is an
            // editor's explicit act in the admin area. The name the file gives becomes an alias (below).
            diagnostics.Warning(definition.Line, $"organisation '{target.Slug}' is called '{target.Name}' in the catalogue; an import never renames it, so '{definition.Name}' is kept as another of its names (rename it in the admin area)");
        }
        foreach (var name in names)
        {
            if (target.AddAlias(name))
            {
                _changes.Add(new OrganisationChange(OrganisationChangeKind.NewAlias, target.Slug, target.Name, name));
            }
        }
        Index(target);
    }

    /// <summary>The organisation an entry names; a name nobody answers to becomes a new organisation.</summary>
    public Organisation Resolve(string name)
    {
        if (_byName.TryGetValue(Names.Normalize(name), out var found))
        {
            return found;
        }
        var created = new Organisation(UniqueSlug(Names.Slugify(name, "o")), name, null);
        Created.Add(created);
        _changes.Add(new OrganisationChange(OrganisationChangeKind.New, created.Slug, created.Name));
        Index(created);
        return created;
    }

    private void Index(Organisation organisation)
    {
        foreach (var name in organisation.AllNames())
        {
            _byName.TryAdd(Names.Normalize(name), organisation);
        }
    }

    private string UniqueSlug(string wanted)
    {
        var slug = wanted;
        for (var n = 2; !_slugs.Add(slug); n++)
        {
            slug = $"{wanted}-{n}";
        }
        return slug;
    }
}

public enum OrganisationChangeKind
{
    /// <summary>A new organisation.</summary>
    New,
    /// <summary>A known organisation gets another name it answers to.</summary>
    NewAlias,
}

/// <summary>What an import does to an organisation; the portal words it in the editor's language, the command line as ToString.</summary>
public sealed record OrganisationChange(OrganisationChangeKind Kind, string Slug, string Name, string? Alias = null)
{
    public override string ToString() => Kind == OrganisationChangeKind.New
        ? $"new organisation {Name} ({Slug})"
        : $"organisation {Slug}: new alias '{Alias}'";
}
