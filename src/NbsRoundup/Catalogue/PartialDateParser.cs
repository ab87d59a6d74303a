using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NbsRoundup.Catalogue;

/// <summary>
/// The outcome of reading a date: a date, or an error; a warning may come with a date. The messages are
/// kept as templates with their arguments too (ErrorText, WarningText), so that they can be translated.
/// </summary>
public sealed record DateReading(PartialDate? Date, FormattableString? ErrorText, FormattableString? WarningText)
{
    public bool IsError => ErrorText is not null;

    public string? Error => ErrorText?.ToString(CultureInfo.InvariantCulture);

    public string? Warning => WarningText?.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Reads dates the way the newsletter writes them: "2021-09", "2021年9月21日",
/// "10月", "8 月 25 日", "2021, 9月21日". A date without a year takes the
/// issue's year, or the year before when its month is later than the issue's.
/// </summary>
public static partial class PartialDateParser
{
    public static DateReading Read(string text, int issueYear, int issueMonth)
    {
        var raw = text.Trim();
        if (raw.Length == 0)
        {
            return new DateReading(null, $"the date is empty", null);
        }
        // Full-width digits and punctuation become ASCII; spaces carry no meaning ("8 月 25 日").
        var compact = new string(raw.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)).ToArray());

        var match = IsoDate().Match(compact);
        if (!match.Success)
        {
            match = ChineseDate().Match(compact);
        }
        if (!match.Success)
        {
            return new DateReading(null,
                $"cannot read the date '{raw}'; write it as 2021, 2021-09, 2021-09-21, 2021年9月21日, 9月 or 9月21日", null);
        }

        int? year = Number(match.Groups["year"]);
        int? month = Number(match.Groups["month"]);
        int? day = Number(match.Groups["day"]);

        if (year is null)
        {
            if (month is null)
            {
                return new DateReading(null, $"cannot read the date '{raw}'", null);
            }
            year = month > issueMonth ? issueYear - 1 : issueYear;
        }
        if (year is < 1000 or > 9999)
        {
            return new DateReading(null, $"the year in '{raw}' is out of range", null);
        }
        if (month is < 1 or > 12)
        {
            return new DateReading(null, $"'{raw}' has no month {month}", null);
        }
        if (day is not null && (day < 1 || day > DateTime.DaysInMonth(year.Value, month!.Value)))
        {
            // Keep what the source wrote, at the precision we can trust: never make up a day.
            return new DateReading(new PartialDate(year.Value, month, null, raw), null,
                $"'{raw}' is not a real date ({year}-{month:D2} has no day {day}); kept as {year}-{month:D2}");
        }
        return new DateReading(new PartialDate(year.Value, month, day, raw), null, null);
    }

    private static int? Number(Group group) =>
        group.Success ? int.Parse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"^(?<year>\d{4})(-(?<month>\d{1,2})(-(?<day>\d{1,2}))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^((?<year>\d{4})(年|,))?((?<month>\d{1,2})月((?<day>\d{1,2})日)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ChineseDate();
}
