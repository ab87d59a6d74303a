using System.Globalization;
using System.Text.RegularExpressions;
using NbsRoundup.Catalogue;
using NbsRoundup.Discovery;

namespace NbsRoundup.Search;

public enum CatalogueSort
{
    Date,
    Relevance,
}

/// <summary>A parameter the catalogue cannot use, and why; the message is an English template with arguments.</summary>
public sealed record QueryError(string Parameter, string Message, params object[] Arguments)
{
    /// <summary>The message with its arguments filled in, in English.</summary>
    public string Text => string.Format(CultureInfo.InvariantCulture, Message, Arguments);

    public override string ToString() => $"{Parameter}: {Text}";
}

/// <summary>
/// One catalogue query, as the page, the API, the exports and the feeds all take it from the
/// query string: q, section (repeatable), issue, organisation, from, to, sort, page, pageSize;
/// topic and place (repeatable, each must match), exact.
/// </summary>
public sealed partial record CatalogueQuery
{
    public const int MaxKeywordLength = 200;
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;
    public const int MaxPage = 10_000;

    public string? Keywords { get; init; }
    public IReadOnlyList<string> Sections { get; init; } = [];
    public string? Issue { get; init; }
    public string? Organisation { get; init; }
    /// <summary>Entries whose dates overlap [From.Start, To.End] pass.</summary>
    public PartialDate? From { get; init; }
    public PartialDate? To { get; init; }
    public CatalogueSort Sort { get; init; } = CatalogueSort.Date;
    /// <summary>Topic keys; an entry must have every one.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];
    /// <summary>Place codes; an entry must fall within every one (a region takes in its countries).</summary>
    public IReadOnlyList<string> Places { get; init; } = [];
    /// <summary>Keywords as typed only: no glossary expansion into the other language.</summary>
    public bool Exact { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>
    /// Every parameter Parse reads, in the order it reads them: the catalogue's whole query-string
    /// vocabulary, found by running Parse itself, so a parameter added there is known everywhere.
    /// </summary>
    public static IReadOnlyList<string> Parameters { get; } = ReadBy(Parse);

    private static List<string> ReadBy(Func<Func<string, IReadOnlyList<string>>, (CatalogueQuery, IReadOnlyList<QueryError>)> parse)
    {
        var names = new List<string>();
        parse(name =>
        {
            names.Add(name);
            return [];
        });
        return names.Distinct().ToList();
    }

    /// <summary>
    /// A parameter the catalogue does not read is refused rather than ignored: `secton=research` would
    /// otherwise answer with every section. Others the whole site reads (the language) are allowed.
    /// </summary>
    public static IReadOnlyList<QueryError> Unknown(IEnumerable<string> given, IReadOnlyCollection<string> alsoAllowed) =>
        given.Where(name => !Parameters.Contains(name, StringComparer.OrdinalIgnoreCase) && !alsoAllowed.Contains(name, StringComparer.OrdinalIgnoreCase))
            .Select(name => new QueryError(name, "unknown parameter '{0}'; the catalogue reads {1}", name, string.Join(", ", Parameters)))
            .ToList();

    public bool HasFilters => Keywords is not null || HasFiltersBesideKeywords;

    public bool HasFiltersBesideKeywords => Sections.Count > 0 || Issue is not null || Organisation is not null || From is not null || To is not null
        || Topics.Count > 0 || Places.Count > 0;

    /// <summary>Reads and checks query-string parameters; every problem is reported, none is silently ignored.</summary>
    public static (CatalogueQuery Query, IReadOnlyList<QueryError> Errors) Parse(Func<string, IReadOnlyList<string>> parameter)
    {
        var errors = new List<QueryError>();
        // A character that cannot be searched (a control, U+FFFE) is refused here, naming the parameter:
        // normalisation would throw on it, and a feed's XML could not hold it.
        List<string> Usable(string name)
        {
            var values = parameter(name);
            foreach (var value in values)
            {
                if (Characters.FindUnusable(value) is { } found)
                {
                    errors.Add(new QueryError(name, "'{0}' holds the character {1}, which cannot be searched", name, found.CodePoint));
                }
            }
            return values.Where(Characters.AreUsable).ToList();
        }
        string? Single(string name)
        {
            var values = Usable(name).Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
            if (values.Count > 1)
            {
                errors.Add(new QueryError(name, "give '{0}' once, not {1} times", name, values.Count));
            }
            return values.Count == 0 ? null : values[0].Trim();
        }

        var keywords = Single("q");
        if (keywords is { Length: > MaxKeywordLength })
        {
            errors.Add(new QueryError("q", "keywords may be at most {0} characters", MaxKeywordLength));
        }
        var sections = Usable("section").SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList();
        foreach (var unknown in sections.Where(s => Section.All.All(known => known.Key != s)))
        {
            errors.Add(new QueryError("section", "unknown section '{0}'; sections are {1}", unknown, string.Join(", ", Section.All.Select(s => s.Key))));
        }
        var issue = Single("issue");
        if (issue is not null && !Names.IsSlug(issue))
        {
            errors.Add(new QueryError("issue", "'{0}' is not an issue slug", issue));
        }
        var organisation = Single("organisation");
        if (organisation is { Length: > 300 })
        {
            errors.Add(new QueryError("organisation", "an organisation name may be at most {0} characters", 300));
        }
        var from = Bound("from", Single("from"), errors);
        var to = Bound("to", Single("to"), errors);
        if (from is not null && to is not null && from.Start > to.End)
        {
            errors.Add(new QueryError("to", "'to' ({0}) is before 'from' ({1})", to.Iso, from.Iso));
        }
        var sort = Single("sort") switch
        {
            null => keywords is null ? CatalogueSort.Date : CatalogueSort.Relevance,
            "date" => CatalogueSort.Date,
            "relevance" when keywords is not null => CatalogueSort.Relevance,
            "relevance" => Invalid(CatalogueSort.Date, new QueryError("sort", "sorting by relevance needs keywords (q)")),
            var other => Invalid(CatalogueSort.Date, new QueryError("sort", "unknown sort '{0}'; use date or relevance", other)),
        };
        var topics = Tags("topic", parameter("topic"), errors, v => Discovery.Topics.Find(v)?.Key, TagNames.ClosestTopic,
            "topics are " + string.Join(", ", Discovery.Topics.All.Select(t => t.Key)));
        var places = Tags("place", parameter("place"), errors, v => Discovery.Places.Find(v)?.Code, TagNames.ClosestPlace,
            "places are ISO country codes (BZ), UN M49 region codes (419), global, or their names in English or Chinese");
        var exact = Single("exact") switch
        {
            null or "false" => false,
            "true" => true,
            var other => Invalid(false, new QueryError("exact", "exact is '{0}'; use true (keywords as typed only) or false", other)),
        };
        var page = Number("page", Single("page"), 1, MaxPage, 1, errors);
        var pageSize = Number("pageSize", Single("pageSize"), 1, MaxPageSize, DefaultPageSize, errors);

        var query = new CatalogueQuery
        {
            Keywords = keywords, Sections = sections, Issue = issue, Organisation = organisation,
            From = from, To = to, Sort = sort, Page = page, PageSize = pageSize,
            Topics = topics, Places = places, Exact = exact,
        };
        return (query, errors);

        T Invalid<T>(T fallback, QueryError error)
        {
            errors.Add(error);
            return fallback;
        }
    }

    /// <summary>
    /// Topic or place values (keys, codes or names in either language; a value may list several,
    /// separated by `;` or `；`, as the search form's place field does) as keys, in the order given;
    /// unknown ones are errors.
    /// </summary>
    private static List<string> Tags(string name, IReadOnlyList<string> values, List<QueryError> errors, Func<string, string?> find, Func<string, string?> closest, string known)
    {
        var keys = new List<string>();
        foreach (var value in values.SelectMany(v => Names.SplitList(v ?? "")))
        {
            if (value.Length > 100)
            {
                errors.Add(new QueryError(name, "a {0} may be at most {1} characters", name, 100));
            }
            else if (find(value) is { } key)
            {
                keys.Add(key);
            }
            else if (closest(value) is { } suggestion)
            {
                errors.Add(new QueryError(name, "unknown {0} '{1}'; did you mean {2}?", name, value, suggestion));
            }
            else
            {
                errors.Add(new QueryError(name, "unknown {0} '{1}'; {2}", name, value, known));
            }
        }
        return keys.Distinct().ToList();
    }

    private static PartialDate? Bound(string name, string? value, List<QueryError> errors)
    {
        if (value is null)
        {
            return null;
        }
        var match = IsoDate().Match(value);
        if (match.Success)
        {
            var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            int? month = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : null;
            int? day = match.Groups[3].Success ? int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) : null;
            if (year >= 1 && month is null or (>= 1 and <= 12) && (day is null || day <= DateTime.DaysInMonth(year, month!.Value)) && day is not 0)
            {
                return new PartialDate(year, month, day, value);
            }
        }
        errors.Add(new QueryError(name, "'{0}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD", value));
        return null;
    }

