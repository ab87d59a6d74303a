namespace NbsRoundup.Catalogue;

/// <summary>
/// An organisation named by entries: one canonical name, an optional short
/// name, and aliases in any language, so that TNC, The Nature Conservancy and
/// 大自然保护协会 are the same organisation.
/// </summary>
public sealed class Organisation
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
