using Briefings.Errors;
using Briefings.Model;
using Briefings.Rendering.Charts;
using Briefings.Rendering.Charts.Map;
using Briefings.Rendering.Charts.Network;
using Briefings.Resolving;

namespace Briefings.Rendering;

/// <summary>One page of the site: where it goes, which template draws it, and the data it shows.
/// The model is built only when the page is rendered, so pages can be rendered and written one at a time.</summary>
public sealed record PageSpec(string UrlPath, string Template, Func<PageModel> Model)
{
    /// <summary>The file under output/: "/people/x/" becomes "people/x/index.html".</summary>
    public string FilePath => FileOf(UrlPath);

    /// <summary>The file under output/ of a page's URL.</summary>
    public static string FileOf(string urlPath) => urlPath.EndsWith('/') ? urlPath.TrimStart('/') + "index.html" : urlPath.TrimStart('/');
}

/// <summary>Every HTML page of the site, as the contract lists them.</summary>
public sealed class SitePages
{
    public const int HomeBriefings = 10;
    /// <summary>How many of its latest briefings, events and agreements an entity's page shows; all of them are on
    /// pages of their own (<see cref="SiteUrls.BriefingsOf"/>, <see cref="SiteUrls.EventsOf"/>, <see cref="SiteUrls.AgreementsOf"/>).</summary>
    public const int EntityLatest = 10;
    /// <summary>How many of its institutions, and of its people, a country's page shows; all of them are on pages
    /// of their own (<see cref="SiteUrls.InstitutionsOf"/>, <see cref="SiteUrls.PeopleOf"/>).</summary>
    public const int MembersShown = 20;
    /// <summary>How many of the briefings, and of the entity pages, that cite a publisher the sources page shows;
    /// all of them are on the publisher's page (<see cref="SiteUrls.Publisher"/>).</summary>
    public const int CitingShown = 10;
    /// <summary>The id of the site page that explains how facts are verified; legends of confidence link to it.</summary>
    public const string MethodologyId = "methodology";

    private readonly ArchiveIndex index;
    private readonly ViewFactory views;
    private Archive Archive => index.Archive;
    private readonly LinkPreview _previews;
    private readonly EntityDescriptions _descriptions;

    /// <summary>The site's own pages that <c>site.yml</c> links from every page, in its order.</summary>
    private readonly IReadOnlyList<LinkView> _footer;

    /// <summary>The Methodology page, if the site has one.</summary>
    private readonly string? _methodology;

    public SitePages(ArchiveIndex index, ViewFactory views)
    {
        this.index = index;
        this.views = views;
        _previews = new(index);
        _descriptions = new(index);
        _footer = index.Site.Footer.Select(r => index.Find(r.Id)).OfType<SitePage>().Select(p => views.Link(p)).ToList();
        _methodology = index.Find(MethodologyId) is SitePage m ? m.Url : null;
        _publishers = new(() => SourceCatalog.Groups(index));
    }

