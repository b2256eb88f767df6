using System.Globalization;

namespace Briefings.Model;

/// <summary>How precisely a date is known.</summary>
public enum DatePrecision { Year, Month, Day }

/// <summary>An ISO 8601 date that may stop at the year or month, as sources often do.
/// Ordering puts a partial date before every fuller date inside it: 2019 &lt; 2019-01 &lt; 2019-01-01.</summary>
public readonly record struct PartialDate(int Year, int Month, int Day) : IComparable<PartialDate>
{
    public DatePrecision Precision => Month == 0 ? DatePrecision.Year : Day == 0 ? DatePrecision.Month : DatePrecision.Day;
    public bool IsFull => Precision == DatePrecision.Day;

    /// <summary>Parses <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>; rejects impossible dates such as 2019-02-30.</summary>
    public static bool TryParse(string text, out PartialDate date)
    {
        date = default;
        var parts = text.Split('-');
        if (parts.Length > 3 || parts[0].Length != 4) return false;
        foreach (var p in parts.Skip(1)) if (p.Length != 2) return false;
        if (!parts.All(p => p.All(char.IsAsciiDigit))) return false;
        int y = int.Parse(parts[0], CultureInfo.InvariantCulture);
        int m = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0;
        int d = parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : 0;
        if (y < 1 || parts.Length > 1 && (m < 1 || m > 12)) return false;
        if (parts.Length > 2 && (d < 1 || d > DateTime.DaysInMonth(y, m))) return false;
        date = new PartialDate(y, m, d);
        return true;
    }

    public static PartialDate Parse(string text) =>
        TryParse(text, out var d) ? d : throw new FormatException($"not a date: '{text}'");

    public int CompareTo(PartialDate other)
    {
        int c = Year.CompareTo(other.Year);
        if (c != 0) return c;
        c = Month.CompareTo(other.Month);
        return c != 0 ? c : Day.CompareTo(other.Day);
    }

    public static bool operator <(PartialDate a, PartialDate b) => a.CompareTo(b) < 0;
    public static bool operator >(PartialDate a, PartialDate b) => a.CompareTo(b) > 0;
    public static bool operator <=(PartialDate a, PartialDate b) => a.CompareTo(b) <= 0;
    public static bool operator >=(PartialDate a, PartialDate b) => a.CompareTo(b) >= 0;

    /// <summary>True when every day this date may mean lies before every day <paramref name="other"/> may mean:
    /// 2019-05 ends before 2019-06-01, but 2019-06 does not end before 2019.</summary>
    public bool EndsBefore(PartialDate other) => LastDay() < other.FirstDay();

    public DateOnly FirstDay() => new(Year, Math.Max(Month, 1), Math.Max(Day, 1));
    public DateOnly LastDay() => Precision switch
    {
        DatePrecision.Year => new(Year, 12, 31),
        DatePrecision.Month => new(Year, Month, DateTime.DaysInMonth(Year, Month)),
        _ => new(Year, Month, Day),
    };

    /// <summary>ISO form, as written in <c>datetime</c> attributes and data files.</summary>
    public override string ToString() => Precision switch
    {
        DatePrecision.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        DatePrecision.Month => $"{Year:D4}-{Month:D2}",
        _ => $"{Year:D4}-{Month:D2}-{Day:D2}",
    };

    /// <summary>As people read it: "2019", "June 2019", "12 June 2019".</summary>
    public string ToDisplay() => Precision switch
    {
        DatePrecision.Year => Year.ToString(CultureInfo.InvariantCulture),
        DatePrecision.Month => $"{MonthNames[Month - 1]} {Year}",
        _ => $"{Day} {MonthNames[Month - 1]} {Year}",
    };

    private static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
}
