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
    /// <summary>The id of the site page that explains how facts are verified; legends of confidence link to it.</summary>
    public const string MethodologyId = "methodology";

    private readonly ArchiveIndex index;
    private readonly ViewFactory views;
    private Archive Archive => index.Archive;
    private readonly LinkPreview _previews;

    /// <summary>The site's own pages that <c>site.yml</c> links from every page, in its order.</summary>
    private readonly IReadOnlyList<LinkView> _footer;

    /// <summary>The Methodology page, if the site has one.</summary>
    private readonly string? _methodology;

    public SitePages(ArchiveIndex index, ViewFactory views)
    {
        this.index = index;
        this.views = views;
        _previews = new(index);
        _footer = index.Archive.Site.Footer.Select(r => index.Find(r.Id)).OfType<SitePage>().Select(p => views.Link(p)).ToList();
        _methodology = index.Find(MethodologyId) is SitePage m ? m.Url : null;
    }

    public IEnumerable<PageSpec> All()
    {
        yield return new(SiteUrls.Home, "home", Home);
        yield return new(SiteUrls.ListOf(DocumentKind.Briefing), "briefings", () => BriefingList("Briefings", index.Briefings, null));
        foreach (var year in Years())
            yield return new(SiteUrls.Year(year.Year), "briefings",
                () => BriefingList($"Briefings of {year.Year}", index.Briefings.Where(b => b.Date.Year == year.Year), year.Year));
        foreach (var b in index.Briefings) yield return new(b.Url, "briefing", () => Briefing(b));
        yield return new(SiteUrls.ListOf(DocumentKind.Country), "countries", Countries);
        foreach (var c in Archive.Countries) yield return new(c.Url, "country", () => Country(c));
        yield return new(SiteUrls.ListOf(DocumentKind.Institution), "institutions", Institutions);
        foreach (var i in Archive.Institutions) yield return new(i.Url, "institution", () => Institution(i));
        yield return new(SiteUrls.ListOf(DocumentKind.Person), "people", People);
        foreach (var p in Archive.People) yield return new(p.Url, "person", () => Person(p));
        yield return new(SiteUrls.ListOf(DocumentKind.Agreement), "agreements", Agreements);
        foreach (var a in Archive.Agreements) yield return new(a.Url, "agreement", () => Agreement(a));
        yield return new(SiteUrls.Timeline, "timeline", Timeline);
        yield return new(SiteUrls.Network, "network", NetworkPage);
        yield return new(SiteUrls.Tags, "tags", Tags);
        foreach (var (tag, briefings) in index.ByTag)
            yield return new(SiteUrls.Tag(tag), "tag", () => Tag(tag, briefings));
        yield return new(SiteUrls.Sources, "sources", Sources);
        foreach (var c in index.Archive.Documents.OfType<CatalogSource>()) yield return new(c.Url, "source", () => Source(c));
        yield return new(SiteUrls.DataFolder, "data", Data);
        yield return new(SiteUrls.Corrections, "corrections", CorrectionsPage);
        foreach (var p in Archive.Pages) yield return new(p.Url, "page", () => SitePage(p));
        foreach (var r in Redirects.Of(Archive)) yield return new(r.From, "redirect", () => Redirect(r));
        yield return new(SiteUrls.Search, "search", () => Page("Search", "Search the briefings, people, institutions, countries and agreements.", SiteUrls.Search, "search"));
        yield return new(SiteUrls.NotFound, "404", () => Page("Page not found", "There is no page at this address.", SiteUrls.NotFound, "error"));
    }

    private Dictionary<string, object?> Page(string title, string description, string url, string kind) => new()
    {
        ["title"] = title,
        ["description"] = description,
        ["url"] = url,
        ["canonical"] = Archive.Site.Absolute(url),
        ["kind"] = kind,
        ["preview"] = _previews.ForPage(kind, title, description, url),
        ["footer"] = _footer,
        ["methodology"] = _methodology,
    };


    private Dictionary<string, object?> Document(Document d, string description, DateView? date)
    {
        var page = Page(d.DisplayName, description, d.Url, d.Kind.Noun());
        page["id"] = d.Id;
        page["body"] = views.BodyHtml(d);
        page["sources"] = views.Sources(d);
        page["cite"] = new CiteView(Archive.Site.Absolute(d.Url), d.DisplayName, Archive.Site.Title, date, null);
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
        page["briefings"] = views.Items(index.BriefingsOf(e.Id));
        page["events"] = views.Events(index.EventsOf(e.Id));
        page["agreements"] = views.Items(index.AgreementsOf(e.Id).Where(a => a.Id != e.Id));
        page["companions"] = index.CompanionsOf(e.Id).Select(c => views.Link(c.Entity, Wording.Count(c.Count, "briefing"))).ToList();
        page["feed"] = SiteUrls.FeedOf(e);
        page["events_chart"] = EventsPerYear.Chart(index.EventsOf(e.Id));
        return page;
    }

    private Dictionary<string, object?> Home()
    {
        var page = Page(Archive.Site.Title, Archive.Site.Description, SiteUrls.Home, "home");
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

    public IReadOnlyList<YearView> Years() => index.Briefings.GroupBy(b => b.Date.Year).OrderByDescending(g => g.Key)
        .Select(g => new YearView(g.Key, SiteUrls.Year(g.Key), g.Count())).ToList();

    private Dictionary<string, object?> BriefingList(string title, IEnumerable<Briefing> briefings, int? year)
    {
        var items = views.Items(briefings);
        var page = Page(title, $"{Wording.Count(items.Count, "briefing")}, newest first.", year is null ? SiteUrls.ListOf(DocumentKind.Briefing) : SiteUrls.Year(year.Value), "briefings");
        page["items"] = items;
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
        page["tags"] = b.Tags.Select(t => new TagView(t, SiteUrls.Tag(t), index.ByTag[t].Count)).ToList();
        page["authors"] = b.Authors;
        return page;
    }

    private Dictionary<string, object?> Country(Country c)
    {
        var page = Entity(c, $"{c.Name}: its institutions, people, agreements and the briefings that involve it, each with its sources.");
        page["country"] = c;
        var members = index.MembersOf(c.Id);
        page["institutions"] = members.OfType<Institution>().Select(i => views.Link(i, Labels.Of(i.Type))).ToList();
        page["people"] = members.OfType<Person>().Select(p => views.Link(p, CurrentTitle(p))).ToList();
        page["delegation_map"] = Delegations.Chart(index, c);
        return page;
    }

    private Dictionary<string, object?> Institution(Institution i)
    {
        var page = Entity(i, $"{i.Name}: names over time, people and positions, agreements and the briefings that involve it, each with its sources.");
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
        var page = Entity(p, $"{p.Name}: positions, agreements and the briefings that involve them, each with its sources.");
        page["person"] = p;
        page["country"] = views.Link(p.Country);
        page["positions"] = p.Positions.OrderByDescending(x => x.From).Select(x => views.Position(new PostEntry(p, x))).ToList();
        page["network_chart"] = Network.Chart(index, p.Id);
        return page;
    }

    private Dictionary<string, object?> Agreement(Agreement a)
    {
        var page = Entity(a, $"{a.Title}: {Labels.Of(a.Type)}, {Labels.Of(a.Status).ToLowerInvariant()}{(a.Signed is { } s ? $", {s.ToDisplay()}" : "")}. Parties, sources and briefings.");
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

    private Dictionary<string, object?> Timeline()
    {
        var page = Page("Timeline", "Every event in the archive, by date.", SiteUrls.Timeline, "timeline");
        page["groups"] = index.Events.GroupBy(e => e.Event.Date.Year)
            .Select(g => new Dictionary<string, object?> { ["year"] = g.Key, ["events"] = views.Events(g) }).ToList();
        page["events_chart"] = EventsPerYear.Chart(index.Events);
        page["delegation_map"] = Delegations.Chart(index);
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

    private Dictionary<string, object?> Tag(string tag, IReadOnlyList<Briefing> briefings)
    {
        var page = Page($"Tagged {Labels.Of(tag)}", $"{Wording.Count(briefings.Count, "briefing")} tagged {Labels.Of(tag)}.", SiteUrls.Tag(tag), "tag");
        page["tag"] = tag;
        page["items"] = views.Items(briefings);
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
        var page = Document(p, p.Summary ?? $"{p.Title} · {Archive.Site.Title}", null);
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
        var page = Page(r.Target.DisplayName, $"This page has moved to {Archive.Site.Absolute(r.To)}.", r.From, "redirect");
        page["canonical"] = Archive.Site.Absolute(r.To);
        page["redirect"] = r.To;
        page["preview"] = null;
        return page;
    }

    /// <summary>The latest position a person is known to hold, for lists.</summary>
    private static string? CurrentTitle(Person p) =>
        p.Positions.OrderByDescending(x => x.From).FirstOrDefault()?.Title;

}
