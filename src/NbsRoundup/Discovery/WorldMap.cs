using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace NbsRoundup.Discovery;

/// <summary>The words a rendered map uses, in the interface language.</summary>
/// <param name="Language">`zh` or `en`: which place names to use.</param>
/// <param name="Title">The map's own title, its accessible name ("各国条目" / "Entries by country").</param>
/// <param name="CountryTitle">A country's tooltip and link name from its name and count ("伯利兹：3 条").</param>
/// <param name="LegendTitle">The heading of the legend ("条目数" / "Entries").</param>
public sealed record WorldMapTexts(string Language, string Title, Func<string, int, string> CountryTitle, string LegendTitle)
{
    /// <summary>Chinese: "伯利兹：3 条".</summary>
    public static WorldMapTexts Chinese { get; } = new("zh", "各国条目分布", (name, count) => $"{name}：{count} 条", "条目数");

    /// <summary>English: "Belize: 3 entries", "Belize: 1 entry".</summary>
    public static WorldMapTexts English { get; } = new("en", "Entries by country", (name, count) => count == 1 ? $"{name}: 1 entry" : $"{name}: {count} entries", "Entries");

    /// <summary>The preset for an interface language.</summary>
    public static WorldMapTexts For(string language) => Topics.IsEnglish(language) ? English : Chinese;
}

/// <summary>A range of counts drawn in one shade: class `map-bin-{Number}`.</summary>
public sealed record MapBin(int Number, int From, int To)
{
    /// <summary>"1", "2–3", "10–24".</summary>
    public string Label => From == To ? From.ToString(CultureInfo.InvariantCulture) : $"{From}–{To}";
}

/// <summary>
/// A world map of a result set, as an SVG string to put inline in a page. Every country is
/// drawn; a country with entries is shaded by its count and is a link with a title giving its
/// name and count. Presentation is by class names only (no `style` attributes, no scripts, as
/// the site's Content-Security-Policy requires):
/// <list type="bullet">
/// <item>`map` on the `svg`; `map-land` for the one path of all countries without entries;</item>
/// <item>`map-country map-bin-N` on each linked country's path (or `circle`, for small countries
/// drawn as dots), N = 1 (fewest) … <see cref="MaxBins"/> (most);</item>
/// <item>`map-legend`, with `map-legend-title`, and a `map-bin-N` swatch and a text label per bin.</item>
/// </list>
/// Shapes are Natural Earth 1:110m in an Equal Earth projection (embedded world-map.tsv; its
/// header names the sources), without Antarctica.
/// </summary>
public static class WorldMap
{
    /// <summary>At most this many shades.</summary>
    public const int MaxBins = 5;

    private const int _legendHeight = 36;
    private static readonly Lazy<Data> _data = new(Load);

    /// <summary>True when the map can draw this country (a shape or a dot); a few tiny territories have neither.</summary>
    public static bool HasShape(string countryCode) => _data.Value.Shapes.ContainsKey(countryCode);

    /// <summary>
    /// The map as SVG. <paramref name="counts"/> holds entries per country code (codes that are not
    /// countries on the map, and counts below 1, are ignored); <paramref name="href"/> gives the
    /// address each country with entries links to (the web layer owns URLs; the value is escaped
    /// here); <paramref name="texts"/> the words, in the interface language.
    /// </summary>
    public static string Render(IReadOnlyDictionary<string, int> counts, Func<string, string> href, WorldMapTexts texts) =>
        Render(counts, href, texts, legend: true);

    /// <summary>
    /// The map as SVG, with or without its legend: a page that scales the map down to a phone's
    /// width may rather give the legend as text of its own (<see cref="Bins"/> of <see cref="MaxShown"/>),
    /// which stays readable at any width.
    /// </summary>
    public static string Render(IReadOnlyDictionary<string, int> counts, Func<string, string> href, WorldMapTexts texts, bool legend)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(href);
        ArgumentNullException.ThrowIfNull(texts);
        var data = _data.Value;
        var shown = counts.Where(c => c.Value > 0 && data.Shapes.ContainsKey(c.Key)).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        var bins = Bins(shown.Count == 0 ? 0 : shown.Values.Max());