    private static int Number(string name, string? value, int min, int max, int fallback, List<QueryError> errors)
    {
        if (value is null)
        {
            return fallback;
        }
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            errors.Add(new QueryError(name, "'{0}' must be a whole number from {1} to {2}", name, min, max));
            return fallback;
        }
        return number;
    }

    /// <summary>The query as query-string pairs, in a stable order, without defaults: the shareable address of a result set.</summary>
    public IEnumerable<KeyValuePair<string, string>> ToParameters(bool withPaging = true)
    {
        if (Keywords is not null)
        {
            yield return new("q", Keywords);
        }
        foreach (var section in Sections)
        {
            yield return new("section", section);
        }
        if (Issue is not null)
        {
            yield return new("issue", Issue);
        }
        if (Organisation is not null)
        {
            yield return new("organisation", Organisation);
        }
        if (From is not null)
        {
            yield return new("from", From.Iso);
        }
        if (To is not null)
        {
            yield return new("to", To.Iso);
        }
        foreach (var topic in Topics)
        {
            yield return new("topic", topic);
        }
        foreach (var place in Places)
        {
            yield return new("place", place);
        }
        if (Exact)
        {
            yield return new("exact", "true");
        }
        if ((Sort == CatalogueSort.Date && Keywords is not null) || (Sort == CatalogueSort.Relevance && Keywords is null))
        {
            yield return new("sort", Sort == CatalogueSort.Date ? "date" : "relevance");
        }
        if (withPaging && Page != 1)
        {
            yield return new("page", Page.ToString(CultureInfo.InvariantCulture));
        }
        if (withPaging && PageSize != DefaultPageSize)
        {
            yield return new("pageSize", PageSize.ToString(CultureInfo.InvariantCulture));
        }
    }

    [GeneratedRegex(@"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();
}
