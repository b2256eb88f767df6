using Briefings.Model;
using Briefings.Resolving;

namespace Briefings.Rendering.Charts.Map;

/// <summary>Delegations and visits by route: every delegation event that names both the country it went from and the
/// one it went to, counted per route. Most travelled first, then by the countries' names.</summary>
public sealed record Delegations(IReadOnlyList<Route> Routes)
{
    /// <summary>How many routes a map draws and its table lists, the most travelled: enough for every route of a
    /// real archive (the archive has a handful), few enough to read. A large archive has a route for most pairs of
    /// countries (1,253 at 100,000 generated briefings, 390 KB of map and table on the timeline); the others are
    /// counted in one row, and every delegation is in the archive's data.</summary>
    public const int Drawn = 40;

    public int Total => Routes.Sum(r => r.Count);

    /// <summary>The routes drawn and listed one by one.</summary>
    public IReadOnlyList<Route> Shown => Routes.Count <= Drawn ? Routes : [.. Routes.Take(Drawn)];

    /// <summary>The routes counted together: how many, and their delegations.</summary>
    public (int Routes, int Delegations) Others => (Routes.Count - Shown.Count, Routes.Skip(Shown.Count).Sum(r => r.Count));

    public static Delegations? Of(ArchiveIndex index, IEnumerable<EventEntry> events)
    {
        var counts = new Dictionary<(string From, string To), int>();
        foreach (var e in events)
            if (e.Event is { Type: "delegation", From: { } from, To: { } to } && from.Id != to.Id)
                counts[(from.Id, to.Id)] = counts.GetValueOrDefault((from.Id, to.Id)) + 1;
        var routes = counts
            .Select(c => (From: index.Find(c.Key.From) as Country, To: index.Find(c.Key.To) as Country, Count: c.Value))
            .Where(c => c.From is not null && c.To is not null)
            .Select(c => new Route(c.From!, c.To!, c.Count))
            .OrderByDescending(r => r.Count).ThenBy(r => r.From.Name, StringComparer.Ordinal).ThenBy(r => r.To.Name, StringComparer.Ordinal)
            .ThenBy(r => r.From.Id, StringComparer.Ordinal).ThenBy(r => r.To.Id, StringComparer.Ordinal)
            .ToList();
        return routes.Count == 0 ? null : new Delegations(routes);
    }

    /// <summary>The map of every delegation of the archive (the timeline's), or null when none names both ends.</summary>
    public static ChartView? Chart(ArchiveIndex index, string id = "chart-delegations") =>
        Of(index, index.Events) is { } data ? DelegationMapSvg.View(data, null, id) : null;

    /// <summary>The map of the delegations from or to a country, or null when there is none.</summary>
    public static ChartView? Chart(ArchiveIndex index, Country country, string id = "chart-delegations") =>
        Of(index, index.EventsOf(country.Id).Where(e => e.Event.From?.Id == country.Id || e.Event.To?.Id == country.Id)) is { } data
            ? DelegationMapSvg.View(data, country, id) : null;
}

/// <summary>Delegations from one country to another, and how many.</summary>
public sealed record Route(Country From, Country To, int Count);
