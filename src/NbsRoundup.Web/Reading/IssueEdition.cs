using System.Globalization;

namespace NbsRoundup.Web.Reading;

/// <summary>"2021年11月 · Vol.3 (总第3期)", as the newsletter prints it.</summary>
public static class IssueEdition
{
    public static string Format(int year, int month, int? volume, int? number) =>
        string.Create(CultureInfo.InvariantCulture, $"{year}年{month}月")
        + (volume is null ? "" : string.Create(CultureInfo.InvariantCulture, $" · Vol.{volume}"))
        + (number is null ? "" : string.Create(CultureInfo.InvariantCulture, $" (总第{number}期)"));
}
