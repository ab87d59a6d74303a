using NbsRoundup.Catalogue;
using NbsRoundup.Data;

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
    public int[] Among(IReadOnlyList<int> ids)
    {
        if (_none)
        {
            return [];
        }
        // Marked by slot and read back in slot order: linear, and no sort of the matches.
        var marked = Mark(ids);
        var kept = new List<int>(ids.Count);
        for (var s = 0; s < marked.Length; s++)
        {
            if (marked[s] && Keeps(s))
            {
                kept.Add(s);
            }
        }
        return kept.ToArray();
    }

    /// <summary>
    /// The matches the filters keep (for the total and the facets, in no order), and the first
    /// <paramref name="take"/> of them by relevance as the SQL sorts them: matches of the keywords as
    /// typed first, then by rank (lower is better), newest first with undated last, then id.
    /// </summary>
    public (int[] Kept, int[] Top) ByRelevance(IReadOnlyList<SearchHit> hits, IReadOnlyList<int>? typed, int take)
    {
        if (_none)
        {
            return ([], []);
        }
        var exact = typed is null ? null : Mark(typed);
        var kept = new List<int>(hits.Count);
        // The best `take` so far, worst on top: one comparison per match for most of them.
        var best = new PriorityQueue<Relevance, Relevance>(take + 1, Relevance.WorstFirst);
        foreach (var hit in hits)
        {
            var s = _columns.SlotOf(hit.Id);
            if (s < 0 || !Keeps(s))
            {
                continue;
            }
            kept.Add(s);
            if (take == 0)
            {
                continue;
            }
            var key = new Relevance(exact is null || exact[s], hit.Rank, _columns.Starts[s], hit.Id, s);
            if (best.Count < take)
            {
                best.Enqueue(key, key);
            }
            else if (Relevance.Order.Compare(key, best.Peek()) < 0)
            {
                best.DequeueEnqueue(key, key);
            }
        }
        var top = new Relevance[best.Count];
        for (var i = top.Length - 1; i >= 0; i--)
        {
            top[i] = best.Dequeue();
        }
        return (kept.ToArray(), top.Select(r => r.Slot).ToArray());
    }

    private bool[] Mark(IReadOnlyList<int> ids)
    {
        var marked = new bool[_columns.Count];
        foreach (var id in ids)
        {
            // The full-text index holds visible entries only; an id without a slot changed since the columns were read.
            if (_columns.SlotOf(id) is var s and >= 0)
            {
                marked[s] = true;
            }
        }
        return marked;
    }

    private readonly record struct Relevance(bool Exact, double Rank, int Start, int Id, int Slot)
    {
        public static readonly Comparer<Relevance> Order = Comparer<Relevance>.Create((a, b) =>
            (b.Exact, a.Rank, b.Start, a.Id).CompareTo((a.Exact, b.Rank, a.Start, b.Id)));

        public static readonly Comparer<Relevance> WorstFirst = Comparer<Relevance>.Create((a, b) => Order.Compare(b, a));
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
