using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NbsRoundup.Catalogue;

namespace NbsRoundup.Lookup;

/// <summary>
/// Reads publication dates as metadata and documents write them, at the precision they give:
/// "2021", "2021-10", "2021/10/12", "2021-10-12T08:00:00+08:00" (the date as written, not moved to
/// another time zone), gov.cn's "2021-10-12-20:08:45", "2021年10月12日", "12 October 2021",
/// "Oct 12, 2021", "Tue, 12 Oct 2021 08:00:00 GMT". The date's text is its ISO form ("2021-10").
/// </summary>
public static partial class DateReader
{
    private static readonly string[] _months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>A date from a metadata value that holds a date and nothing else (a time may follow).</summary>
    public static PartialDate? Read(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var text = value.Normalize(NormalizationForm.FormKC).Trim();
        foreach (var pattern in new[] { Numeric(), Chinese(), DayMonthYear(), MonthDayYear() })
        {
            var match = pattern.Match(text);
            if (match.Success && match.Index <= 5 && Make(match) is { } date)
            {
                return date;
            }
        }
        return null;
    }

    /// <summary>
    /// The first date printed in running text (a PDF's first page): a full numeric date, a Chinese date
    /// with at least a month, or an English month and year. A year alone is not taken: "2030 targets".
    /// </summary>
    public static PartialDate? Find(string text)
    {
        var normalised = text.Normalize(NormalizationForm.FormKC);
        var found = new[] { FullNumeric(), Chinese(), DayMonthYear(), MonthDayYear() }
            .SelectMany(p => p.Matches(normalised))
            .Where(m => m.Groups["m"].Success || m.Groups["mon"].Success)
            .Where(m => !m.Groups["mon"].Success || char.IsUpper(m.Groups["mon"].Value[0]))
            .OrderBy(m => m.Index);
        foreach (var match in found)
        {
            if (Make(match) is { } date)
            {
                return date;
            }
        }
        return null;
    }

    private static PartialDate? Make(Match match)
    {
        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        int? month = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture)
            : match.Groups["mon"].Success ? MonthNumber(match.Groups["mon"].Value)
            : null;
        int? day = match.Groups["d"].Success ? int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture) : null;
        if (year is < 1900 or > 2100 || month is < 1 or > 12 || match.Groups["mon"].Success && month is null)
        {
            return null;
        }
        if (day is not null && (month is null || day < 1 || day > DateTime.DaysInMonth(year, month.Value)))
        {
            day = null;
        }
        var iso = day is not null ? $"{year:D4}-{month:D2}-{day:D2}" : month is not null ? $"{year:D4}-{month:D2}" : $"{year:D4}";
        return new PartialDate(year, month, day, iso);
    }

    private static int? MonthNumber(string name)
    {
        if (name.Length < 3)
        {
            return null;
        }
        var index = Array.IndexOf(_months, name[..3].ToLowerInvariant());
        if (index < 0)
        {
            return null;
        }
        // "Octopus 2021" is no month: the name must be the month's abbreviation or its full name.
        var full = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(index + 1);
        return name.Length == 3 || full.StartsWith(name, StringComparison.OrdinalIgnoreCase) ? index + 1 : null;
    }

    [GeneratedRegex(@"(?<![\d])(?<y>\d{4})(?:[-/.](?<m>\d{1,2})(?:[-/.](?<d>\d{1,2}))?)?(?=$|[T\sZ+_:-])", RegexOptions.CultureInvariant)]
    private static partial Regex Numeric();

    [GeneratedRegex(@"(?<![\d])(?<y>\d{4})[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})(?![\d])", RegexOptions.CultureInvariant)]
    private static partial Regex FullNumeric();

    [GeneratedRegex(@"(?<![\d])(?<y>\d{4})\s*年\s*(?:(?<m>\d{1,2})\s*月\s*(?:(?<d>\d{1,2})\s*[日号])?)?", RegexOptions.CultureInvariant)]
    private static partial Regex Chinese();

    [GeneratedRegex(@"(?<![\d])(?:(?<d>\d{1,2})\s+)?(?<mon>[A-Za-z]{3,9})\.?,?\s+(?<y>\d{4})(?![\d])", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"\b(?<mon>[A-Za-z]{3,9})\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})(?![\d])", RegexOptions.CultureInvariant)]
    private static partial Regex MonthDayYear();
}
