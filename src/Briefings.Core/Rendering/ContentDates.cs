using Briefings.Model;
using Briefings.Resolving;

namespace Briefings.Rendering;

/// <summary>When each page last changed, taken from the content itself and never from the clock, so the same
/// input always gives the same feeds, sitemap and previews.</summary>
public static class ContentDates
{
    /// <summary>A briefing's last change: <c>updated</c>, else <c>date</c>, or its newest correction if that is later.</summary>
    public static PartialDate Modified(Briefing b) => Later(b.Updated ?? b.Date, Corrected(b));

    /// <summary>The date of a file's newest correction, if it has any.</summary>
    public static PartialDate? Corrected(Document d)
    {
        PartialDate? newest = null;
        foreach (var c in d.Corrections)
            if (newest is not { } n || c.Date > n) newest = c.Date;
        return newest;
    }

    private static PartialDate Later(PartialDate a, PartialDate? b) => b is { } v && v > a ? v : a;

    /// <summary>The newest last change among some briefings; null when there are none.</summary>
    public static PartialDate? Newest(IEnumerable<Briefing> briefings)
    {
        PartialDate? newest = null;
        foreach (var b in briefings)
            if (newest is not { } n || Modified(b) > n) newest = Modified(b);
        return newest;
    }

    /// <summary>An entity page changes when a briefing that involves it does, and when it is corrected.</summary>
    public static PartialDate? OfEntity(ArchiveIndex index, string id)
    {
        var briefings = Newest(index.BriefingsOf(id));
        var corrected = index.Find(id) is { } d ? Corrected(d) : null;
        return briefings is { } b ? Later(b, corrected) : corrected;
    }

    /// <summary>The first moment of a date in UTC: a fixed instant for a date that has no time of day.</summary>
    public static DateTimeOffset Midnight(PartialDate d) => new(d.FirstDay().ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
