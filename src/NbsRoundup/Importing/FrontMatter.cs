using NbsRoundup.Catalogue;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace NbsRoundup.Importing;

/// <summary>
/// The YAML front matter of a newsletter file, in both directions: read by the importer, and
/// written by the exporter (MarkdownExporter). The order of the properties is the order of the
/// keys in content/README.md and in exported files.
/// </summary>
internal sealed class FrontMatter
{
    private static readonly IDeserializer _deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    // Keys without a value are left out, as an editor would write the file.
    private static readonly ISerializer _serializer = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections)
        .WithIndentedSequences()
        .Build();

    public string? Slug { get; set; }
    public string? Title { get; set; }
    public string? TitleEn { get; set; }
    public string? Publisher { get; set; }
    public int? Year { get; set; }
    public int? Month { get; set; }
    public int? Volume { get; set; }
    public int? Number { get; set; }
    /// <summary>`draft: true` keeps the issue, and so every entry in it, from readers.</summary>
    public bool? Draft { get; set; }
    public List<OrganisationYaml>? Organisations { get; set; }

    internal sealed class OrganisationYaml
    {
        public string? Slug { get; set; }
        public string? Name { get; set; }
        public string? Short { get; set; }
        public List<string>? Aliases { get; set; }
    }

    /// <summary>The front matter of an issue, naming the organisations its entries refer to.</summary>
    public static FrontMatter Of(Issue issue, IEnumerable<Organisation> organisations) => new()
    {
        Slug = issue.Slug,
        Title = issue.Title,
        TitleEn = issue.TitleEn,
        Publisher = issue.Publisher,
        Year = issue.Year,
        Month = issue.Month,
        Volume = issue.Volume,
        Number = issue.Number,
        Draft = issue.IsPublished ? null : true,
        Organisations = organisations.Select(o => new OrganisationYaml
        {
            Slug = o.Slug,
            Name = o.Name,
            Short = o.ShortName,
            Aliases = o.Aliases.OrderBy(a => a.Id).Select(a => a.Name).ToList(),
        }).ToList(),
    };

    /// <summary>The YAML between the file's two `---` lines, ending with a line break.</summary>
    public string ToYaml() => _serializer.Serialize(this);

    /// <summary>Reads the YAML; firstLine is the file line of the YAML's first line.</summary>
    public static FrontMatter? Read(string yaml, int firstLine, DiagnosticBag diagnostics)
    {
        try
        {
            return _deserializer.Deserialize<FrontMatter>(yaml) ?? new FrontMatter();
        }
        catch (YamlException ex)
        {
            var line = firstLine + (int)Math.Max(0, ex.Start.Line - 1);
            var reason = ex.InnerException?.Message ?? ex.Message;
            var cut = reason.IndexOf("): ", StringComparison.Ordinal);
            if (cut >= 0)
            {
                reason = reason[(cut + 3)..];
            }
            if (reason.Contains("not found on type", StringComparison.Ordinal))
            {
                var key = reason.Split('\'') is { Length: > 1 } parts ? parts[1] : "?";
                diagnostics.Error(line, $"unknown front matter key '{key}'; known keys: slug, title, title_en, publisher, year, month, volume, number, draft, organisations");
            }
            else
            {
                diagnostics.Error(line, $"front matter is not valid YAML: {reason}");
            }
            return null;
        }
    }

    /// <summary>Checks required fields and turns the organisations into definitions.</summary>
    public (string Slug, int Year, int Month, List<OrganisationDefinition> Organisations)? Validate(int line, DiagnosticBag diagnostics)
    {
        var ok = true;
        if (string.IsNullOrWhiteSpace(Slug))
        {
            diagnostics.Error(line, "front matter has no 'slug' (the issue's address, e.g. 2021-11)");
            ok = false;
        }
        else if (!Names.IsSlug(Slug.Trim()))
        {
            diagnostics.Error(line, $"issue slug '{Slug}' may hold only lowercase letters, digits and single hyphens");
            ok = false;
        }
        if (string.IsNullOrWhiteSpace(Title))
        {
            diagnostics.Error(line, "front matter has no 'title'");
            ok = false;
        }
        if (Year is null or < 1900 or > 2200)
        {
            if (Year is null)
            {
                diagnostics.Error(line, "front matter has no 'year'");
            }
            else
            {
                diagnostics.Error(line, $"year {Year} is out of range");
            }
            ok = false;
        }
        if (Month is null or < 1 or > 12)
        {
            if (Month is null)
            {
                diagnostics.Error(line, "front matter has no 'month'");
            }
            else
            {
                diagnostics.Error(line, $"month {Month} is not 1 to 12");
            }
            ok = false;
        }
        var organisations = ValidateOrganisations(line, diagnostics, ref ok);
        return ok ? (Slug!.Trim(), Year!.Value, Month!.Value, organisations) : null;
    }

    private List<OrganisationDefinition> ValidateOrganisations(int line, DiagnosticBag diagnostics, ref bool ok)
    {
        var result = new List<OrganisationDefinition>();
        var owners = new Dictionary<string, string>();
        foreach (var item in Organisations ?? [])
        {
            if (string.IsNullOrWhiteSpace(item.Name))
            {
                diagnostics.Error(line, "an organisation in the front matter has no 'name'");
                ok = false;
                continue;
            }
            var name = item.Name.Trim();
            var slug = string.IsNullOrWhiteSpace(item.Slug) ? Names.Slugify(item.Short ?? name, "o") : item.Slug.Trim();
            if (!Names.IsSlug(slug))
            {
                diagnostics.Error(line, $"organisation slug '{slug}' may hold only lowercase letters, digits and single hyphens");
                ok = false;
                continue;
            }
            var aliases = (item.Aliases ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).ToList();
            foreach (var n in new[] { slug, name, item.Short }.Concat(aliases).OfType<string>().Select(Names.Normalize).Distinct())
            {
                if (owners.TryGetValue(n, out var other) && other != slug)
                {
                    diagnostics.Error(line, $"the name '{n}' is given to two organisations ('{other}' and '{slug}')");
                    ok = false;
                }
                owners[n] = slug;
            }
            result.Add(new OrganisationDefinition(line, slug, name, string.IsNullOrWhiteSpace(item.Short) ? null : item.Short.Trim(), aliases));
        }
        return result;
    }
}