    public IEnumerable<PageSpec> All()
    {
        yield return new(SiteUrls.Home, "home", Home);
        // Split lists are counted here, to know their pages; each page's model reads its list again, so that serve
        // records what it shows (see Resolving/Reads).
        foreach (var p in Paged(Pagination.OfBriefings(SiteUrls.ListOf(DocumentKind.Briefing), index.Briefings.Count), "briefings", at => BriefingList("Briefings", index.Briefings, null, at)))
            yield return p;
        foreach (var year in Years())
            foreach (var p in Paged(Pagination.OfBriefings(SiteUrls.Year(year.Year), year.Count), "briefings", at => BriefingList($"Briefings of {year.Year}", index.BriefingsIn(year.Year), year.Year, at)))
                yield return p;
        foreach (var b in index.Briefings) yield return new(b.Url, "briefing", () => Briefing(b));
        yield return new(SiteUrls.ListOf(DocumentKind.Country), "countries", Countries);
        foreach (var c in Archive.Countries)
        {
            yield return new(c.Url, "country", () => Country(c));
            foreach (var p in EntityLists(c)) yield return p;
            foreach (var p in MemberLists(c)) yield return p;
        }
        foreach (var p in Paged(Pagination.OfLinks(SiteUrls.ListOf(DocumentKind.Institution), Archive.Institutions.Count()), "institutions", Institutions))
            yield return p;
        foreach (var i in Archive.Institutions)
        {
            yield return new(i.Url, "institution", () => Institution(i));
            foreach (var p in EntityLists(i)) yield return p;
        }
        foreach (var p in Paged(Pagination.OfLinks(SiteUrls.ListOf(DocumentKind.Person), Archive.People.Count()), "people", People))
            yield return p;
        foreach (var p in Archive.People)
        {
            yield return new(p.Url, "person", () => Person(p));
            foreach (var l in EntityLists(p)) yield return l;
        }
        foreach (var p in Paged(Pagination.OfItems(SiteUrls.ListOf(DocumentKind.Agreement), Archive.Agreements.Count()), "agreements", Agreements))
            yield return p;
        foreach (var a in Archive.Agreements)
        {
            yield return new(a.Url, "agreement", () => Agreement(a));
            foreach (var p in EntityLists(a)) yield return p;
        }
        foreach (var p in Paged(Pagination.OfEvents(SiteUrls.Timeline, index.Events.Count), "timeline", at => Timeline(null, at))) yield return p;
        // A country's events have their page already (its events page): the filters link there.
        foreach (var f in index.EventFacets.Where(f => f.Facet != EventFacet.Country))
            foreach (var p in Paged(Pagination.OfEvents(SiteUrls.TimelineOf(f.Facet, f.Value), f.Count), "timeline", at => Timeline(f, at)))
                yield return p;
        yield return new(SiteUrls.Network, "network", ArchiveNetwork);
        yield return new(SiteUrls.Tags, "tags", Tags);
        foreach (var (tag, briefings) in index.ByTag)
            foreach (var p in Paged(Pagination.OfBriefings(SiteUrls.Tag(tag), briefings.Count), "tag", at => Tag(tag, index.TaggedWith(tag), at)))
                yield return p;
        foreach (var p in Paged(Pagination.OfItems(SiteUrls.Sources, Archive.Catalog.Count), "sources", Sources)) yield return p;
        foreach (var pub in Publishers().SelectMany(g => g.Publishers))
            foreach (var p in Paged(Pagination.OfLinks(pub.Url, pub.BriefingCount + pub.EntityCount), "publisher", at => Publisher(pub.Name, at)))
                yield return p;
        foreach (var c in index.Archive.Documents.OfType<CatalogSource>()) yield return new(c.Url, "source", () => Source(c));
        yield return new(SiteUrls.DataFolder, "data", Data);
        yield return new(SiteUrls.Corrections, "corrections", CorrectionsPage);
        foreach (var p in Archive.Pages) yield return new(p.Url, "page", () => SitePage(p));
        foreach (var r in Redirects.Of(Archive)) yield return new(r.From, "redirect", () => Redirect(r));
        yield return new(SiteUrls.Search, "search", () => Page("Search", "Search the briefings, people, institutions, countries and agreements.", SiteUrls.Search, "search"));
        yield return new(SiteUrls.NotFound, "404", () => Page("Page not found", "There is no page at this address.", SiteUrls.NotFound, "error"));
    }

    /// <summary>The pages of a list split as <see cref="Pagination"/> says: one page spec per part.</summary>
    private static IEnumerable<PageSpec> Paged(Pagination list, string template, Func<ListPage, PageModel> model) =>
        list.Pages.Select(at => new PageSpec(at.Url, template, () => model(at)));

    /// <summary>A page of a split list: its title says which part it is ("Briefings, page 2 of 7"), its canonical URL
    /// is its own, and it carries the links to the other parts (<c>rel="prev"</c>, <c>rel="next"</c>, page numbers).
    /// A list short enough for one page is as it was.</summary>
    private PageModel ListPage(string title, string description, ListPage at, string kind) =>
        Page(at.Of.Count == 1 ? title : $"{title}, page {at.Number} of {at.Of.Count}", description, at.Url, kind) with
        {
            Pager = at.Of.Count == 1 ? null : PagerView.Of(at),
        };

