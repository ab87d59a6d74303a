using NbsRoundup.Catalogue;

namespace NbsRoundup.Discovery;

/// <summary>A topic or place name that names nothing, with the closest known one when there is a close one.</summary>
/// <param name="Value">The value as written.</param>
/// <param name="Suggestion">What was probably meant, as a key or code with its names (`wetlands` (湿地, Wetlands)), or null.</param>
public sealed record UnknownTag(string Value, string? Suggestion);

/// <summary>Topic and place lists as editors write them (Markdown `topics:`/`places:` lines, the admin form, query parameters).</summary>
/// <param name="Keys">Topic keys or place codes found, without repeats, in display order.</param>
/// <param name="Unknown">Values that name nothing.</param>
public sealed record TagReading(IReadOnlyList<string> Keys, IReadOnlyList<UnknownTag> Unknown);

/// <summary>
/// Reads topic and place names: keys, codes or names in either language, separated by `;` or `；`;
/// for a value that names nothing, suggests the closest name (a typing slip: `wetland`, `Belise`).
/// </summary>
public static class TagNames
{
    /// <summary>Topics named by a `;`-separated list: keys or names in either language.</summary>
    public static TagReading ReadTopics(string? text) => Read(text, v => Topics.Find(v)?.Key, Topics.Ordered, ClosestTopic);

    /// <summary>Places named by a `;`-separated list: codes or names in either language.</summary>
    public static TagReading ReadPlaces(string? text) => Read(text, v => Places.Find(v)?.Code, Places.Ordered, ClosestPlace);

    /// <summary>The topic a mistyped value most probably means, as "key (中文, English)", or null when none is close.</summary>
    public static string? ClosestTopic(string value) =>
        Closest(value, Topics.NamesToSuggest()) is { } topic ? $"{topic.Key} ({topic.Chinese}, {topic.English})" : null;

    /// <summary>The place a mistyped value most probably means, as "code (中文, English)", or null when none is close.</summary>
    public static string? ClosestPlace(string value) =>
        Closest(value, Places.NamesToSuggest()) is { } place ? $"{place.Code} ({place.Chinese}, {place.English})" : null;

    private static TagReading Read(string? text, Func<string, string?> find, Func<IEnumerable<string>, IReadOnlyList<string>> order, Func<string, string?> closest)
    {
        var keys = new List<string>();
        var unknown = new List<UnknownTag>();
        foreach (var value in Names.SplitList(text ?? ""))
        {
            if (find(value) is { } key)
            {
                keys.Add(key);
            }
            else
            {
                unknown.Add(new UnknownTag(value, closest(value)));
            }
        }
        return new TagReading(order(keys), unknown);
    }

    /// <summary>
    /// The thing whose name is fewest edits away from the value (names compared as Names.Normalize
    /// compares them), if that is close: one edit in a name of up to five characters, two up to ten,
    /// three beyond. Names shorter than three characters (codes) are never suggested for a slip.
    /// </summary>
    private static T? Closest<T>(string value, IEnumerable<(string Name, T Thing)> candidates)
        where T : class
    {
        var wanted = Names.Normalize(value);
        if (wanted.Length < 3)
        {
            return null;
        }
        var allowed = wanted.Length <= 5 ? 1 : wanted.Length <= 10 ? 2 : 3;
        T? best = null;
        var bestDistance = allowed + 1;
        foreach (var (name, thing) in candidates)
        {
            var candidate = Names.Normalize(name);
            if (candidate.Length < 3 || Math.Abs(candidate.Length - wanted.Length) >= bestDistance)
            {
                continue;
            }
            var distance = Distance(wanted, candidate);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (thing, distance);
            }
        }
        return best;
    }

    /// <summary>Levenshtein distance.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
