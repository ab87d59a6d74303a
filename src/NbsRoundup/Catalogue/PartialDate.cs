using System.Globalization;

namespace NbsRoundup.Catalogue;

/// <summary>
/// A date known to a year, a month or a day, with the text the source wrote.
/// It stands for the whole span it names (a month is its first to last day),
/// which is what range filters overlap with.
/// </summary>
public sealed record PartialDate
{
    public PartialDate(int year, int? month, int? day, string text)
    {
        if (year is < 1 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year));
        }
        if (month is < 1 or > 12 || (day is not null && month is null))
        {
            throw new ArgumentOutOfRangeException(nameof(month));
        }
        if (day is not null && (day < 1 || day > DateTime.DaysInMonth(year, month!.Value)))
        {
            throw new ArgumentOutOfRangeException(nameof(day));
        }
        Year = year;
        Month = month;
        Day = day;
        Text = text;
    }

    public int Year { get; }
    public int? Month { get; }
    public int? Day { get; }

    /// <summary>The date as the source wrote it ("10月", "9月31日").</summary>
    public string Text { get; }

    public DatePrecision Precision => Day is not null ? DatePrecision.Day
        : Month is not null ? DatePrecision.Month
        : DatePrecision.Year;

    /// <summary>First day of the span.</summary>
    public DateOnly Start => new(Year, Month ?? 1, Day ?? 1);

    /// <summary>Last day of the span.</summary>
    public DateOnly End => Precision switch
    {
        DatePrecision.Day => Start,
        DatePrecision.Month => new DateOnly(Year, Month!.Value, DateTime.DaysInMonth(Year, Month.Value)),
        _ => new DateOnly(Year, 12, 31),
    };

    /// <summary>"2021", "2021-10" or "2021-09-21": ISO 8601 at the date's own precision.</summary>
    public string Iso => Precision switch
    {
        DatePrecision.Day => Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DatePrecision.Month => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };

    /// <summary>"2021年10月", "2021年9月21日", "2021年".</summary>
    public string ToChinese() => Precision switch
    {
        DatePrecision.Day => $"{Year}年{Month}月{Day}日",
        DatePrecision.Month => $"{Year}年{Month}月",
        _ => $"{Year}年",
    };

    /// <summary>"October 2021", "21 September 2021", "2021".</summary>
    public string ToEnglish() => Precision switch
    {
        DatePrecision.Day => Start.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        DatePrecision.Month => Start.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        _ => Year.ToString(CultureInfo.InvariantCulture),
    };

    public override string ToString() => Iso;
}
