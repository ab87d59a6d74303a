using NbsRoundup.Catalogue;

namespace NbsRoundup.Tests.Catalogue;

public class PartialDateTests
{
    [Theory]
    [InlineData("10月", 2021, 10, null, "2021-10")]
    [InlineData("9月6日", 2021, 9, 6, "2021-09-06")]
    [InlineData("8 月 25 日", 2021, 8, 25, "2021-08-25")]
    [InlineData("2021, 9月21日", 2021, 9, 21, "2021-09-21")]
    [InlineData("2021年9月21日", 2021, 9, 21, "2021-09-21")]
    [InlineData("2021年9月", 2021, 9, null, "2021-09")]
    [InlineData("2021-09", 2021, 9, null, "2021-09")]
    [InlineData("2021-09-21", 2021, 9, 21, "2021-09-21")]
    [InlineData("１１月５日", 2021, 11, 5, "2021-11-05")]
    public void Reads_the_ways_the_newsletter_writes_dates(string text, int year, int month, int? day, string iso)
    {
        var reading = PartialDateParser.Read(text, 2021, 11);

        Assert.Null(reading.Error);
        Assert.Null(reading.Warning);
        Assert.Equal(year, reading.Date!.Year);
        Assert.Equal(month, reading.Date.Month);
        Assert.Equal(day, reading.Date.Day);
        Assert.Equal(iso, reading.Date.Iso);
        Assert.Equal(text, reading.Date.Text);
    }

    [Theory]
    [InlineData("2021", DatePrecision.Year, "2021")]
    [InlineData("2021年", DatePrecision.Year, "2021")]
    public void A_year_alone_is_a_year(string text, DatePrecision precision, string iso)
    {
        var date = PartialDateParser.Read(text, 2021, 11).Date!;
        Assert.Equal(precision, date.Precision);
        Assert.Equal(iso, date.Iso);
        Assert.Equal(new DateOnly(2021, 1, 1), date.Start);
        Assert.Equal(new DateOnly(2021, 12, 31), date.End);
    }

    [Fact]
    public void A_month_later_than_the_issue_is_last_year()
    {
        // "12月" in a January 2022 issue is December 2021.
        Assert.Equal("2021-12", PartialDateParser.Read("12月", 2022, 1).Date!.Iso);
        Assert.Equal("2022-01", PartialDateParser.Read("1月", 2022, 1).Date!.Iso);
        Assert.Equal("2021-11-05", PartialDateParser.Read("11月5日", 2021, 11).Date!.Iso);
    }

    [Theory]
    [InlineData("9月31日", "2021-09")]
    [InlineData("9 月 31 日", "2021-09")]
    [InlineData("2021-02-29", "2021-02")]
    public void An_impossible_day_is_kept_as_written_at_month_precision_with_a_warning(string text, string iso)
    {
        var reading = PartialDateParser.Read(text, 2021, 11);

        Assert.Null(reading.Error);
        Assert.Contains("not a real date", reading.Warning);
        Assert.Equal(DatePrecision.Month, reading.Date!.Precision);
        Assert.Equal(iso, reading.Date.Iso);
        Assert.Equal(text, reading.Date.Text);
    }

    [Fact]
    public void The_29th_of_February_exists_in_a_leap_year() =>
        Assert.Equal("2024-02-29", PartialDateParser.Read("2024-02-29", 2024, 3).Date!.Iso);

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("13月")]
    [InlineData("2021-13")]
    [InlineData("上周")]
    [InlineData("10月24日-10月28日")]
    public void Unreadable_dates_are_errors(string text)
    {
        var reading = PartialDateParser.Read(text, 2021, 11);
        Assert.True(reading.IsError);
        Assert.Null(reading.Date);
    }

    [Fact]
    public void A_month_spans_its_first_to_its_last_day()
    {
        var date = PartialDateParser.Read("2021-02", 2021, 11).Date!;
        Assert.Equal(new DateOnly(2021, 2, 1), date.Start);
        Assert.Equal(new DateOnly(2021, 2, 28), date.End);
    }

    [Fact]
    public void Dates_are_written_at_their_own_precision_in_both_languages()
    {
        var month = PartialDateParser.Read("10月", 2021, 11).Date!;
        var day = PartialDateParser.Read("9月21日", 2021, 11).Date!;

        Assert.Equal("2021年10月", month.ToChinese());
        Assert.Equal("October 2021", month.ToEnglish());
        Assert.Equal("2021年9月21日", day.ToChinese());
        Assert.Equal("21 September 2021", day.ToEnglish());
    }
}