    private PageModel Page(string title, string description, string url, string kind, PreviewView? preview = null) =>
        new(title, description, url, index.Site.Absolute(url), kind, preview ?? _previews.ForPage(kind, title, description, url),
            PreviewCards.For(index.Site, kind), _footer, _methodology);

    private DocumentPage Document(Document d, string description, DateView? date) =>
        new(Page(d.DisplayName, description, d.Url, d.Kind.Noun(), _previews.For(d, description)))
        {
            Id = d.Id,
            Body = views.BodyHtml(d),
            Sources = views.Sources(d),
            Cite = new CiteView(index.Site.Absolute(d.Url), d.DisplayName, index.Site.Title, date, null),
            FormerIds = d.FormerIds.Select(r => r.Id).ToList(),
            Corrections = views.Corrections(d),
        };

    /// <summary>What every entity page shows: the briefings, events and agreements that involve it, and its company.</summary>
    private EntityPage Entity(Entity e, string description, ChartView? network = null)
    {
        var briefings = index.BriefingsOf(e.Id);
        var events = index.EventsOf(e.Id);
        var agreements = index.AgreementsOf(e.Id).Where(a => a.Id != e.Id).ToList();
        return new(Document(e, description, DateView.Of(ContentDates.OfEntity(index, e.Id))))
        {
            NativeName = e.NativeName,
            Aliases = e.Aliases,
            Briefings = views.Items(briefings.Take(EntityLatest)),
            BriefingsCount = briefings.Count,
            BriefingsUrl = ListUrl(SiteUrls.BriefingsOf(e), briefings.Count),
            // The latest events, newest first as on the entity's events page.
            Events = views.Events(events.Take(EntityLatest)),
            EventsCount = events.Count,
            EventsUrl = ListUrl(SiteUrls.EventsOf(e), events.Count),
            Agreements = views.Items(agreements.Take(EntityLatest)),
            AgreementsCount = agreements.Count,
            AgreementsUrl = AgreementsListUrl(e, agreements.Count),
            Companions = index.CompanionsOf(e.Id).Select(c => views.Link(c.Entity, Wording.Count(c.Count, "briefing"))).ToList(),
            Feed = SiteUrls.FeedOf(e),
            EventsChart = EventsPerYear.Chart(events),
            NetworkChart = network,
        };
    }

    private HomePage Home() => new(Page(index.Site.Title, index.Site.Description, SiteUrls.Home, "home"))
    {
        Latest = views.Items(index.Briefings.Take(HomeBriefings)),
        Counts = new ArchiveCounts(
            Briefings: index.Briefings.Count,
            Countries: Archive.Countries.Count(),
            Institutions: Archive.Institutions.Count(),
            People: Archive.People.Count(),
            Agreements: Archive.Agreements.Count(),
            Events: index.Events.Count),
        Years = Years(),
        RecentEvents = views.Events(Pagination.Last(index.Events, 5).Reverse()),
        EventsChart = EventsPerYear.Chart(index.Events),
    };

    public IReadOnlyList<YearView> Years() => index.Years.Select(y => new YearView(y.Year, SiteUrls.Year(y.Year), y.Count)).ToList();

