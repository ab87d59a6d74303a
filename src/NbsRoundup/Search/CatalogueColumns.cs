using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using NbsRoundup.Catalogue;
using NbsRoundup.Data;

namespace NbsRoundup.Search;

/// <summary>
/// The published entries as columns in memory, in the catalogue's own order (newest first, undated
/// last, then issue, section, position, id): what the catalogue's filters, facets and sorts read.
/// Counting facets over tens of thousands of matches in SQL read every matched row per request
/// (100–300 ms at 100,000 entries); over these arrays it takes a millisecond, so a query costs its
/// full-text match and one page of rows. Built once per catalogue version and kept per database:
/// the version is the change log's newest record, which every change to entries, issues and
/// organisations writes in its own transaction, so kept columns are used only while nothing has
/// changed since they were read, on any instance.
/// </summary>
public sealed class CatalogueColumns : IDocumentLengths
{
    /// <summary>The SQL tag of the build's queries: once per catalogue version, not per request.</summary>
    public const string BuildTag = "catalogue-columns";

    private sealed record Kept(long ChangeId, DateTime CommittedAt, CatalogueColumns Columns, bool Patched);

    // One per database (connection string): tests and tools open several in one process.
    private static readonly ConcurrentDictionary<string, Kept> _kept = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> _building = new(StringComparer.Ordinal);

    /// <summary>Slot → entry id; slot order is the catalogue's order.</summary>
    internal int[] Ids { get; }
    internal byte[] Sections { get; }
    internal int[] Issues { get; }
    /// <summary>Position within its section: kept so that a patched version sorts exactly as a read one.</summary>
    internal int[] Positions { get; }
    /// <summary>Day numbers of the date's first and last day; -1 when undated.</summary>
    internal int[] Starts { get; }
    internal int[] Ends { get; }
    /// <summary>Slot → index into <see cref="MonthKeys"/>.</summary>
    internal int[] Months { get; }
    internal (int? Year, int? Month)[] MonthKeys { get; }
    /// <summary>One bit per topic of <see cref="Discovery.Topics.All"/>, in its order.</summary>
    internal ulong[] TopicBits { get; }
    /// <summary>Slot s's organisations are <c>OrganisationOf[OrganisationStart[s]..OrganisationStart[s+1]]</c>, indexes into <see cref="Organisations"/>.</summary>
    internal int[] OrganisationStart { get; }
    internal int[] OrganisationOf { get; }
    internal OrganisationName[] Organisations { get; }
    /// <summary>Slot s's place scopes (every place and region it lies in) are <c>PlaceOf[PlaceStart[s]..PlaceStart[s+1]]</c>, indexes into <see cref="PlaceCodes"/>.</summary>
    internal int[] PlaceStart { get; }
    internal int[] PlaceOf { get; }
    internal string[] PlaceCodes { get; }
    /// <summary>Slot → the entry's length in the SQLite full-text index (its tokens, all columns); -1 when not read (PostgreSQL).</summary>
    internal int[] Lengths { get; }

    /// <summary>Entry id → slot + 1 (0: not a published entry); ids are dense, so an array beats a dictionary here.</summary>
    private readonly int[] _slotOf;
    private readonly Dictionary<int, int> _organisationIndex;
    private readonly Dictionary<string, int> _placeIndex;
    private Facets? _whole;

    internal sealed record OrganisationName(int Id, string Slug, string Name, string? ShortName, string NormalizedName, string? NormalizedShortName)
    {
        public IReadOnlyList<string> NormalizedAliases { get; set; } = [];
        /// <summary>Named by at least one published entry: readers may see it (a draft's organisation stays unknown to them).</summary>
        public bool IsPublished { get; set; }
    }

    public int Count => Ids.Length;

    /// <summary>The slot of an entry id, or -1 when it is not a published entry.</summary>
    internal int SlotOf(int id) => (uint)id < (uint)_slotOf.Length ? _slotOf[id] - 1 : -1;

    private static readonly Dictionary<string, int> _topicBits =
        Discovery.Topics.All.Select((t, i) => (t.Key, i)).ToDictionary(t => t.Key, t => t.i, StringComparer.Ordinal);

    /// <summary>A topic's bit in <see cref="TopicBits"/> (its place in the vocabulary), or -1 for no topic.</summary>
    internal static int TopicBit(string key) => _topicBits.TryGetValue(key, out var bit) ? bit : -1;

    internal int OrganisationIndex(int id) => _organisationIndex.TryGetValue(id, out var index) ? index : -1;

