using Briefings.Errors;
using Briefings.Model;
using Briefings.Rendering.Charts;
using Briefings.Rendering.Charts.Map;
using Briefings.Rendering.Charts.Network;
using Briefings.Resolving;

namespace Briefings.Rendering;

/// <summary>One page of the site: where it goes, which template draws it, and the data it shows.
/// The model is built only when the page is rendered, so pages can be rendered and written one at a time.</summary>
public sealed record PageSpec(string UrlPath, string Template, Func<Dictionary<string, object?>> Model)
{
    /// <summary>The file under output/: "/people/x/" becomes "people/x/index.html".</summary>
    public string FilePath => UrlPath.EndsWith('/') ? UrlPath.TrimStart('/') + "index.html" : UrlPath.TrimStart('/');
}

/// <summary>Every HTML page of the site, as the contract lists them.</summary>
public sealed class SitePages
{
    public const int HomeBriefings = 10;
    /// <summary>How many of its latest briefings, and of its latest events, an entity's page shows; all of them are
    /// on pages of their own (<see cref="SiteUrls.BriefingsOf"/>, <see cref="SiteUrls.EventsOf"/>).</summary>
    public const int EntityLatest = 10;
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
        }
        yield return new(SiteUrls.ListOf(DocumentKind.Institution), "institutions", Institutions);
        foreach (var i in Archive.Institutions)
        {
            yield return new(i.Url, "institution", () => Institution(i));
            foreach (var p in EntityLists(i)) yield return p;
        }
        yield return new(SiteUrls.ListOf(DocumentKind.Person), "people", People);
        foreach (var p in Archive.People)
        {
            yield return new(p.Url, "person", () => Person(p));
            foreach (var l in EntityLists(p)) yield return l;
        }
        yield return new(SiteUrls.ListOf(DocumentKind.Agreement), "agreements", Agreements);
        foreach (var a in Archive.Agreements)
        {
            yield return new(a.Url, "agreement", () => Agreement(a));
            foreach (var p in EntityLists(a)) yield return p;
        }
        foreach (var p in Paged(Pagination.OfEvents(SiteUrls.Timeline, index.Events.Count), "timeline", Timeline)) yield return p;
        yield return new(SiteUrls.Network, "network", NetworkPage);
        yield return new(SiteUrls.Tags, "tags", Tags);
        foreach (var (tag, briefings) in index.ByTag)
            foreach (var p in Paged(Pagination.OfBriefings(SiteUrls.Tag(tag), briefings.Count), "tag", at => Tag(tag, index.TaggedWith(tag), at)))
                yield return p;
        yield return new(SiteUrls.Sources, "sources", Sources);
        foreach (var c in index.Archive.Documents.OfType<CatalogSource>()) yield return new(c.Url, "source", () => Source(c));
        yield return new(SiteUrls.DataFolder, "data", Data);
        yield return new(SiteUrls.Corrections, "corrections", CorrectionsPage);
        foreach (var p in Archive.Pages) yield return new(p.Url, "page", () => SitePage(p));
        foreach (var r in Redirects.Of(Archive)) yield return new(r.From, "redirect", () => Redirect(r));
        yield return new(SiteUrls.Search, "search", () => Page("Search", "Search the briefings, people, institutions, countries and agreements.", SiteUrls.Search, "search"));
        yield return new(SiteUrls.NotFound, "404", () => Page("Page not found", "There is no page at this address.", SiteUrls.NotFound, "error"));
    }

    /// <summary>The pages of a list split as <see cref="Pagination"/> says: one page spec per part.</summary>
    private static IEnumerable<PageSpec> Paged(Pagination list, string template, Func<ListPage, Dictionary<string, object?>> model) =>
        list.Pages.Select(at => new PageSpec(at.Url, template, () => model(at)));

    /// <summary>A page of a split list: its title says which part it is ("Briefings, page 2 of 7"), its canonical URL
    /// is its own, and it carries the links to the other parts (<c>rel="prev"</c>, <c>rel="next"</c>, page numbers).
    /// A list short enough for one page is as it was.</summary>
    private Dictionary<string, object?> ListPage(string title, string description, ListPage at, string kind)
    {
        var page = Page(at.Of.Count == 1 ? title : $"{title}, page {at.Number} of {at.Of.Count}", description, at.Url, kind);
        page["pager"] = at.Of.Count == 1 ? null : PagerView.Of(at);
        return page;
    }

    private Dictionary<string, object?> Page(string title, string description, string url, string kind) => new()
    {
        ["title"] = title,
        ["description"] = description,
        ["url"] = url,
        ["canonical"] = index.Site.Absolute(url),
        ["kind"] = kind,
        ["preview"] = _previews.ForPage(kind, title, description, url),
        ["card"] = PreviewCards.For(index.Site, kind),
        ["footer"] = _footer,
        ["methodology"] = _methodology,
        // What the layout asks of some pages only, present on all (strict variables: StrictTemplateTests).
        ["feed"] = null,
        ["redirect"] = null,
    };


    private Dictionary<string, object?> Document(Document d, string description, DateView? date)
    {
        var page = Page(d.DisplayName, description, d.Url, d.Kind.Noun());
        page["id"] = d.Id;
        page["body"] = views.BodyHtml(d);
        page["sources"] = views.Sources(d);
        page["cite"] = new CiteView(index.Site.Absolute(d.Url), d.DisplayName, index.Site.Title, date, null);
        page["former_ids"] = d.FormerIds.Select(r => r.Id).ToList();
        page["preview"] = _previews.For(d, description);
        page["corrections"] = views.Corrections(d);
        return page;
    }

    /// <summary>What every entity page shows: the briefings, events and agreements that involve it, and its company.</summary>
    private Dictionary<string, object?> Entity(Entity e, string description)
    {
        var page = Document(e, description, DateView.Of(ContentDates.OfEntity(index, e.Id)));
        page["native_name"] = e.NativeName;
        page["aliases"] = e.Aliases;
        var briefings = index.BriefingsOf(e.Id);
        var events = index.EventsOf(e.Id);
        page["briefings"] = views.Items(briefings.Take(EntityLatest));
        page["briefings_count"] = briefings.Count;
        page["briefings_url"] = SiteUrls.BriefingsOf(e);
        // The latest events, newest first as on the entity's events page.
        page["events"] = views.Events(events.Take(EntityLatest));
        page["events_count"] = events.Count;
        page["events_url"] = SiteUrls.EventsOf(e);
        page["agreements"] = views.Items(index.AgreementsOf(e.Id).Where(a => a.Id != e.Id));
        page["companions"] = index.CompanionsOf(e.Id).Select(c => views.Link(c.Entity, Wording.Count(c.Count, "briefing"))).ToList();
        page["feed"] = SiteUrls.FeedOf(e);
        page["events_chart"] = EventsPerYear.Chart(index.EventsOf(e.Id));
        return page;
    }

    private Dictionary<string, object?> Home()
    {
        var page = Page(index.Site.Title, index.Site.Description, SiteUrls.Home, "home");
        page["latest"] = views.Items(index.Briefings.Take(HomeBriefings));
        page["counts"] = new Dictionary<string, object?>
        {
            ["briefings"] = index.Briefings.Count,
            ["countries"] = Archive.Countries.Count(),
            ["institutions"] = Archive.Institutions.Count(),
            ["people"] = Archive.People.Count(),
            ["agreements"] = Archive.Agreements.Count(),
            ["events"] = index.Events.Count,
        };
        page["years"] = Years();
        page["recent_events"] = views.Events(index.Events.Reverse().Take(5));
        page["events_chart"] = EventsPerYear.Chart(index.Events);
        return page;
    }

    public IReadOnlyList<YearView> Years() => index.Years.Select(y => new YearView(y.Year, SiteUrls.Year(y.Year), y.Count)).ToList();

    /// <summary>Every briefing that involves an entity, and every event, newest first, on
    /// pages of their own: its page shows the latest of each.</summary>
    private IEnumerable<PageSpec> EntityLists(Entity e)
    {
        foreach (var p in Paged(Pagination.OfBriefings(SiteUrls.BriefingsOf(e), index.BriefingsOf(e.Id).Count), "entity-briefings", at =>
        {
            var briefings = index.BriefingsOf(e.Id);
            var page = ListPage($"Briefings on {e.DisplayName}", $"{Wording.Count(briefings.Count, "briefing")} that involve {e.DisplayName}, newest first.", at, "list");
            page["entity"] = views.Link(e, e.Kind.Noun());
            page["items"] = views.Items(at.Slice(briefings));
            page["feed"] = SiteUrls.FeedOf(e);
            return page;
        }))
            yield return p;
        foreach (var p in Paged(Pagination.OfEvents(SiteUrls.EventsOf(e), index.EventsOf(e.Id).Count), "entity-events", at =>
        {
            var events = index.EventsOf(e.Id);
            var page = ListPage($"Events of {e.DisplayName}", $"{Wording.Count(events.Count, "event")} that involve {e.DisplayName}, newest first.", at, "list");
            page["entity"] = views.Link(e, e.Kind.Noun());
            page["events"] = views.Events(at.Slice(events));
            return page;
        }))
            yield return p;
    }

    private Dictionary<string, object?> BriefingList(string title, IReadOnlyList<Briefing> briefings, int? year, ListPage at)
    {
        var page = ListPage(title, $"{Wording.Count(briefings.Count, "briefing")}, newest first.", at, "briefings");
        page["items"] = views.Items(at.Slice(briefings));
        page["years"] = Years();
        page["year"] = year;
        return page;
    }

    private Dictionary<string, object?> Briefing(Briefing b)
    {
        var page = Document(b, b.Summary, DateView.Of(b.Date));
        page["briefing"] = b;
        page["date"] = DateView.Of(b.Date);
        page["updated"] = DateView.Of(b.Updated);
        page["summary"] = b.Summary;
        page["countries"] = index.CountriesOfBriefing(b).Select(c => views.Link(c)).ToList();
        page["actors"] = views.Links(b.Actors);
        page["agreements"] = views.Items(b.Agreements.Select(r => index.Find(r.Id)).OfType<Agreement>());
        page["events"] = views.Events(b.Events.Select(e => new EventEntry(b, e)));
        page["tags"] = b.Tags.Select(t => new TagView(t, SiteUrls.Tag(t), index.TaggedWith(t).Count)).ToList();
        page["authors"] = b.Authors;
        return page;
    }

    private Dictionary<string, object?> Country(Country c)
    {
        var page = Entity(c, _descriptions.Of(c));
        page["country"] = c;
        var members = index.MembersOf(c.Id);
        page["institutions"] = members.OfType<Institution>().Select(i => views.Link(i, Labels.Of(i.Type))).ToList();
        page["people"] = members.OfType<Person>().Select(p => views.Link(p, CurrentTitle(p))).ToList();
        page["delegation_map"] = Delegations.Chart(index, c);
        return page;
    }

    private Dictionary<string, object?> Institution(Institution i)
    {
        var page = Entity(i, _descriptions.Of(i));
        page["institution"] = i;
        page["country"] = views.Link(i.Country);
        page["parent"] = views.Link(i.Parent);
        page["children"] = index.ChildrenOf(i.Id).Select(c => views.Link(c)).ToList();
        page["names"] = i.Names.OrderBy(n => n.From ?? n.Until).Select(n => new FormerNameView(n.Name, DateView.Of(n.From), DateView.Of(n.Until))).ToList();
        page["positions"] = index.PostsAt(i.Id).Select(views.Position).ToList();
        page["tenure_chart"] = Tenures.Chart(index, i.Id);
        page["network_chart"] = Network.Chart(index, i.Id);
        return page;
    }

    private Dictionary<string, object?> Person(Person p)
    {
        var page = Entity(p, _descriptions.Of(p));
        page["person"] = p;
        page["country"] = views.Link(p.Country);
        page["positions"] = p.Positions.OrderByDescending(x => x.From).Select(x => views.Position(new PostEntry(p, x))).ToList();
        page["network_chart"] = Network.Chart(index, p.Id);
        return page;
    }

    private Dictionary<string, object?> Agreement(Agreement a)
    {
        var page = Entity(a, _descriptions.Of(a));
        page["agreement"] = a;
        // Its confidence and how thin its evidence is, as every list of agreements shows them.
        var fact = views.Item(a);
        page["fact"] = fact;
        page["rated"] = new[] { fact };
        page["parties"] = views.Links(a.Parties);
        page["signed"] = DateView.Of(a.Signed);
        return page;
    }

    private Dictionary<string, object?> Countries()
    {
        var page = Page("Countries", "Every country in the archive.", SiteUrls.ListOf(DocumentKind.Country), "index");
        page["items"] = Archive.Countries.OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => views.Link(c, Wording.Count(index.BriefingsOf(c.Id).Count, "briefing"))).ToList();
        return page;
    }

    private Dictionary<string, object?> Institutions()
    {
        var page = Page("Institutions", "Every institution in the archive, grouped by country.", SiteUrls.ListOf(DocumentKind.Institution), "index");
        page["groups"] = Archive.Institutions.GroupBy(i => i.Country.Id)
            .Select(g => (Country: index.Find(g.Key), Items: g))
            .OrderBy(g => g.Country?.DisplayName ?? g.Items.Key, StringComparer.Ordinal)
            .Select(g => new GroupView(g.Country?.DisplayName ?? g.Items.Key, g.Country?.Url,
                g.Items.OrderBy(i => i.Name, StringComparer.Ordinal).Select(i => views.Link(i, Labels.Of(i.Type))).ToList()))
            .ToList();
        return page;
    }

    private Dictionary<string, object?> People()
    {
        var page = Page("People", "Every person in the archive.", SiteUrls.ListOf(DocumentKind.Person), "index");
        page["items"] = Archive.People.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => views.Link(p, CurrentTitle(p))).ToList();
        return page;
    }

    private Dictionary<string, object?> Agreements()
    {
        var page = Page("Agreements", "Every agreement in the archive, most recently signed first.", SiteUrls.ListOf(DocumentKind.Agreement), "index");
        page["items"] = views.Items(Archive.Agreements.OrderByDescending(a => a.Signed).ThenBy(a => a.Id, StringComparer.Ordinal));
        return page;
    }

    private Dictionary<string, object?> Timeline(ListPage at)
    {
        var page = ListPage("Timeline", "Every event in the archive, oldest first.", at, "timeline");
        page["groups"] = at.Slice(index.Events).GroupBy(e => e.Event.Date.Year)
            .Select(g => new Dictionary<string, object?> { ["year"] = g.Key, ["events"] = views.Events(g) }).ToList();
        // The chart is of the whole archive: its first page shows it.
        page["events_chart"] = at.IsFirst ? EventsPerYear.Chart(index.Events) : null;
        page["delegation_map"] = at.IsFirst ? Delegations.Chart(index) : null;
        return page;
    }

    private Dictionary<string, object?> NetworkPage()
    {
        var page = Page("Network", "Who works with whom: the people and institutions in most briefings, and the briefings and agreements they share.", SiteUrls.Network, "network");
        page["network_chart"] = Network.ArchiveChart(index);
        return page;
    }

    private Dictionary<string, object?> Tags()
    {
        var page = Page("Tags", "Every tag, with its briefings.", SiteUrls.Tags, "index");
        page["items"] = index.ByTag.Select(t => new TagView(t.Key, SiteUrls.Tag(t.Key), t.Value.Count)).ToList();
        return page;
    }

    private Dictionary<string, object?> Tag(string tag, IReadOnlyList<Briefing> briefings, ListPage at)
    {
        var page = ListPage($"Tagged {Labels.Of(tag)}", $"{Wording.Count(briefings.Count, "briefing")} tagged {Labels.Of(tag)}, newest first.", at, "tag");
        page["tag"] = tag;
        page["items"] = views.Items(at.Slice(briefings));
        return page;
    }

    private Dictionary<string, object?> Sources()
    {
        var page = Page("Sources", "The catalog of sources the archive relies on, and every publisher it cites, with the briefings and entities that cite it.", SiteUrls.Sources, "index");
        page["groups"] = SourceCatalog.Groups(index);
        page["catalog"] = Archive.Documents.OfType<CatalogSource>()
            .OrderBy(c => c.Source.Title, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Id, StringComparer.Ordinal)
            .Select(c => new CatalogItemView(c.Url, c.Source.Title, c.Source.Publisher, c.Source.Kind, DateView.Of(c.Source.Published),
                index.FactsCiting(c.Id).Count, index.FilesCiting(c.Id).Count))
            .ToList();
        return page;
    }

    /// <summary>A catalog source: what it is, how far it can be trusted, and every fact and file that rests on it.</summary>
    private Dictionary<string, object?> Source(CatalogSource c)
    {
        var s = c.Source;
        var facts = index.FactsCiting(c.Id);
        var files = index.FilesCiting(c.Id);
        var page = Document(c, $"{s.Title} ({s.Publisher}): what the source is, and the {Wording.Count(facts.Count, "fact")} of the archive that rest on it.", DateView.Of(s.Published));
        page["source"] = new SourceView(1, SiteUrls.SourceAnchor(s.Id), s.Url, s.Title, s.Publisher,
            DateView.Of(s.Published), s.Author, s.Language, DateView.Of(s.Accessed), s.ArchiveUrl, s.Kind, null);
        page["facts"] = facts.Select(views.SourcedFact).ToList();
        page["briefings"] = views.Items(files.OfType<Model.Briefing>());
        page["others"] = files.Where(f => f is not Model.Briefing).Select(f => views.Link(f, f.Kind.Noun())).ToList();
        return page;
    }

    /// <summary>Every correction of the archive, newest first.</summary>
    private Dictionary<string, object?> CorrectionsPage()
    {
        var page = Page("Corrections", "Every correction made to the archive, newest first: what was wrong and what changed.", SiteUrls.Corrections, "corrections");
        page["items"] = Resolving.Corrections.All(Archive).Select(x => views.Correction(x.File, x.Correction)).ToList();
        return page;
    }

    /// <summary>A page of the site itself: About, Methodology.</summary>
    private Dictionary<string, object?> SitePage(SitePage p)
    {
        var page = Document(p, p.Summary ?? $"{p.Title} · {index.Site.Title}", null);
        page["summary"] = p.Summary;
        return page;
    }

    /// <summary>The <c>/data/</c> page: every file a reader can download, what it holds, its columns or schema.</summary>
    private Dictionary<string, object?> Data()
    {
        var page = Page("Data", "The whole archive as data: JSON with its schema, CSV tables and Atom feeds, with their licence.", SiteUrls.DataFolder, "data");
        page["files"] = DataDownloads.Files.Select(f => new DataFileView(f.Path, f.Path[SiteUrls.DataFolder.Length..], f.MediaType, f.Description, f.Columns)).ToList();
        page["index_file"] = DataDownloads.IndexPath;
        page["schema_file"] = DataDownloads.SchemaPath;
        return page;
    }

    /// <summary>The page left at the URL of a former id: it sends readers and crawlers on to the current one.</summary>
    private Dictionary<string, object?> Redirect(Redirect r)
    {
        // The target is looked up, not taken from the redirect, so that the page reads (and serve follows) its name.
        var page = Page(index.Find(r.Target.Id)!.DisplayName, $"This page has moved to {index.Site.Absolute(r.To)}.", r.From, "redirect");
        page["canonical"] = index.Site.Absolute(r.To);
        page["redirect"] = r.To;
        page["preview"] = null;
        return page;
    }

    /// <summary>The latest position a person is known to hold, for lists.</summary>
    private static string? CurrentTitle(Person p) =>
        p.Positions.OrderByDescending(x => x.From).FirstOrDefault()?.Title;

}
