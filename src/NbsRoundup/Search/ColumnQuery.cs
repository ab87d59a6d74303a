using NbsRoundup.Catalogue;

namespace NbsRoundup.Search;

/// <summary>
/// A catalogue query's filters and sorts over <see cref="CatalogueColumns"/>. Slots are in the
/// catalogue's order, so a filtered list of ascending slots is already sorted by date.
/// </summary>
internal sealed class ColumnQuery
{
    private readonly CatalogueColumns _columns;
    private readonly bool[]? _sections;
    private readonly int? _issueId;
    private readonly int? _organisation;
    private readonly ulong _topics;
    private readonly int[] _places;
    private readonly int? _from;
    private readonly int? _to;
    /// <summary>A filter names something no published entry has (a topic or place without entries): nothing matches.</summary>
    private readonly bool _none;

    /// <summary>The query's filters; its issue and organisation come resolved to their ids (an organisation by name, slug or alias).</summary>
    public ColumnQuery(CatalogueColumns columns, CatalogueQuery query, int? issueId, int? organisationId)
    {
        _columns = columns;
        if (query.Sections.Count > 0)
        {
            _sections = new bool[256];
            foreach (var section in Section.All.Where(s => query.Sections.Contains(s.Key)))
            {
                _sections[section.Id] = true;
            }
        }
        _issueId = issueId;
        if (organisationId is { } id)
        {
            _organisation = columns.OrganisationIndex(id);
            _none |= _organisation < 0;
        }
        foreach (var key in query.Topics)
        {
            var bit = Discovery.Topics.All.Select(t => t.Key).ToList().IndexOf(key);
            _none |= bit < 0;
            _topics |= bit < 0 ? 0 : 1UL << bit;
        }
        _places = query.Places.Select(columns.PlaceIndex).ToArray();
        _none |= _places.Any(p => p < 0);
        _from = query.From is { } from ? from.Start.DayNumber : null;
        _to = query.To is { } to ? to.End.DayNumber : null;
    }

    /// <summary>Every published entry the filters keep, in the catalogue's order.</summary>
    public int[] All()
    {
        if (_none)
        {
            return [];
        }
        var kept = new List<int>();
        for (var s = 0; s < _columns.Count; s++)
        {
            if (Keeps(s))
            {
                kept.Add(s);
            }
        }
        return kept.ToArray();
    }

    /// <summary>The entries of the given ids (keyword matches) the filters keep, in the catalogue's order.</summary>
    public int[] Among(IEnumerable<int> ids)
    {
        if (_none)
        {
            return [];
        }
        // The full-text index holds visible entries only; an id without a slot changed since the columns were read.
        var slots = ids.Select(_columns.SlotOf).Where(s => s >= 0 && Keeps(s)).ToArray();
        Array.Sort(slots);
        return slots;
    }

    /// <summary>
    /// The slots by relevance, as the SQL sorts them: matches of the keywords as typed first, then
    /// by rank (lower is better), newest first with undated last, then id.
    /// </summary>
    public int[] ByRelevance(int[] slots, IReadOnlyDictionary<int, double> rankById, IReadOnlySet<int>? typed)
    {
        var ids = _columns.Ids;
        var starts = _columns.Starts;
        var keyed = slots.Select(s => (Slot: s, Exact: typed is null || typed.Contains(ids[s]), Rank: rankById[ids[s]])).ToArray();
        Array.Sort(keyed, (a, b) => (b.Exact, a.Rank, starts[b.Slot], ids[a.Slot]).CompareTo((a.Exact, b.Rank, starts[a.Slot], ids[b.Slot])));
        return keyed.Select(k => k.Slot).ToArray();
    }

    private bool Keeps(int s)
    {
        var c = _columns;
        if (_sections is not null && !_sections[c.Sections[s]])
        {
            return false;
        }
        if (_issueId is { } issue && c.Issues[s] != issue)
        {
            return false;
        }
        if ((c.TopicBits[s] & _topics) != _topics)
        {
            return false;
        }
        // An undated entry has neither end nor start, and is outside every date range (as NULL compares in SQL).
        if (_from is { } from && (c.Ends[s] < 0 || c.Ends[s] < from))
        {
            return false;
        }
        if (_to is { } to && (c.Starts[s] < 0 || c.Starts[s] > to))
        {
            return false;
        }
        if (_organisation is { } organisation && !Contains(c.OrganisationOf, c.OrganisationStart[s], c.OrganisationStart[s + 1], organisation))
        {
            return false;
        }
        foreach (var place in _places)
        {
            if (!Contains(c.PlaceOf, c.PlaceStart[s], c.PlaceStart[s + 1], place))
            {
                return false;
            }
        }
        return true;
    }

    private static bool Contains(int[] values, int from, int to, int value)
    {
        for (var i = from; i < to; i++)
        {
            if (values[i] == value)
            {
                return true;
            }
        }
        return false;
    }
}