    /// <summary>
    /// The published organisation a reader's name means (slug, name, short name or alias, as
    /// <see cref="OrganisationLookup.FindPublishedAsync"/> matches them), or null. In memory: the
    /// same look-up in SQL checked every organisation's entries for a published one (20 ms at 100,000).
    /// </summary>
    internal OrganisationName? FindOrganisation(string name)
    {
        var normalized = Names.Normalize(name);
        return Organisations.FirstOrDefault(o => o.IsPublished
            && (o.Slug == name || o.NormalizedName == normalized || o.NormalizedShortName == normalized || o.NormalizedAliases.Contains(normalized)));
    }

    /// <summary>A published entry's length in the full-text index, for <see cref="SqliteRank"/>: bm25 read it from the index row by row.</summary>
    public bool TryGetLength(long rowid, out int length)
    {
        var slot = rowid is >= 0 and <= int.MaxValue ? SlotOf((int)rowid) : -1;
        length = slot < 0 ? -1 : Lengths[slot];
        return length >= 0;
    }

    internal int PlaceIndex(string code) => _placeIndex.TryGetValue(code, out var index) ? index : -1;

    /// <summary>The whole catalogue's facets, counted once per version.</summary>
    internal Facets WholeFacets => _whole ??= ColumnFacets.Count(this, Enumerable.Range(0, Count).ToArray());

