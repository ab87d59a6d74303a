using NbsRoundup.Lookup;

namespace NbsRoundup.Tests.Lookup;

public sealed class DateReaderTests
{
    [Theory]
    [InlineData("2021", "2021")]
    [InlineData("2021-10", "2021-10")]
    [InlineData("2021/04", "2021-04")]
    [InlineData("2021/10/12", "2021-10-12")]
    [InlineData("2021-10-12T08:00:00+08:00", "2021-10-12")]
    [InlineData("2021-10-11T23:30:00-04:00", "2021-10-11")]
    [InlineData("2021-10-12 10:30", "2021-10-12")]
    [InlineData("2021-10-12-20:08:45", "2021-10-12")]
    [InlineData("2021年10月12日", "2021-10-12")]
    [InlineData("２０２１年１０月", "2021-10")]
    [InlineData("12 October 2021", "2021-10-12")]
    [InlineData("October 2021", "2021-10")]
    [InlineData("Oct 12, 2021", "2021-10-12")]
    [InlineData("Tue, 12 Oct 2021 08:00:00 GMT", "2021-10-12")]
    [InlineData("2021-02-30", "2021-02")]
    public void Metadata_dates_are_read_at_their_precision(string value, string iso)
    {
        Assert.Equal(iso, DateReader.Read(value)?.Iso);
    }

    [Theory]
    [InlineData("")]
    [InlineData("unknown")]
    [InlineData("2021-13")]
    [InlineData("Octopus 2021")]
    [InlineData("第3期")]
    public void Values_that_are_not_dates_give_none(string value)
    {
        Assert.Null(DateReader.Read(value));
    }

    [Theory]
    [InlineData("GLOBAL MANGROVE ALLIANCE The State of the World's Mangroves 2021 October 2021 Mangroves protect", "2021-10")]
    [InlineData("生态环境部 2021年10月12日 印发", "2021-10-12")]
    [InlineData("Targets for 2030 and a baseline of 2020, published 2021-09-21 in Nairobi", "2021-09-21")]
    public void Printed_dates_are_found_in_running_text(string text, string iso)
    {
        Assert.Equal(iso, DateReader.Find(text)?.Iso);
    }

    [Fact]
    public void A_year_alone_in_running_text_is_no_date()
    {
        Assert.Null(DateReader.Find("Restoring 350 million hectares by 2030, we may 2021 see results"));
    }
}