        var sb = new StringBuilder(64 * 1024);
        var height = data.Height + (legend ? _legendHeight : 0);
        // Not role="img": that would hide the country links from assistive technology.
        var title = Escape(texts.Title);
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" viewBox=\"0 0 {data.Width} {height}\" aria-label=\"{title}\">");
        sb.Append("<title>").Append(title).Append("</title>");

        // Every country without entries in one path: fewer bytes, nothing to read out.
        sb.Append("<path class=\"map-land\" d=\"");
        foreach (var (code, shape) in data.Land)
        {
            if (!shown.ContainsKey(code) && shape.IsPath)
            {
                sb.Append(shape.Data);
            }
        }
        sb.Append("\"/>");
        foreach (var (code, shape) in data.Land)
        {
            if (!shown.ContainsKey(code) && !shape.IsPath)
            {
                AppendDot(sb, "map-land", shape);
            }
        }

        foreach (var (code, count) in shown.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var place = Places.ByCode(code);
            var name = place?.Name(texts.Language) ?? code;
            var bin = bins.First(b => count >= b.From && count <= b.To);
            var shape = data.Shapes[code];
            var cls = $"map-country map-bin-{bin.Number}";
            sb.Append("<a href=\"").Append(Escape(href(code))).Append("\">");
            sb.Append("<title>").Append(Escape(texts.CountryTitle(name, count))).Append("</title>");
            if (shape.IsPath)
            {
                sb.Append("<path class=\"").Append(cls).Append("\" d=\"").Append(shape.Data).Append("\"/>");
            }
            else
            {
                AppendDot(sb, cls, shape);
            }
            sb.Append("</a>");
        }

        if (legend)
        {
            AppendLegend(sb, bins, texts, data.Height);
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>The largest count the map would shade (0 when it would shade none): what its <see cref="Bins"/> are made for.</summary>
    public static int MaxShown(IReadOnlyDictionary<string, int> counts) =>
        counts.Where(c => c.Value > 0 && _data.Value.Shapes.ContainsKey(c.Key)).Select(c => c.Value).DefaultIfEmpty(0).Max();

    /// <summary>
    /// The shades for counts from 1 to <paramref name="max"/>: one per count up to 5; 1, 2, 3 and
    /// 4–max up to 9; beyond that 1, 2–3 and three ranges with round lower bounds spaced evenly on a
    /// log scale (1, 2–3, 4–9, 10–24, 25–60 for 60; 1, 2–9, 10–49, 50–249, 250–1000 for 1000).
    /// Empty when max is below 1.
    /// </summary>
    public static IReadOnlyList<MapBin> Bins(int max)
    {
        if (max < 1)
        {
            return [];
        }
        if (max <= MaxBins)
        {
            return Enumerable.Range(1, max).Select(i => new MapBin(i, i, i)).ToList();
        }
        var starts = new List<int> { 1, 2 };
        if (max < 10)
        {
            starts.AddRange([3, 4]);
        }
        else
        {
            int[] round = [4, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000];
            for (var i = 1; i < MaxBins - 1; i++)
            {
                var target = 2 * Math.Pow(max / 2.0, (double)i / (MaxBins - 1));
                var next = round.Where(r => r > starts[^1] && r <= max).OrderBy(r => Math.Abs(Math.Log(r / target))).FirstOrDefault();
                if (next == 0)
                {
                    break;
                }
                starts.Add(next);
            }
        }
        return starts.Select((from, i) => new MapBin(i + 1, from, i + 1 < starts.Count ? starts[i + 1] - 1 : max)).ToList();
    }

    private static void AppendDot(StringBuilder sb, string cls, Shape shape) =>
        sb.Append("<circle class=\"").Append(cls).Append("\" cx=\"").Append(shape.X).Append("\" cy=\"").Append(shape.Y).Append("\" r=\"3\"/>");

    private static void AppendLegend(StringBuilder sb, IReadOnlyList<MapBin> bins, WorldMapTexts texts, int top)
    {
        if (bins.Count == 0)
        {
            return;
        }
        var y = top + 12;
        sb.Append(CultureInfo.InvariantCulture, $"<g class=\"map-legend\"><text class=\"map-legend-title\" x=\"8\" y=\"{y + 10}\">{Escape(texts.LegendTitle)}</text>");
        var x = 8 + 12 * Math.Max(4, texts.LegendTitle.Length) + 12;
        foreach (var bin in bins)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"map-bin-{bin.Number}\" x=\"{x}\" y=\"{y}\" width=\"14\" height=\"14\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 20}\" y=\"{y + 11}\">{Escape(bin.Label)}</text>");
            x += 20 + 8 * bin.Label.Length + 24;
        }
        sb.Append("</g>");
    }

    /// <summary>Escapes text for an XML attribute or element.</summary>
    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ when char.IsControl(c) => "",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    private sealed record Shape(bool IsPath, string Data, string X, string Y);

    private sealed record Data(int Width, int Height, IReadOnlyList<(string Code, Shape Shape)> Land, FrozenDictionary<string, Shape> Shapes);

    private static Data Load()
    {
        int width = 0, height = 0;
        var land = new List<(string, Shape)>();
        foreach (var r in DiscoveryData.Rows(DiscoveryData.Text(DiscoveryData.WorldMapResource), "code\t"))
        {
            var (code, kind, value) = (r[0], r[1], r[3]);
            switch (kind)
            {
                case "viewBox":
                    var box = value.Split(' ');
                    width = int.Parse(box[2], CultureInfo.InvariantCulture);
                    height = int.Parse(box[3], CultureInfo.InvariantCulture);
                    break;
                case "path":
                    land.Add((code, new Shape(true, value, "", "")));
                    break;
                case "point":
                    var xy = value.Split(' ');
                    land.Add((code, new Shape(false, "", xy[0], xy[1])));
                    break;
                default:
                    throw new InvalidDataException($"world-map.tsv: unknown kind {kind}");
            }
        }
        var shapes = land.Where(l => l.Item1 != "-").ToFrozenDictionary(l => l.Item1, l => l.Item2, StringComparer.Ordinal);
        return new Data(width, height, land, shapes);
    }
}