    internal CatalogueColumns(Row[] rows, List<(int EntryId, int OrganisationId)> links, List<(int EntryId, string Key)> topics,
        List<(int EntryId, string Code)> places, List<OrganisationName> organisations, List<(int EntryId, int Length)> lengths)
    {
        // The catalogue's order: newest first with undated last, then issue (newest first), section, position, id.
        Array.Sort(rows, (a, b) => (b.Start, b.IssueId, a.SectionId, a.Position, a.Id).CompareTo((a.Start, a.IssueId, b.SectionId, b.Position, b.Id)));
        var n = rows.Length;
        Ids = new int[n];
        Sections = new byte[n];
        Issues = new int[n];
        Positions = new int[n];
        Starts = new int[n];
        Ends = new int[n];
        Months = new int[n];
        TopicBits = new ulong[n];
        _slotOf = new int[n == 0 ? 0 : rows.Max(r => r.Id) + 1];
        var monthIndex = new Dictionary<(int?, int?), int>();
        for (var s = 0; s < n; s++)
        {
            var row = rows[s];
            Ids[s] = row.Id;
            Sections[s] = checked((byte)row.SectionId);
            Issues[s] = row.IssueId;
            Positions[s] = row.Position;
            Starts[s] = row.Start;
            Ends[s] = row.End;
            Months[s] = monthIndex.TryGetValue((row.Year, row.Month), out var m) ? m : monthIndex[(row.Year, row.Month)] = monthIndex.Count;
            _slotOf[row.Id] = s + 1;
        }
        Lengths = new int[n];
        Array.Fill(Lengths, -1);
        foreach (var (entryId, length) in lengths)
        {
            if (SlotOf(entryId) is var slot and >= 0)
            {
                Lengths[slot] = length;
            }
        }
        MonthKeys = new (int?, int?)[monthIndex.Count];
        foreach (var (key, index) in monthIndex)
        {
            MonthKeys[index] = key;
        }

        foreach (var (entryId, key) in topics)
        {
            if (SlotOf(entryId) is var slot and >= 0 && TopicBit(key) is var bit and >= 0)
            {
                TopicBits[slot] |= 1UL << bit;
            }
        }

        Organisations = organisations.ToArray();
        _organisationIndex = organisations.Select((o, i) => (o.Id, i)).ToDictionary(o => o.Id, o => o.i);
        (OrganisationStart, OrganisationOf) = Adjacency(n, links.Select(l => (l.EntryId, _organisationIndex.TryGetValue(l.OrganisationId, out var o) ? o : -1)));
        foreach (var index in OrganisationOf)
        {
            Organisations[index].IsPublished = true;
        }

        _placeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, code) in places)
        {
            _placeIndex.TryAdd(code, _placeIndex.Count);
        }
        PlaceCodes = new string[_placeIndex.Count];
        foreach (var (code, index) in _placeIndex)
        {
            PlaceCodes[index] = code;
        }
        (PlaceStart, PlaceOf) = Adjacency(n, places.Select(p => (p.EntryId, _placeIndex[p.Code])));
    }

    /// <summary>A compressed adjacency list (slot → values) of the pairs whose entry is a published one.</summary>
    private (int[] Start, int[] Values) Adjacency(int n, IEnumerable<(int EntryId, int Value)> pairs)
    {
        var kept = pairs.Select(p => (Slot: p.Value >= 0 ? SlotOf(p.EntryId) : -1, p.Value)).Where(p => p.Slot >= 0).ToList();
        var start = new int[n + 1];
        foreach (var (slot, _) in kept)
        {
            start[slot + 1]++;
        }
        for (var s = 0; s < n; s++)
        {
            start[s + 1] += start[s];
        }
        var values = new int[kept.Count];
        var next = (int[])start.Clone();
        foreach (var (slot, value) in kept)
        {
            values[next[slot]++] = value;
        }
        return (start, values);
    }

    internal sealed record Row(int Id, int IssueId, int SectionId, int Position, int Start, int End, int? Year, int? Month);

    /// <summary>The columns of the catalogue's current version: kept ones, or read now (one build at a time per database).</summary>
    public static async Task<CatalogueColumns> ForAsync(CatalogueDb db, CancellationToken ct)
    {
        var key = db.Database.GetConnectionString() ?? "";
        // Read before the columns: columns read after it are at least as new as the record they are kept under.
        var (changeId, committedAt) = await ChangeLog.LatestWithTimeAsync(db, ct);
        if (_kept.TryGetValue(key, out var kept) && kept.ChangeId == changeId && kept.CommittedAt == committedAt)
        {
            return kept.Columns;
        }
        // Requests that arrive while the columns are read wait for them rather than read them again.
        var gate = _building.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (_kept.TryGetValue(key, out kept) && kept.ChangeId == changeId && kept.CommittedAt == committedAt)
            {
                return kept.Columns;
            }
            var patched = kept is null ? null : await ColumnPatch.TryAsync(db, kept.ChangeId, changeId, kept.Columns, ct);
            var columns = patched ?? await ReadAsync(db, ct);
            _kept[key] = new Kept(changeId, committedAt, columns, patched is not null);
            return columns;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Whether the kept columns of this database were patched from the change log rather than read (for tests).</summary>
    internal static bool WerePatched(CatalogueDb db) => _kept.TryGetValue(db.Database.GetConnectionString() ?? "", out var kept) && kept.Patched;

    /// <summary>The columns read from the tables now, whatever is kept (for tests).</summary>
    internal static Task<CatalogueColumns> ReadFreshAsync(CatalogueDb db, CancellationToken ct) => ReadAsync(db, ct);

    /// <summary>
    /// Reads the columns' tables, each in one command, row by row from the data reader: the first
    /// query after every change waits for this, and with EF's materialisation (and slugs, and dates
    /// parsed from SQLite's text) it took 1.6 s for the 600,000 rows of a 100,000-entry catalogue,
    /// read this way 0.86 s. The commands still go through EF's command pipeline (its interceptors and
    /// logging); drafts' links, tags and scopes are read too and dropped in memory, so no table is
    /// joined with the entries.
    /// </summary>
    private static async Task<CatalogueColumns> ReadAsync(CatalogueDb db, CancellationToken ct)
    {
        var parts = new Parts();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await parts.ReadEntriesAsync(db, null, ct);
            await parts.ReadOrganisationsAsync(db, ct);
            await parts.ReadLengthsAsync(db, null, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return parts.Build();
    }

    /// <summary>What the columns are built from, as read (all entries', or some entries' when patching).</summary>
    internal sealed class Parts
    {
        /// <summary>The published entries: published, in a published issue (as <see cref="Visibility"/> says in LINQ).</summary>
        public const string PublishedEntries = """FROM "Entries" AS e INNER JOIN "Issues" AS i ON e."IssueId" = i."Id" WHERE e."IsPublished" AND i."IsPublished" """;

        public List<Row> Rows { get; } = [];
        public List<(int EntryId, int OrganisationId)> Links { get; } = [];
        public List<(int EntryId, string Key)> Topics { get; } = [];
        public List<(int EntryId, string Code)> Places { get; } = [];
        private readonly List<OrganisationName> _organisations = [];
        private readonly List<(int OrganisationId, string Name)> _aliases = [];

        /// <summary>
        /// The published entries' rows and the links, topics and place scopes of every entry, or only of
        /// the entries in <paramref name="ids"/> (an SQL list of ids).
        /// </summary>
        public async Task ReadEntriesAsync(CatalogueDb db, string? ids, CancellationToken ct)
        {
            // Dates as day numbers (days since 0001-01-01, DateOnly.DayNumber) computed by the engine: parsing
            // 200,000 dates from SQLite's text took a third of the read.
            var day = db.Database.IsPostgres() ? "({0} - DATE '0001-01-01')" : "CAST(julianday({0}) - 1721425.5 AS INTEGER)";
            var onlyEntries = ids is null ? "" : $"AND e.\"Id\" IN ({ids})";
            var onlyLinks = ids is null ? "" : $" WHERE \"EntryId\" IN ({ids})";
            await ReadEachAsync(db, $"""
                SELECT e."Id", e."IssueId", e."SectionId", e."Position", {string.Format(CultureInfo.InvariantCulture, day, "e.\"DateStart\"")},
                    {string.Format(CultureInfo.InvariantCulture, day, "e.\"DateEnd\"")}, e."DateYear", e."DateMonth"
                {PublishedEntries}{onlyEntries}
                """, r => Rows.Add(new Row(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3),
                    r.IsDBNull(4) ? -1 : r.GetInt32(4), r.IsDBNull(5) ? -1 : r.GetInt32(5),
                    r.IsDBNull(6) ? null : r.GetInt32(6), r.IsDBNull(7) ? null : r.GetInt32(7))), ct);
            await ReadEachAsync(db, $"""SELECT "EntryId", "OrganisationId" FROM "EntryOrganisations"{onlyLinks}""", r => Links.Add((r.GetInt32(0), r.GetInt32(1))), ct);
            await ReadEachAsync(db, $"""SELECT "EntryId", "Key" FROM "EntryTags" WHERE "Kind" = {(int)TagKind.Topic}{(ids is null ? "" : $" AND \"EntryId\" IN ({ids})")}""",
                r => Topics.Add((r.GetInt32(0), r.GetString(1))), ct);
            await ReadEachAsync(db, $"""SELECT "EntryId", "Code" FROM "PlaceScopes"{onlyLinks}""", r => Places.Add((r.GetInt32(0), r.GetString(1))), ct);
        }

        /// <summary>Every organisation with its names and aliases: few beside the entries, so always read whole.</summary>
        public async Task ReadOrganisationsAsync(CatalogueDb db, CancellationToken ct)
        {
            await ReadEachAsync(db, """SELECT "Id", "Slug", "Name", "ShortName", "NormalizedName", "NormalizedShortName" FROM "Organisations" ORDER BY "Id" """,
                r => _organisations.Add(new OrganisationName(r.GetInt32(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                    r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5))), ct);
            await ReadEachAsync(db, """SELECT "OrganisationId", "NormalizedName" FROM "OrganisationAliases" """, r => _aliases.Add((r.GetInt32(0), r.GetString(1))), ct);
        }

        public List<(int EntryId, int Length)> Lengths { get; } = [];

        /// <summary>
        /// Rows' lengths in the SQLite full-text index, from FTS5's own _docsize table (one varint per
        /// column): every row's, or those whose ids <paramref name="where"/> (an SQL condition on id)
        /// keeps. Nothing on PostgreSQL, which ranks in SQL.
        /// </summary>
        public async Task ReadLengthsAsync(CatalogueDb db, string? where, CancellationToken ct)
        {
            if (db.Database.IsPostgres())
            {
                return;
            }
            await ReadEachAsync(db, $"SELECT id, sz FROM \"{SearchIndex.Table}_docsize\"{(where is null ? "" : " WHERE " + where)}", r =>
            {
                var sizes = (byte[])r.GetValue(1);
                var total = 0;
                for (var at = 0; at < sizes.Length;)
                {
                    total += Varint(sizes, ref at);
                }
                Lengths.Add((r.GetInt32(0), total));
            }, ct);
        }

        /// <summary>An SQLite varint (big-endian groups of 7 bits, the high bit saying another byte follows), as FTS5 writes column sizes.</summary>
        private static int Varint(byte[] bytes, ref int at)
        {
            var value = 0;
            for (var i = 0; i < 9 && at < bytes.Length; i++)
            {
                var b = bytes[at++];
                value = (value << 7) | (b & 0x7f);
                if (b < 0x80)
                {
                    break;
                }
            }
            return value;
        }

        public CatalogueColumns Build()
        {
            var aliasesOf = _aliases.ToLookup(a => a.OrganisationId, a => a.Name);
            foreach (var organisation in _organisations)
            {
                organisation.NormalizedAliases = aliasesOf[organisation.Id].ToList();
            }
            return new CatalogueColumns(Rows.ToArray(), Links, Topics, Places, _organisations, Lengths);
        }
    }

    internal static async Task ReadEachAsync(CatalogueDb db, string sql, Action<DbDataReader> row, CancellationToken ct)
    {
        var command = db.GetService<IRawSqlCommandBuilder>().Build($"-- {BuildTag}\n{sql}");
        await using var reader = await command.ExecuteReaderAsync(new RelationalCommandParameterObject(
            db.GetService<IRelationalConnection>(), null, null, db, db.GetService<IRelationalCommandDiagnosticsLogger>()), ct);
        while (await reader.ReadAsync(ct))
        {
            row(reader.DbDataReader);
        }
    }
}