    /// <summary>Every briefing, event and agreement that involves an entity, newest first, on pages of their own: its
    /// page shows the latest of each.</summary>
    private IEnumerable<PageSpec> EntityLists(Entity e)
    {
        if (ListUrl(SiteUrls.BriefingsOf(e), index.BriefingsOf(e.Id).Count) is { } briefingsUrl)
            foreach (var p in Paged(Pagination.OfBriefings(briefingsUrl, index.BriefingsOf(e.Id).Count), "entity-briefings", at =>
            {
                var briefings = index.BriefingsOf(e.Id);
                return EntityList(e, $"Briefings on {e.DisplayName}", $"{Wording.Count(briefings.Count, "briefing")} that involve {e.DisplayName}, newest first.", at,
                    views.Items(at.Slice(briefings))) with
                { Feed = SiteUrls.FeedOf(e) };
            }))
                yield return p;
        if (ListUrl(SiteUrls.EventsOf(e), index.EventsOf(e.Id).Count) is { } eventsUrl)
            foreach (var p in Paged(Pagination.OfEvents(eventsUrl, index.EventsOf(e.Id).Count), "entity-events", at =>
            {
                var events = index.EventsOf(e.Id);
                return new EntityEventsPage(ListPage($"Events of {e.DisplayName}", $"{Wording.Count(events.Count, "event")} that involve {e.DisplayName}, newest first.", at, "list"))
                {
                    Entity = views.Link(e, e.Kind.Noun()),
                    Events = views.Events(at.Slice(events)),
                };
            }))
                yield return p;
        if (AgreementsListUrl(e, index.AgreementsOf(e.Id).Count) is { } agreementsUrl)
            foreach (var p in Paged(Pagination.OfItems(agreementsUrl, index.AgreementsOf(e.Id).Count), "entity-agreements", at =>
            {
                var agreements = index.AgreementsOf(e.Id);
                return EntityList(e, $"Agreements of {e.DisplayName}", $"{Wording.Count(agreements.Count, "agreement")} that involve {e.DisplayName}, most recently signed first.", at,
                    views.Items(at.Slice(agreements)));
            }))
                yield return p;
    }

    /// <summary>The URL of one of an entity's lists, or null when that list has no page of its own: an empty list has
    /// none (nothing would link to it; they were a third of a large site's pages). The entity's page links to exactly
    /// the pages this gives.</summary>
    private static string? ListUrl(string url, int count) => count > 0 ? url : null;

    /// <summary>The URL of an entity's list of agreements: an agreement has none (the few agreements its page names
    /// beside itself are all it has), so its page links to no such list and no such page is written.</summary>
    private static string? AgreementsListUrl(Entity e, int count) =>
        e.Kind == DocumentKind.Agreement ? null : ListUrl(SiteUrls.AgreementsOf(e), count);

    /// <summary>A page of one of an entity's lists: its kicker leads back to the entity.</summary>
    private EntityListPage<T> EntityList<T>(Entity e, string title, string description, ListPage at, IReadOnlyList<T> items) =>
        new(ListPage(title, description, at, "list"))
        {
            Entity = views.Link(e, e.Kind.Noun()),
            Items = items,
        };

    /// <summary>Every institution and every person of a country, by name, on pages of their own: its page shows the
    /// first <see cref="MembersShown"/> of each.</summary>
    private IEnumerable<PageSpec> MemberLists(Country c)
    {
        var members = index.MembersOf(c.Id);
        int institutionCount = members.OfType<Institution>().Count(), peopleCount = members.OfType<Person>().Count();
        if (ListUrl(SiteUrls.InstitutionsOf(c), institutionCount) is { } institutionsUrl)
            foreach (var p in Paged(Pagination.OfLinks(institutionsUrl, institutionCount), "country-members", at =>
            {
                var institutions = index.MembersOf(c.Id).OfType<Institution>().ToList();
                return EntityList(c, $"Institutions of {c.DisplayName}", $"{Wording.Count(institutions.Count, "institution")} of {c.DisplayName}, by name.", at,
                    at.Slice(institutions).Select(i => views.Link(i, Labels.Of(i.Type))).ToList());
            }))
                yield return p;
        if (ListUrl(SiteUrls.PeopleOf(c), peopleCount) is { } peopleUrl)
            foreach (var p in Paged(Pagination.OfLinks(peopleUrl, peopleCount), "country-members", at =>
            {
                var people = index.MembersOf(c.Id).OfType<Person>().ToList();
                return EntityList(c, $"People of {c.DisplayName}", $"{Wording.Count(people.Count, "person", "people")} of {c.DisplayName}, by name.", at,
                    at.Slice(people).Select(p => views.Link(p, CurrentTitle(p))).ToList());
            }))
                yield return p;
    }

    private BriefingListPage BriefingList(string title, IReadOnlyList<Briefing> briefings, int? year, ListPage at) =>
        new(ListPage(title, $"{Wording.Count(briefings.Count, "briefing")}, newest first.", at, "briefings"))
        {
            Items = views.Items(at.Slice(briefings)),
            Years = Years(),
            Year = year,
        };

