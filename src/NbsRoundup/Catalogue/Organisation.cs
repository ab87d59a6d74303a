namespace NbsRoundup.Catalogue;

/// <summary>
/// An organisation named by entries: one canonical name, an optional short
/// name, and aliases in any language, so that TNC, The Nature Conservancy and
/// 大自然保护协会 are the same organisation.
/// </summary>
public sealed class Organisation : IVersioned
{
    private readonly List<OrganisationAlias> _aliases = [];

    public int Id { get; private set; }
    public string Slug { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? ShortName { get; private set; }
    // Kept for lookups in SQL: "TNC", "tnc" and "ＴＮＣ" find the same organisation.
    public string NormalizedName { get; private set; } = "";
    public string? NormalizedShortName { get; private set; }
    public IReadOnlyList<OrganisationAlias> Aliases => _aliases;

    /// <summary>The fields every entry naming the organisation carries (its slug and names): changing one changes those entries.</summary>
    public static IReadOnlyList<string> FieldsItsEntriesCarry { get; } = [nameof(Name), nameof(ShortName), nameof(Slug)];

    /// <summary>Concurrency token: renewed on every save that changes the names or aliases.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    private Organisation()
    {
    }

    public Organisation(string slug, string name, string? shortName)
    {
        Slug = slug;
        SetNames(name, shortName);
    }

    private void SetNames(string name, string? shortName)
    {
        Name = name;
        ShortName = string.IsNullOrWhiteSpace(shortName) ? null : shortName;
        NormalizedName = Names.Normalize(Name);
        NormalizedShortName = ShortName is null ? null : Names.Normalize(ShortName);
    }

    /// <summary>Every name this organisation answers to: name, short name, aliases and slug.</summary>
    public IEnumerable<string> AllNames()
    {
        yield return Name;
        if (ShortName is not null)
        {
            yield return ShortName;
        }
        foreach (var alias in _aliases)
        {
            yield return alias.Name;
        }
        yield return Slug;
    }

    public bool Answers(string name)
    {
        var wanted = Names.Normalize(name);
        return AllNames().Any(n => Names.Normalize(n) == wanted);
    }

    /// <summary>Sets name and short name; a name given up is kept as an alias so old references still resolve.</summary>
    public void Rename(string name, string? shortName)
    {
        var previous = Name;
        SetNames(name, shortName);
        AddAlias(previous);
    }


    /// <summary>
    /// Sets exactly the names an editor gave: name, short name and aliases. Aliases that repeat
    /// the name, the short name or each other are dropped.
    /// </summary>
    public void Edit(string name, string? shortName, IEnumerable<string> aliases)
    {
        SetNames(name.Trim(), shortName?.Trim());
        var wanted = aliases.Select(a => a.Trim()).Where(a => a.Length > 0).ToList();
        _aliases.RemoveAll(a => !wanted.Any(w => Names.Normalize(w) == a.NormalizedName) || NamedBy(a.Name));
        foreach (var alias in wanted)
        {
            AddAlias(alias);
        }
    }

    /// <summary>
    /// Merges this organisation into another: every entry that names this one names the other
    /// instead (once), and this one's name, short name and aliases become the other's aliases.
    /// The caller then deletes this organisation.
    /// </summary>
    public void MergeInto(Organisation target, IEnumerable<Entry> entriesNamingThis)
    {
        if (target == this)
        {
            throw new InvalidOperationException("An organisation cannot be merged into itself.");
        }
        foreach (var entry in entriesNamingThis)
        {
            entry.ReplaceOrganisation(this, target);
        }
        target.AddAlias(Name);
        if (ShortName is not null)
        {
            target.AddAlias(ShortName);
        }
        foreach (var alias in _aliases)
        {
            target.AddAlias(alias.Name);
        }
    }

    /// <summary>The organisation's names as text, for the audit log.</summary>
    public EntityFields Describe() => new EntityFields()
        .Add("name", Name)
        .Add("short", ShortName)
        .Add("aliases", string.Join("; ", _aliases.Select(a => a.Name)));

    private bool NamedBy(string name)
    {
        var wanted = Names.Normalize(name);
        return Names.Normalize(Name) == wanted || (ShortName is not null && Names.Normalize(ShortName) == wanted);
    }

    /// <summary>Adds an alias unless the organisation already answers to it. Returns whether it was added.</summary>
    public bool AddAlias(string alias)
    {
        if (string.IsNullOrWhiteSpace(alias) || Answers(alias))
        {
            return false;
        }
        _aliases.Add(new OrganisationAlias(alias.Trim()));
        return true;
    }
}

/// <summary>Another name of an organisation, stored with its normalized form for lookups.</summary>
public sealed class OrganisationAlias
{
    public int Id { get; private set; }
    public int OrganisationId { get; private set; }
    public string Name { get; private set; } = "";
    public string NormalizedName { get; private set; } = "";

    private OrganisationAlias()
    {
    }

    public OrganisationAlias(string name)
    {
        Name = name;
        NormalizedName = Names.Normalize(name);
    }
}
