using System.Globalization;
using NbsRoundup.Search;

namespace NbsRoundup.Web.Reading;

/// <summary>Entries per month of a result set, laid out as the bars of a small server-rendered SVG chart.</summary>
public sealed record Timeline(IReadOnlyList<Timeline.Bar> Bars, int Max, int Width, int Height)
{
    public sealed record Bar(string Month, int Count, double X, double Y, double BarWidth, double BarHeight, bool LabelShown)
    {
        public string Xs => Format(X);
        public string Ys => Format(Y);
        public string Ws => Format(BarWidth);
        public string Hs => Format(BarHeight);

        private static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
    }

    public const int ChartHeight = 80;

    public static Timeline? From(Facets? facets)
    {
        var months = facets?.Months.Where(m => m.Key is { Length: 7 }).ToDictionary(m => m.Key!, m => m.Count);
        if (months is null || months.Count == 0)
        {
            return null;
        }
        var first = Parse(months.Keys.Min()!);
        var last = Parse(months.Keys.Max()!);
        var all = new List<string>();
        for (var m = first; m <= last && all.Count < 240; m = m.AddMonths(1))
        {
            all.Add(m.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        }
        var max = months.Values.Max();
        var slot = Math.Max(8.0, Math.Min(40.0, 600.0 / all.Count));
        var labelEvery = (int)Math.Ceiling(all.Count / 8.0);
        var bars = all.Select((month, i) =>
        {
            var count = months.GetValueOrDefault(month);
            var height = count == 0 ? 0 : Math.Max(2.0, ChartHeight * count / (double)max);
            return new Bar(month, count, i * slot, ChartHeight - height, slot - 2, height, i % labelEvery == 0 || i == all.Count - 1);
        }).ToList();
        return new Timeline(bars, max, (int)Math.Ceiling(all.Count * slot), ChartHeight + 20);
    }

    private static DateOnly Parse(string month) => DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