    private BriefingPage Briefing(Briefing b) => new(Document(b, b.Summary, DateView.Of(b.Date)))
    {
        Briefing = b,
        Date = DateView.Of(b.Date),
        Updated = DateView.Of(b.Updated),
        Summary = b.Summary,
        Countries = index.CountriesOfBriefing(b).Select(c => views.Link(c)).ToList(),
        Actors = views.Links(b.Actors),
        Agreements = views.Items(b.Agreements.Select(r => index.Find(r.Id)).OfType<Agreement>()),
        Events = views.Events(b.Events.Select(e => new EventEntry(b, e))),
        Tags = b.Tags.Select(t => new TagView(t, SiteUrls.Tag(t), index.TaggedWith(t).Count)).ToList(),
        Authors = b.Authors,
    };

    private CountryPage Country(Country c)
    {
        var members = index.MembersOf(c.Id);
        var institutions = members.OfType<Institution>().ToList();
        var people = members.OfType<Person>().ToList();
        return new(Entity(c, _descriptions.Of(c)))
        {
            Country = c,
            Institutions = institutions.Take(MembersShown).Select(i => views.Link(i, Labels.Of(i.Type))).ToList(),
            InstitutionsCount = institutions.Count,
            InstitutionsUrl = ListUrl(SiteUrls.InstitutionsOf(c), institutions.Count),
            People = people.Take(MembersShown).Select(p => views.Link(p, CurrentTitle(p))).ToList(),
            PeopleCount = people.Count,
            PeopleUrl = ListUrl(SiteUrls.PeopleOf(c), people.Count),
            DelegationMap = Delegations.Chart(index, c),
        };
    }

    private InstitutionPage Institution(Institution i) => new(Entity(i, _descriptions.Of(i), Network.Chart(index, i.Id)))
    {
        Institution = i,
        Country = views.Link(i.Country),
        Parent = views.Link(i.Parent),
        Children = index.ChildrenOf(i.Id).Select(c => views.Link(c)).ToList(),
        Names = i.Names.OrderBy(n => n.From ?? n.Until).Select(n => new FormerNameView(n.Name, DateView.Of(n.From), DateView.Of(n.Until))).ToList(),
        Positions = index.PostsAt(i.Id).Select(views.Position).ToList(),
        TenureChart = Tenures.Chart(index, i.Id),
    };

    private PersonPage Person(Person p) => new(Entity(p, _descriptions.Of(p), Network.Chart(index, p.Id)))
    {
        Person = p,
        Country = views.Link(p.Country),
        Positions = p.Positions.OrderByDescending(x => x.From).Select(x => views.Position(new PostEntry(p, x))).ToList(),
    };

    private AgreementPage Agreement(Agreement a) => new(Entity(a, _descriptions.Of(a)))
    {
        Agreement = a,
        // Its confidence and how thin its evidence is, as every list of agreements shows them.
        Fact = views.Item(a),
        Parties = views.Links(a.Parties),
        Signed = DateView.Of(a.Signed),
    };

