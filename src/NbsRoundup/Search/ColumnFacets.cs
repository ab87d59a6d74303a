using NbsRoundup.Catalogue;
using NbsRoundup.Discovery;

namespace NbsRoundup.Search;

/// <summary>
/// The facets of a result set counted over <see cref="CatalogueColumns"/>: one pass over the matched
/// slots with an array of counters per facet. Labels and orders are the ones the SQL counts had
/// (<see cref="CatalogueSearch"/> without columns), which the parity tests hold them to.
/// </summary>
internal static class ColumnFacets
{
    public static Facets Count(CatalogueColumns columns, ReadOnlySpan<int> slots)
    {
        var sectionCounts = new int[256];
        var monthCounts = new int[columns.MonthKeys.Length];
        var organisationCounts = new int[columns.Organisations.Length];
        var topicCounts = new int[Topics.All.Count];
        var placeCounts = new int[columns.PlaceCodes.Length];
        foreach (var s in slots)
        {
            sectionCounts[columns.Sections[s]]++;
            monthCounts[columns.Months[s]]++;
            for (var i = columns.OrganisationStart[s]; i < columns.OrganisationStart[s + 1]; i++)
            {
                organisationCounts[columns.OrganisationOf[i]]++;
            }
            for (var bits = columns.TopicBits[s]; bits != 0; bits &= bits - 1)
            {
                topicCounts[System.Numerics.BitOperations.TrailingZeroCount(bits)]++;
            }
            for (var i = columns.PlaceStart[s]; i < columns.PlaceStart[s + 1]; i++)
            {
                placeCounts[columns.PlaceOf[i]]++;
            }
        }

        var sections = Section.All.Where(s => sectionCounts[s.Id] > 0)
            .Select(s => new FacetCount(s.Key, s.NameZh, s.NameEn, sectionCounts[s.Id]))
            .ToList();
        var months = columns.MonthKeys.Select((key, i) => (key.Year, key.Month, Count: monthCounts[i]))
            .Where(m => m.Count > 0)
            .OrderByDescending(m => m.Year).ThenByDescending(m => m.Month)
            .Select(m => new FacetCount(MonthKey(m.Year, m.Month), MonthKey(m.Year, m.Month) ?? "", null, m.Count))
            .ToList();
        // The most named first (ties by id, as the SQL took them), then shown by count and name.
        var organisations = organisationCounts.Select((count, i) => (Organisation: columns.Organisations[i], Count: count))
            .Where(o => o.Count > 0)
            .OrderByDescending(o => o.Count).ThenBy(o => o.Organisation.Id)
            .Take(CatalogueSearch.OrganisationFacetSize)
            .OrderByDescending(o => o.Count).ThenBy(o => o.Organisation.Name, StringComparer.Ordinal)
            .Select(o => new FacetCount(o.Organisation.Slug, o.Organisation.ShortName ?? o.Organisation.Name, o.Organisation.Name, o.Count))
            .ToList();
        var topics = Topics.All.Select((t, i) => (Topic: t, Count: topicCounts[i]))
            .Where(t => t.Count > 0)
            .Select(t => new FacetCount(t.Topic.Key, t.Topic.Chinese, t.Topic.English, t.Count))
            .ToList();
        var places = placeCounts.Select((count, i) => (Place: Places.ByCode(columns.PlaceCodes[i]), Count: count))
            .Where(p => p.Count > 0 && p.Place is not null)
            .OrderByDescending(p => p.Count).ThenBy(p => p.Place!.Code, StringComparer.Ordinal)
            .Select(p => new FacetCount(p.Place!.Code, p.Place.Chinese, p.Place.English, p.Count))
            .ToList();

        return new Facets(sections, organisations, months) { Topics = topics, Places = places };
    }

    internal static string? MonthKey(int? year, int? month) =>
        year is null ? null : month is null ? $"{year:D4}" : $"{year:D4}-{month:D2}";
}
