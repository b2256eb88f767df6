using Briefings.Model;

namespace Briefings.Tests.Checking;

/// <summary>ISO dates that may stop at the year or month: <c>2019</c>, <c>2019-06</c>, <c>2019-06-12</c>.</summary>
public sealed class PartialDateTests
{
    [Theory]
    [InlineData("2019", 2019, 0, 0, DatePrecision.Year)]
    [InlineData("2019-06", 2019, 6, 0, DatePrecision.Month)]
    [InlineData("2019-06-12", 2019, 6, 12, DatePrecision.Day)]
    [InlineData("0001-01-01", 1, 1, 1, DatePrecision.Day)]
    [InlineData("9999-12-31", 9999, 12, 31, DatePrecision.Day)]
    public void Parses_a_year_a_month_or_a_day(string text, int year, int month, int day, DatePrecision precision)
    {
        Assert.True(PartialDate.TryParse(text, out var date));
        Assert.Equal(new PartialDate(year, month, day), date);
        Assert.Equal(precision, date.Precision);
        Assert.Equal(precision == DatePrecision.Day, date.IsFull);
        Assert.Equal(text, date.ToString());
    }

    [Theory]
    [InlineData("2019-02-30")]
    [InlineData("2019-04-31")]
    [InlineData("2019-13")]
    [InlineData("2019-00")]
    [InlineData("2019-06-00")]
    [InlineData("2019-06-32")]
    [InlineData("0000")]
    [InlineData("19-06")]
    [InlineData("2019-6-1")]
    [InlineData("2019-6")]
    [InlineData("2019-06-1")]
    [InlineData("20190612")]
    [InlineData("2019/06/12")]
    [InlineData("2019-06-12T10:00")]
    [InlineData("2019-06-12-01")]
    [InlineData("2019-")]
    [InlineData("-2019")]
    [InlineData("+2019")]
    [InlineData(" 2019")]
    [InlineData("2019 ")]
    [InlineData("June 2019")]
    [InlineData("２０１９")]
    [InlineData("٢٠١٩")]
    [InlineData("")]
    public void Rejects_what_is_not_a_real_date(string text)
    {
        Assert.False(PartialDate.TryParse(text, out var date));
        Assert.Equal(default, date);
        Assert.Throws<FormatException>(() => PartialDate.Parse(text));
    }

    [Theory]
    [InlineData("2020-02-29", true)]
    [InlineData("2019-02-29", false)]
    [InlineData("2000-02-29", true)]
    [InlineData("1900-02-29", false)]
    [InlineData("2024-02-29", true)]
    [InlineData("2019-02-28", true)]
    public void Knows_leap_years(string text, bool valid) => Assert.Equal(valid, PartialDate.TryParse(text, out _));

    [Fact]
    public void A_partial_date_sorts_before_every_fuller_date_inside_it()
    {
        string[] ordered = ["2019", "2019-01", "2019-01-01", "2019-01-02", "2019-02", "2019-02-01", "2019-12-31", "2020"];
        var shuffled = ordered.Reverse().Concat(ordered.Where((_, i) => i % 2 == 0)).Select(PartialDate.Parse).ToList();

        var sorted = shuffled.Order().Distinct().Select(d => d.ToString()).ToList();

        Assert.Equal(ordered, sorted);
        for (int i = 1; i < ordered.Length; i++)
        {
            var (a, b) = (PartialDate.Parse(ordered[i - 1]), PartialDate.Parse(ordered[i]));
            Assert.True(a < b, $"{a} < {b}");
            Assert.True(b > a, $"{b} > {a}");
            Assert.True(a <= b && b >= a);
            Assert.True(a.CompareTo(b) < 0 && b.CompareTo(a) > 0);
        }
        Assert.True(PartialDate.Parse("2019-06") <= PartialDate.Parse("2019-06"));
        Assert.Equal(0, PartialDate.Parse("2019-06").CompareTo(PartialDate.Parse("2019-06")));
    }

    [Theory]
    [InlineData("2019", "2019")]
    [InlineData("2019-06", "June 2019")]
    [InlineData("2019-06-12", "12 June 2019")]
    [InlineData("2020-01-01", "1 January 2020")]
    [InlineData("2019-12", "December 2019")]
    public void Displays_as_people_read_it(string text, string display) =>
        Assert.Equal(display, PartialDate.Parse(text).ToDisplay());

    [Theory]
    [InlineData("2019-05", "2019-06-01", true)]
    [InlineData("2019-05-31", "2019-06", true)]
    [InlineData("2019", "2020", true)]
    [InlineData("2018", "2019-01", true)]
    [InlineData("2019-06-12", "2019-06-13", true)]
    [InlineData("2019-06", "2019", false)]
    [InlineData("2019", "2019-06", false)]
    [InlineData("2019-06", "2019-06-30", false)]
    [InlineData("2019-06-12", "2019-06-12", false)]
    [InlineData("2019-06-13", "2019-06-12", false)]
    [InlineData("2019-12", "2019", false)]
    [InlineData("2020-02", "2020-02-29", false)]
    [InlineData("2020-02", "2020-03-01", true)]
    public void EndsBefore_is_true_only_when_every_day_it_may_mean_is_earlier(string a, string b, bool expected) =>
        Assert.Equal(expected, PartialDate.Parse(a).EndsBefore(PartialDate.Parse(b)));

    [Theory]
    [InlineData("2019", "2019-01-01", "2019-12-31")]
    [InlineData("2020-02", "2020-02-01", "2020-02-29")]
    [InlineData("2019-02", "2019-02-01", "2019-02-28")]
    [InlineData("2019-06-12", "2019-06-12", "2019-06-12")]
    public void The_first_and_last_day_a_date_may_mean(string text, string first, string last)
    {
        var date = PartialDate.Parse(text);
        Assert.Equal(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), date.FirstDay());
        Assert.Equal(DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture), date.LastDay());
    }
}