    private IndexPage<LinkView> Countries() => new(Page("Countries", "Every country in the archive.", SiteUrls.ListOf(DocumentKind.Country), "index"))
    {
        Items = Archive.Countries.OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => views.Link(c, Wording.Count(index.BriefingsOf(c.Id).Count, "briefing"))).ToList(),
    };

    /// <summary>The institutions grouped by country, countries by name; a split list repeats a country's heading on
    /// each page its institutions reach.</summary>
    private InstitutionsPage Institutions(ListPage at)
    {
        var all = Archive.Institutions.GroupBy(i => i.Country.Id)
            .Select(g => (Country: index.Find(g.Key), Items: g))
            .OrderBy(g => g.Country?.DisplayName ?? g.Items.Key, StringComparer.Ordinal)
            .SelectMany(g => g.Items.OrderBy(i => i.Name, StringComparer.Ordinal).Select(i => (g.Country, Key: g.Items.Key, Institution: i)));
        return new(ListPage("Institutions", "Every institution in the archive, grouped by country.", at, "index"))
        {
            Groups = at.Slice(all).GroupBy(x => x.Key)
                .Select(g => new GroupView(g.First().Country?.DisplayName ?? g.Key, g.First().Country?.Url,
                    g.Select(x => views.Link(x.Institution, Labels.Of(x.Institution.Type))).ToList()))
                .ToList(),
        };
    }

    private IndexPage<LinkView> People(ListPage at) => new(ListPage("People", "Every person in the archive.", at, "index"))
    {
        Items = at.Slice(Archive.People.OrderBy(p => p.Name, StringComparer.Ordinal)).Select(p => views.Link(p, CurrentTitle(p))).ToList(),
    };

    private IndexPage<AgreementItemView> Agreements(ListPage at) => new(ListPage("Agreements", "Every agreement in the archive, most recently signed first.", at, "index"))
    {
        Items = views.Items(at.Slice(Archive.Agreements.OrderByDescending(a => a.Signed).ThenBy(a => a.Id, StringComparer.Ordinal))),
    };

    /// <summary>The timeline: every event, or those of one value of a facet (<paramref name="filter"/>), with the
    /// filters that lead to the others.</summary>
    private TimelinePage Timeline(EventFacet? filter, ListPage at)
    {
        var events = filter is null ? index.Events : index.EventsWith(filter.Key);
        var page = filter is null
            ? ListPage("Timeline", "Every event in the archive, oldest first.", at, "timeline")
            : ListPage($"Timeline: {TimelineFilters.Label(filter)}", $"{Wording.Count(events.Count, "event")} {TimelineFilters.Phrase(filter)}, oldest first.", at, "timeline");
        return new(page)
        {
            Groups = at.Slice(events).GroupBy(e => e.Event.Date.Year).Select(g => new TimelineYear(g.Key, views.Events(g))).ToList(),
            // The charts are of the whole archive: the first page of the whole timeline shows them.
            EventsChart = filter is null && at.IsFirst ? EventsPerYear.Chart(index.Events) : null,
            DelegationMap = filter is null && at.IsFirst ? Delegations.Chart(index) : null,
            Filters = TimelineFilters.Of(index, filter),
        };
    }

    private NetworkPage ArchiveNetwork() => new(Page("Network", "Who works with whom: the people and institutions in most briefings, and the briefings and agreements they share.", SiteUrls.Network, "network"))
    {
        NetworkChart = Network.ArchiveChart(index),
    };

    private IndexPage<TagView> Tags() => new(Page("Tags", "Every tag, with its briefings.", SiteUrls.Tags, "index"))
    {
        Items = index.ByTag.Select(t => new TagView(t.Key, SiteUrls.Tag(t.Key), t.Value.Count)).ToList(),
    };

    private TagPage Tag(string tag, IReadOnlyList<Briefing> briefings, ListPage at) =>
        new(ListPage($"Tagged {Labels.Of(tag)}", $"{Wording.Count(briefings.Count, "briefing")} tagged {Labels.Of(tag)}, newest first.", at, "tag"))
        {
            Tag = tag,
            Items = views.Items(at.Slice(briefings)),
        };

    /// <summary>The catalog, split as a list of items, and on its first page every publisher with the latest pages
    /// that cite it.</summary>
    private SourcesPage Sources(ListPage at)
    {
        var catalog = Archive.Documents.OfType<CatalogSource>()
            .OrderBy(c => c.Source.Title, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        return new(ListPage("Sources", "The catalog of sources the archive relies on, and every publisher it cites, with the briefings and entities that cite it.", at, "index"))
        {
            Groups = at.IsFirst ? SourceCatalog.Shown(Publishers(), CitingShown) : null,
            Catalog = at.Slice(catalog)
                .Select(c => new CatalogItemView(c.Url, c.Source.Title, c.Source.Publisher, c.Source.Kind, DateView.Of(c.Source.Published),
                    index.FactsCiting(c.Id).Count, index.FilesCiting(c.Id).Count))
                .ToList(),
            CatalogCount = catalog.Count,
        };
    }

    /// <summary>The publishers, worked out once for all the pages that show them. Each page that shows them reads the
    /// whole archive, as working them out does (<see cref="ArchiveIndex.Archive"/>).</summary>
    private IReadOnlyList<PublisherGroup> Publishers()
    {
        Reads.Read(Fact.AnyFacet);
        return _publishers.Value;
    }

    private readonly Lazy<IReadOnlyList<PublisherGroup>> _publishers;

    /// <summary>Every briefing and entity page that cites a publisher, briefings newest first.</summary>
    private PublisherPage Publisher(string name, ListPage at)
    {
        var publisher = Publishers().SelectMany(g => g.Publishers).First(p => p.Name == name);
        var citing = publisher.Briefings.Concat(publisher.Entities).ToList();
        return new(ListPage($"Pages citing {name}", $"The {Wording.Count(citing.Count, "page")} of the archive that cite {Wording.Count(publisher.SourceCount, "source")} from {name}: briefings newest first, then entity pages.", at, "list"))
        {
            Publisher = publisher,
            Items = at.Slice(citing).ToList(),
        };
    }

    /// <summary>A catalog source: what it is, how far it can be trusted, and every fact and file that rests on it.</summary>
    private SourcePage Source(CatalogSource c)
    {
        var s = c.Source;
        var facts = index.FactsCiting(c.Id);
        var files = index.FilesCiting(c.Id);
        return new(Document(c, $"{s.Title} ({s.Publisher}): what the source is, and the {Wording.Count(facts.Count, "fact")} of the archive that rest on it.", DateView.Of(s.Published)))
        {
            Source = new SourceView(1, SiteUrls.SourceAnchor(s.Id), s.Url, s.Title, s.Publisher,
                DateView.Of(s.Published), s.Author, s.Language, DateView.Of(s.Accessed), s.ArchiveUrl, s.Kind, null),
            Facts = facts.Select(views.SourcedFact).ToList(),
            Briefings = views.Items(files.OfType<Model.Briefing>()),
            Others = files.Where(f => f is not Model.Briefing).Select(f => views.Link(f, f.Kind.Noun())).ToList(),
        };
    }

    /// <summary>Every correction of the archive, newest first.</summary>
    private IndexPage<CorrectionView> CorrectionsPage() => new(Page("Corrections", "Every correction made to the archive, newest first: what was wrong and what changed.", SiteUrls.Corrections, "corrections"))
    {
        Items = Resolving.Corrections.All(Archive).Select(x => views.Correction(x.File, x.Correction)).ToList(),
    };

    /// <summary>A page of the site itself: About, Methodology.</summary>
    private ProsePage SitePage(SitePage p) => new(Document(p, p.Summary ?? $"{p.Title} · {index.Site.Title}", null))
    {
        Summary = p.Summary,
    };

    /// <summary>The <c>/data/</c> page: every file a reader can download, what it holds, its columns or schema.</summary>
    private DataPage Data() => new(Page("Data", "The whole archive as data: JSON with its schema, CSV tables and Atom feeds, with their licence.", SiteUrls.DataFolder, "data"))
    {
        Files = DataDownloads.Files.Select(f => new DataFileView(f.Path, f.Path[SiteUrls.DataFolder.Length..], f.MediaType, f.Description, f.Columns)).ToList(),
        IndexFile = DataDownloads.IndexPath,
        SchemaFile = DataDownloads.SchemaPath,
    };

    /// <summary>The page left at the URL of a former id: it sends readers and crawlers on to the current one.</summary>
    private PageModel Redirect(Redirect r) =>
        // The target is looked up, not taken from the redirect, so that the page reads (and serve follows) its name.
        Page(index.Find(r.Target.Id)!.DisplayName, $"This page has moved to {index.Site.Absolute(r.To)}.", r.From, "redirect") with
        {
            Canonical = index.Site.Absolute(r.To),
            Redirect = r.To,
            Preview = null,
        };

    /// <summary>The latest position a person is known to hold, for lists.</summary>
    private static string? CurrentTitle(Person p) =>
        p.Positions.OrderByDescending(x => x.From).FirstOrDefault()?.Title;

}
