using Briefings.Model;
using Briefings.Rendering.Charts;

namespace Briefings.Rendering;

// The pages that list the archive: the home page, the indexes, the split lists, and the pages about the whole archive.

public sealed record HomePage : PageModel
{
    public HomePage(PageModel page) : base(page) { }

    public required IReadOnlyList<BriefingItemView> Latest { get; init; }
    public required ArchiveCounts Counts { get; init; }
    public required IReadOnlyList<YearView> Years { get; init; }
    public required IReadOnlyList<EventView> RecentEvents { get; init; }
    public required ChartView? EventsChart { get; init; }
}

/// <summary>How many of each the archive holds, as the home page says.</summary>
public sealed record ArchiveCounts(int Briefings, int Countries, int Institutions, int People, int Agreements, int Events);

/// <summary>A list of links, items or tags: the indexes of countries, people, agreements and tags, the corrections.</summary>
public sealed record IndexPage<T> : PageModel
{
    public IndexPage(PageModel page) : base(page) { }

    public required IReadOnlyList<T> Items { get; init; }
}

/// <summary>Every briefing, or those of a year, newest first.</summary>
public sealed record BriefingListPage : PageModel
{
    public BriefingListPage(PageModel page) : base(page) { }

    public required IReadOnlyList<BriefingItemView> Items { get; init; }
    public required IReadOnlyList<YearView> Years { get; init; }
    /// <summary>The year listed; null for all briefings.</summary>
    public required int? Year { get; init; }
}

public sealed record TagPage : PageModel
{
    public TagPage(PageModel page) : base(page) { }

    public required string Tag { get; init; }
    public required IReadOnlyList<BriefingItemView> Items { get; init; }
}

/// <summary>A list of an entity's own: its briefings, its agreements, a country's institutions or people.</summary>
public sealed record EntityListPage<T> : PageModel
{
    public EntityListPage(PageModel page) : base(page) { }

    /// <summary>The entity, with its kind as the link's note.</summary>
    public required LinkView Entity { get; init; }
    public required IReadOnlyList<T> Items { get; init; }
}

/// <summary>Every event that involves an entity, newest first.</summary>
public sealed record EntityEventsPage : PageModel
{
    public EntityEventsPage(PageModel page) : base(page) { }

    public required LinkView Entity { get; init; }
    public required IReadOnlyList<EventView> Events { get; init; }
}

public sealed record TimelinePage : PageModel
{
    public TimelinePage(PageModel page) : base(page) { }

    public required IReadOnlyList<TimelineYear> Groups { get; init; }
    /// <summary>The charts are of the whole archive: the first page shows them.</summary>
    public required ChartView? EventsChart { get; init; }
    public required ChartView? DelegationMap { get; init; }
    public required TimelineFiltersView Filters { get; init; }
}

/// <summary>The events of one year, under its heading on the timeline.</summary>
public sealed record TimelineYear(int Year, IReadOnlyList<EventView> Events);

/// <summary>The institutions, under the country of each.</summary>
public sealed record InstitutionsPage : PageModel
{
    public InstitutionsPage(PageModel page) : base(page) { }

    public required IReadOnlyList<GroupView> Groups { get; init; }
}

/// <summary>The catalog of sources, and every publisher cited.</summary>
public sealed record SourcesPage : PageModel
{
    public SourcesPage(PageModel page) : base(page) { }

    /// <summary>The publishers, each with the first pages that cite it: on the first page only.</summary>
    public required IReadOnlyList<PublisherGroup>? Groups { get; init; }
    public required IReadOnlyList<CatalogItemView> Catalog { get; init; }
    public required int CatalogCount { get; init; }
}

/// <summary>Every briefing and entity page that cites a publisher.</summary>
public sealed record PublisherPage : PageModel
{
    public PublisherPage(PageModel page) : base(page) { }

    public required PublisherView Publisher { get; init; }
    public required IReadOnlyList<CitingView> Items { get; init; }
}

/// <summary>The <c>/data/</c> page: every file a reader can download, what it holds, its columns or schema.</summary>
public sealed record DataPage : PageModel
{
    public DataPage(PageModel page) : base(page) { }

    public required IReadOnlyList<DataFileView> Files { get; init; }
    public required string IndexFile { get; init; }
    public required string SchemaFile { get; init; }
}

/// <summary>Who works with whom across the archive.</summary>
public sealed record NetworkPage : PageModel
{
    public NetworkPage(PageModel page) : base(page) { }

    public required ChartView? NetworkChart { get; init; }
}
