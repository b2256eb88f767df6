using Briefings.Resolving;

namespace Briefings.Rendering.Charts;

/// <summary>How many events of each type began in each year, for a stacked bar per year: every year from the
/// first to the last (a year without events is a gap, as time is), types in the content format's order.</summary>
public sealed record EventsPerYear(int FirstYear, IReadOnlyList<string> Types, int[][] Counts)
{
    /// <summary>The event types of the content format, in its order: a type keeps its colour on every page.</summary>
    public static readonly IReadOnlyList<string> AllTypes =
        ["delegation", "meeting", "signing", "training", "arrest", "trial", "repatriation", "statement", "other"];

    public int Years => Counts.Length;
    public int Total(int year) => Counts[year].Sum();

    public static EventsPerYear? Of(IReadOnlyCollection<EventEntry> events)
    {
        if (events.Count == 0) return null;
        int first = int.MaxValue, last = int.MinValue;
        var present = new bool[AllTypes.Count + 1];
        foreach (var e in events)
        {
            first = Math.Min(first, e.Event.Date.Year);
            last = Math.Max(last, e.Event.Date.Year);
            present[TypeIndex(e.Event.Type)] = true;
        }
        var types = AllTypes.Where((_, i) => present[i]).ToList();
        // A type the content format does not list (an older file) still counts, as "other" would.
        if (present[AllTypes.Count] && !types.Contains("other")) types.Add("other");
        var column = new int[AllTypes.Count + 1];
        for (int i = 0; i < column.Length; i++) column[i] = types.IndexOf(i < AllTypes.Count ? AllTypes[i] : "other");
        var counts = new int[last - first + 1][];
        for (int y = 0; y < counts.Length; y++) counts[y] = new int[types.Count];
        foreach (var e in events) counts[e.Event.Date.Year - first][column[TypeIndex(e.Event.Type)]]++;
        return new EventsPerYear(first, types, counts);
    }

    private static int TypeIndex(string type)
    {
        for (int i = 0; i < AllTypes.Count; i++) if (AllTypes[i] == type) return i;
        return AllTypes.Count;
    }

    /// <summary>The chart of a list of events, or null when there are none.</summary>
    public static ChartView? Chart(IReadOnlyCollection<EventEntry> events, string id = "chart-events") =>
        Of(events) is { } data ? EventsPerYearSvg.View(data, id) : null;
}
