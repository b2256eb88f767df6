using Briefings.Model;
using Briefings.Resolving;

namespace Briefings.Rendering;

/// <summary>One filter of the timeline: a value of a facet, how many events it has, and whether it is the page's own.</summary>
public sealed record FilterView(string Url, string Name, int Count, bool Current);

/// <summary>The filters of one facet (countries, types, years, confidence).</summary>
public sealed record FilterGroupView(string Heading, IReadOnlyList<FilterView> Filters)
{
    /// <summary>Whether the page's own filter is among these: its group is shown open.</summary>
    public bool Open => Filters.Any(f => f.Current);
}

/// <summary>The filter bar: the whole timeline, and the filters of each facet.</summary>
public sealed record TimelineFiltersView(FilterView All, IReadOnlyList<FilterGroupView> Groups);

/// <summary>The filters of the timeline: real pages, so that they work without a script. Only values that have events
/// have a page; a country's filter is its events page, which already lists exactly its events.</summary>
public static class TimelineFilters
{
    /// <summary>The filter bar of the timeline, or of the timeline filtered by <paramref name="current"/>.</summary>
    public static TimelineFiltersView Of(ArchiveIndex index, EventFacet? current)
    {
        var groups = index.EventFacets.GroupBy(f => f.Facet)
            .Select(g => new FilterGroupView(Heading(g.Key), g.Select(f => new FilterView(UrlOf(index, f), Name(index, f), f.Count, f == current)).ToList()))
            .ToList();
        return new TimelineFiltersView(new FilterView(SiteUrls.Timeline, "All events", index.Events.Count, current is null), groups);
    }

    /// <summary>Where a filter's events are.</summary>
    public static string UrlOf(ArchiveIndex index, EventFacet f) =>
        f.Facet == EventFacet.Country ? SiteUrls.EventsOf(index.ById[f.Value]) : SiteUrls.TimelineOf(f.Facet, f.Value);

    /// <summary>What a filter page is about, for its title: "Timeline: Delegation", "Timeline: 2019".</summary>
    public static string Label(EventFacet f) => f.Facet switch
    {
        "confidence" => $"{Labels.Of(f.Value)} confidence",
        "year" => f.Value,
        _ => Labels.Of(f.Value),
    };

    /// <summary>The events of a filter, in a sentence: "12 events of the type Delegation".</summary>
    public static string Phrase(EventFacet f) => f.Facet switch
    {
        "confidence" => $"reported with {f.Value} confidence",
        "year" => $"in {f.Value}",
        _ => $"of the type {Labels.Of(f.Value)}",
    };

    private static string Name(ArchiveIndex index, EventFacet f) =>
        f.Facet == EventFacet.Country && index.Find(f.Value) is { } country ? country.DisplayName : f.Facet == "year" ? f.Value : Labels.Of(f.Value);

    private static string Heading(string facet) => facet switch
    {
        EventFacet.Country => "Country",
        "type" => "Type",
        "year" => "Year",
        _ => "Confidence",
    };
}
