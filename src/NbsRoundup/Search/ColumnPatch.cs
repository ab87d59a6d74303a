using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NbsRoundup.Data;

namespace NbsRoundup.Search;

/// <summary>
/// The columns of a newer catalogue version made from the kept ones and the change log, instead of
/// reading every table again: that read took 0.86 s at 100,000 entries and 7–9 s at 1,000,000, and
/// the first catalogue query after every save waited for it. The records since the kept version
/// name the entries whose rows changed (<see cref="CatalogueChange"/>); those are read again, with
/// the ids of all published entries, which show the entries that appeared or left without being
/// named one by one (an issue published or withdrawn, an entry deleted). Organisations are few and
/// always read whole. Entries' lengths in the full-text index are kept but for the changed entries'
/// and those of every organisation a record names: an organisation's new alias rewrites its entries'
/// index rows, and its record names the organisation only. Whatever the log cannot vouch for makes the caller read everything: a record
/// naming nothing (a derived table rebuilt), a log that went backwards (a restore), more records than
/// one read returns, or so many changed entries that a patch would save little.
/// </summary>
internal static class ColumnPatch
{
    /// <summary>Records read at most; more means a long time since the kept version: read everything.</summary>
    private const int MaxRecords = 1000;

    public static async Task<CatalogueColumns?> TryAsync(CatalogueDb db, long keptId, long latestId, CatalogueColumns kept, CancellationToken ct)
    {
        if (latestId <= keptId)
        {
            return null;
        }
        var parts = new CatalogueColumns.Parts();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var (named, organisations) = await NamedAsync(db, keptId, latestId, ct);
            if (named is null || named.Count > Worthwhile(kept))
            {
                return null;
            }
            var current = new HashSet<int>();
            await CatalogueColumns.ReadEachAsync(db,
                $"""SELECT e."Id" {CatalogueColumns.Parts.PublishedEntries}""",
                r => current.Add(r.GetInt32(0)), ct);
            var changed = new HashSet<int>();
            foreach (var chunk in named.Chunk(500))
            {
                await CatalogueColumns.ReadEachAsync(db,
                    $"""SELECT "Id" FROM "Entries" WHERE "Slug" IN ({string.Join(", ", chunk.Select(Literal))})""", r => changed.Add(r.GetInt32(0)), ct);
            }
            // A named entry that is now a draft, or gone, just leaves; one that is published without being kept is new.
            changed.IntersectWith(current);
            changed.UnionWith(current.Where(id => kept.SlotOf(id) < 0));
            if (changed.Count > Worthwhile(kept))
            {
                return null;
            }
            foreach (var chunk in changed.Chunk(1000))
            {
                await parts.ReadEntriesAsync(db, string.Join(", ", chunk.Select(id => id.ToString(CultureInfo.InvariantCulture))), ct);
            }
            await parts.ReadOrganisationsAsync(db, ct);
            Keep(kept, id => current.Contains(id) && !changed.Contains(id), parts);
            // After the kept lengths: a length read again replaces the kept one.
            foreach (var chunk in changed.Chunk(1000))
            {
                await parts.ReadLengthsAsync(db, $"id IN ({string.Join(", ", chunk.Select(id => id.ToString(CultureInfo.InvariantCulture)))})", ct);
            }
            foreach (var chunk in organisations.Chunk(500))
            {
                await parts.ReadLengthsAsync(db, $"""id IN (SELECT l."EntryId" FROM "EntryOrganisations" AS l INNER JOIN "Organisations" AS o ON l."OrganisationId" = o."Id" WHERE o."Slug" IN ({string.Join(", ", chunk.Select(Literal))}))""", ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return parts.Build();
    }

    /// <summary>Beyond this many changed entries reading everything costs about as much as a patch.</summary>
    private static int Worthwhile(CatalogueColumns kept) => kept.Count / 10 + 100;

    /// <summary>The slugs of the entries and organisations the records after the kept one name; entries null when a record cannot be patched from.</summary>
    private static async Task<(HashSet<string>? Entries, HashSet<string> Organisations)> NamedAsync(CatalogueDb db, long keptId, long latestId, CancellationToken ct)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        var organisations = new HashSet<string>(StringComparer.Ordinal);
        var records = 0;
        var newest = 0L;
        var patchable = true;
        await CatalogueColumns.ReadEachAsync(db,
            $"""SELECT "Id", "Tags" FROM "ChangeRecords" WHERE "Id" > {keptId.ToString(CultureInfo.InvariantCulture)} ORDER BY "Id" LIMIT {MaxRecords + 1}""",
            r =>
            {
                records++;
                newest = r.GetInt64(0);
                var change = CatalogueChange.Parse(r.GetString(1));
                // A record that names nothing changed what no name covers (every entry's place scopes, say).
                patchable &= change.Entries.Count + change.Issues.Count + change.Sections.Count + change.Organisations.Count > 0;
                named.UnionWith(change.Entries);
                organisations.UnionWith(change.Organisations);
            }, ct);
        return (patchable && records is > 0 and <= MaxRecords && newest >= latestId ? named : null, organisations);
    }

    /// <summary>Adds the kept slots' entries that <paramref name="stays"/> keeps, as the read would give them.</summary>
    private static void Keep(CatalogueColumns kept, Func<int, bool> stays, CatalogueColumns.Parts parts)
    {
        for (var s = 0; s < kept.Count; s++)
        {
            var id = kept.Ids[s];
            if (!stays(id))
            {
                continue;
            }
            var (year, month) = kept.MonthKeys[kept.Months[s]];
            parts.Rows.Add(new CatalogueColumns.Row(id, kept.Issues[s], kept.Sections[s], kept.Positions[s], kept.Starts[s], kept.Ends[s], year, month));
            if (kept.Lengths[s] >= 0)
            {
                parts.Lengths.Add((id, kept.Lengths[s]));
            }
            for (var i = kept.OrganisationStart[s]; i < kept.OrganisationStart[s + 1]; i++)
            {
                parts.Links.Add((id, kept.Organisations[kept.OrganisationOf[i]].Id));
            }
            for (var bits = kept.TopicBits[s]; bits != 0; bits &= bits - 1)
            {
                parts.Topics.Add((id, Discovery.Topics.All[System.Numerics.BitOperations.TrailingZeroCount(bits)].Key));
            }
            for (var i = kept.PlaceStart[s]; i < kept.PlaceStart[s + 1]; i++)
            {
                parts.Places.Add((id, kept.PlaceCodes[kept.PlaceOf[i]]));
            }
        }
    }

    // Slugs are letters, digits and hyphens (Names.IsSlug); quoting still keeps any stored text a literal.
    private static string Literal(string slug) => "'" + slug.Replace("'", "''", StringComparison.Ordinal) + "'";
}
