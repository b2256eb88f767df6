using Briefings.Model;
using Briefings.Rendering.Charts;

namespace Briefings.Rendering;

// The pages of one file of the archive. The shared parts (DocumentPage, EntityPage) are filled in one place each
// (SitePages.Document, SitePages.Entity) and copied into the page of each kind, which adds its own members.

/// <summary>What every page of a file shows: its body, its numbered sources, how to cite it, its corrections.</summary>
public record DocumentPage : PageModel
{
    public DocumentPage(PageModel page) : base(page) { }

    public string Id { get; init; } = "";
    public string Body { get; init; } = "";
    public IReadOnlyList<SourceView> Sources { get; init; } = [];
    public CiteView? Cite { get; init; }
    public IReadOnlyList<string> FormerIds { get; init; } = [];
    public IReadOnlyList<CorrectionView> Corrections { get; init; } = [];
}

/// <summary>What every entity page shows: the briefings, events and agreements that involve it, and its company.</summary>
public record EntityPage : DocumentPage
{
    public EntityPage(DocumentPage page) : base(page) { }

    public string? NativeName { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    /// <summary>The latest briefings, of <see cref="BriefingsCount"/>, all of them at <see cref="BriefingsUrl"/> (null when that list has no page: see SitePages.ListUrl).</summary>
    public IReadOnlyList<BriefingItemView> Briefings { get; init; } = [];
    public int BriefingsCount { get; init; }
    public string? BriefingsUrl { get; init; }
    /// <summary>The latest events, of <see cref="EventsCount"/>, all of them at <see cref="EventsUrl"/>.</summary>
    public IReadOnlyList<EventView> Events { get; init; } = [];
    public int EventsCount { get; init; }
    public string? EventsUrl { get; init; }
    /// <summary>The latest agreements, of <see cref="AgreementsCount"/>, all of them at <see cref="AgreementsUrl"/>.</summary>
    public IReadOnlyList<AgreementItemView> Agreements { get; init; } = [];
    public int AgreementsCount { get; init; }
    public string? AgreementsUrl { get; init; }
    public IReadOnlyList<LinkView> Companions { get; init; } = [];
    public ChartView? EventsChart { get; init; }
    /// <summary>Who works with whom around this entity: people and institutions have one.</summary>
    public ChartView? NetworkChart { get; init; }
}

public sealed record BriefingPage : DocumentPage
{
    public BriefingPage(DocumentPage page) : base(page) { }

    public required Briefing Briefing { get; init; }
    public required DateView? Date { get; init; }
    public required DateView? Updated { get; init; }
    public required string Summary { get; init; }
    public required IReadOnlyList<LinkView> Countries { get; init; }
    public required IReadOnlyList<LinkView> Actors { get; init; }
    public required IReadOnlyList<AgreementItemView> Agreements { get; init; }
    public required IReadOnlyList<EventView> Events { get; init; }
    public required IReadOnlyList<TagView> Tags { get; init; }
    public required IReadOnlyList<string> Authors { get; init; }
}

public sealed record CountryPage : EntityPage
{
    public CountryPage(EntityPage page) : base(page) { }

    public required Country Country { get; init; }
    /// <summary>The first institutions, of <see cref="InstitutionsCount"/>, all of them at <see cref="InstitutionsUrl"/>.</summary>
    public required IReadOnlyList<LinkView> Institutions { get; init; }
    public required int InstitutionsCount { get; init; }
    public string? InstitutionsUrl { get; init; }
    /// <summary>The first people, of <see cref="PeopleCount"/>, all of them at <see cref="PeopleUrl"/>.</summary>
    public required IReadOnlyList<LinkView> People { get; init; }
    public required int PeopleCount { get; init; }
    public string? PeopleUrl { get; init; }
    public required ChartView? DelegationMap { get; init; }
}

public sealed record InstitutionPage : EntityPage
{
    public InstitutionPage(EntityPage page) : base(page) { }

    public required Institution Institution { get; init; }
    public required LinkView? Country { get; init; }
    public required LinkView? Parent { get; init; }
    public required IReadOnlyList<LinkView> Children { get; init; }
    public required IReadOnlyList<FormerNameView> Names { get; init; }
    public required IReadOnlyList<PositionView> Positions { get; init; }
    public required ChartView? TenureChart { get; init; }
}

public sealed record PersonPage : EntityPage
{
    public PersonPage(EntityPage page) : base(page) { }

    public required Person Person { get; init; }
    public required LinkView? Country { get; init; }
    public required IReadOnlyList<PositionView> Positions { get; init; }
}

public sealed record AgreementPage : EntityPage
{
    public AgreementPage(EntityPage page) : base(page) { }

    public required Agreement Agreement { get; init; }
    /// <summary>Its confidence and how thin its evidence is, as every list of agreements shows them; <see cref="Rated"/>
    /// is the same as the one fact the legend of confidence explains.</summary>
    public required AgreementItemView Fact { get; init; }
    public IReadOnlyList<AgreementItemView> Rated => [Fact];
    public required IReadOnlyList<LinkView> Parties { get; init; }
    public required DateView? Signed { get; init; }
}

/// <summary>A catalog source: what it is, how far it can be trusted, and every fact and file that rests on it.</summary>
public sealed record SourcePage : DocumentPage
{
    public SourcePage(DocumentPage page) : base(page) { }

    public required SourceView Source { get; init; }
    public required IReadOnlyList<SourcedFactView> Facts { get; init; }
    public required IReadOnlyList<BriefingItemView> Briefings { get; init; }
    public required IReadOnlyList<LinkView> Others { get; init; }
}

/// <summary>A page of the site itself: About, Methodology.</summary>
public sealed record ProsePage : DocumentPage
{
    public ProsePage(DocumentPage page) : base(page) { }

    public required string? Summary { get; init; }
}
