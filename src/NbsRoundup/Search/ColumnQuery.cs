using System.Buffers;
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
            var bit = CatalogueColumns.TopicBit(key);
            _none |= bit < 0;
            _topics |= bit < 0 ? 0 : 1UL << bit;
        }
        _places = query.Places.Select(columns.PlaceIndex).ToArray();
        _none |= _places.Any(p => p < 0);
        _from = query.From is { } from ? from.Start.DayNumber : null;
        _to = query.To is { } to ? to.End.DayNumber : null;
    }

    /// <summary>Every published entry the filters keep, in the catalogue's order.</summary>
    public ColumnSlots All()
    {
        var kept = new ColumnSlots(_none ? 0 : _columns.Count);
        for (var s = 0; s < kept.Capacity; s++)
        {
            if (Keeps(s))
            {
                kept.Add(s);
            }
        }
        return kept;
    }

    /// <summary>The entries of the given ids (keyword matches, read as they come) the filters keep, in the catalogue's order.</summary>
    public async Task<ColumnSlots> AmongAsync(IAsyncEnumerable<int> ids, CancellationToken ct)
    {
        // Marked by slot and read back in slot order: linear, and no sort of the matches.
        var marked = await MarkAsync(ids, ct);
        try
        {
            var kept = new ColumnSlots(_none ? 0 : _columns.Count);
            for (var s = 0; s < kept.Capacity; s++)
            {
                if (marked[s] && Keeps(s))
                {
                    kept.Add(s);
                }
            }
            return kept;
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(marked);
        }
    }

    /// <summary>
    /// The matches the filters keep (for the total and the facets, in no order), and the first
    /// <paramref name="take"/> of them by relevance as the SQL sorts them: matches of the keywords as
    /// typed first, then by rank (lower is better), newest first with undated last, then id.
    /// <paramref name="typed"/>: the matches of the keywords as typed, when the glossary expanded them
    /// and the hits do not say it themselves.
    /// </summary>
    public async Task<(ColumnSlots Kept, int[] Top)> ByRelevanceAsync(IAsyncEnumerable<RankedHit> hits, IAsyncEnumerable<int>? typed, int take, CancellationToken ct)
    {
        var exact = typed is null ? null : await MarkAsync(typed, ct);
        try
        {
            var kept = new ColumnSlots(_none ? 0 : _columns.Count);
            // The best `take` so far, worst on top: one comparison per match for most of them.
            var best = new PriorityQueue<Relevance, Relevance>(take + 1, Relevance.WorstFirst);
            await foreach (var hit in hits.WithCancellation(ct))
            {
                var s = _columns.SlotOf(hit.Id);
                if (_none || s < 0 || !Keeps(s))
                {
                    continue;
                }
                kept.Add(s);
                var key = new Relevance(exact is null ? hit.Typed : exact[s], hit.Rank, _columns.Starts[s], hit.Id, s);
                if (best.Count < take)
                {
                    best.Enqueue(key, key);
                }
                else if (take > 0 && Relevance.Order.Compare(key, best.Peek()) < 0)
                {
                    best.DequeueEnqueue(key, key);
                }
            }
            var top = new int[best.Count];
            for (var i = top.Length - 1; i >= 0; i--)
            {
                top[i] = best.Dequeue().Slot;
            }
            return (kept, top);
        }
        finally
        {
            if (exact is not null)
            {
                ArrayPool<bool>.Shared.Return(exact);
            }
        }
    }

    /// <summary>A pooled array with the slots of the given ids marked (and no other among the first Count); return it to the pool.</summary>
    private async Task<bool[]> MarkAsync(IAsyncEnumerable<int> ids, CancellationToken ct)
    {
        // Pooled: at 100,000 entries a fresh array is a large-object allocation per query, and their
        // collections were most of the gap between the p50 and the p95.
        var marked = ArrayPool<bool>.Shared.Rent(Math.Max(1, _columns.Count));
        // The shared pool gives no promise of a clean array: other code (Npgsql's, for one) returns
        // arrays it did not clear, which marked entries no keyword matched (a parity test on PostgreSQL).
        Array.Clear(marked, 0, _columns.Count);
        await foreach (var id in ids.WithCancellation(ct))
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

/// <summary>
/// Slots a query kept, in a pooled array (at 100,000 entries a fresh one is a large-object
/// allocation per query); dispose to return it.
/// </summary>
internal sealed class ColumnSlots(int capacity) : IDisposable
{
    private int[]? _slots = capacity == 0 ? [] : ArrayPool<int>.Shared.Rent(capacity);

    public int Capacity { get; } = capacity;

    public int Length { get; private set; }

    public ReadOnlySpan<int> Span => _slots.AsSpan(0, Length);

    public void Add(int slot) => _slots![Length++] = slot;

    public void Dispose()
    {
        if (_slots is { Length: > 0 } slots)
        {
            ArrayPool<int>.Shared.Return(slots);
        }
        _slots = null;
    }
}
