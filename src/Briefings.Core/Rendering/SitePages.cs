using Briefings.Model;
using Briefings.Publishing;
using Briefings.Rendering.Charts;
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
public sealed class SitePages(ArchiveIndex index, ViewFactory views)
{
    public const int HomeBriefings = 10;
    private Archive Archive => index.Archive;
    private readonly LinkPreview _previews = new(index);

    public IEnumerable<PageSpec> All()
    {
        yield return new("/", "home", Home);
        yield return new("/briefings/", "briefings", () => BriefingList("Briefings", index.Briefings, null));
        foreach (var year in Years())
            yield return new($"/briefings/{year.Year}/", "briefings",
                () => BriefingList($"Briefings of {year.Year}", index.Briefings.Where(b => b.Date.Year == year.Year), year.Year));
        foreach (var b in index.Briefings) yield return new(b.Url, "briefing", () => Briefing(b));
        yield return new("/countries/", "countries", Countries);
        foreach (var c in Archive.Countries) yield return new(c.Url, "country", () => Country(c));
        yield return new("/institutions/", "institutions", Institutions);
        foreach (var i in Archive.Institutions) yield return new(i.Url, "institution", () => Institution(i));
        yield return new("/people/", "people", People);
        foreach (var p in Archive.People) yield return new(p.Url, "person", () => Person(p));
        yield return new("/agreements/", "agreements", Agreements);
        foreach (var a in Archive.Agreements) yield return new(a.Url, "agreement", () => Agreement(a));
        yield return new("/timeline/", "timeline", Timeline);
        yield return new("/tags/", "tags", Tags);
        foreach (var (tag, briefings) in index.ByTag)
            yield return new($"/tags/{tag}/", "tag", () => Tag(tag, briefings));
        yield return new("/sources/", "sources", Sources);
        foreach (var r in Redirects.Of(Archive)) yield return new(r.From, "redirect", () => Redirect(r));
        yield return new("/search/", "search", () => Page("Search", "Search the briefings, people, institutions, countries and agreements.", "/search/", "search"));
        yield return new("/404.html", "404", () => Page("Page not found", "There is no page at this address.", "/404.html", "error"));
    }

    private Dictionary<string, object?> Page(string title, string description, string url, string kind) => new()
    {
        ["title"] = title,
        ["description"] = description,
        ["url"] = url,
        ["canonical"] = Archive.Site.BaseUrl + url,
        ["kind"] = kind,
        ["preview"] = _previews.ForPage(kind, title, description, url),
    };

    private Dictionary<string, object?> Document(Document d, string description, DateView? date)
    {
        var page = Page(d.DisplayName, description, d.Url, d.Kind.Noun());
        page["id"] = d.Id;
        page["body"] = views.BodyHtml(d);
        page["sources"] = views.Sources(d);
        page["cite"] = new CiteView(Archive.Site.BaseUrl + d.Url, d.DisplayName, Archive.Site.Title, date, null);
        page["former_ids"] = d.FormerIds.Select(r => r.Id).ToList();
        page["preview"] = _previews.For(d, description);
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
        page["feed"] = $"{e.Url}feed.xml";
        page["events_chart"] = EventsPerYear.Chart(index.EventsOf(e.Id));
        return page;
    }

    private Dictionary<string, object?> Home()
    {
        var page = Page(Archive.Site.Title, Archive.Site.Description, "/", "home");
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
        .Select(g => new YearView(g.Key, $"/briefings/{g.Key}/", g.Count())).ToList();

    private Dictionary<string, object?> BriefingList(string title, IEnumerable<Briefing> briefings, int? year)
    {
        var items = views.Items(briefings);
        var page = Page(title, $"{Wording.Count(items.Count, "briefing")}, newest first.", year is null ? "/briefings/" : $"/briefings/{year}/", "briefings");
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
        page["tags"] = b.Tags.Select(t => new TagView(t, $"/tags/{t}/", index.ByTag[t].Count)).ToList();
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
        return page;
    }

    private Dictionary<string, object?> Person(Person p)
    {
        var page = Entity(p, $"{p.Name}: positions, agreements and the briefings that involve them, each with its sources.");
        page["person"] = p;
        page["country"] = views.Link(p.Country);
        page["positions"] = p.Positions.OrderByDescending(x => x.From).Select(x => views.Position(new PostEntry(p, x))).ToList();
        return page;
    }

    private Dictionary<string, object?> Agreement(Agreement a)
    {
        var page = Entity(a, $"{a.Title}: {Labels.Of(a.Type)}, {Labels.Of(a.Status).ToLowerInvariant()}{(a.Signed is { } s ? $", {s.ToDisplay()}" : "")}. Parties, sources and briefings.");
        page["agreement"] = a;
        page["parties"] = views.Links(a.Parties);
        page["signed"] = DateView.Of(a.Signed);
        return page;
    }

    private Dictionary<string, object?> Countries()
    {
        var page = Page("Countries", "Every country in the archive.", "/countries/", "index");
        page["items"] = Archive.Countries.OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => views.Link(c, Wording.Count(index.BriefingsOf(c.Id).Count, "briefing"))).ToList();
        return page;
    }

    private Dictionary<string, object?> Institutions()
    {
        var page = Page("Institutions", "Every institution in the archive, grouped by country.", "/institutions/", "index");
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
        var page = Page("People", "Every person in the archive.", "/people/", "index");
        page["items"] = Archive.People.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => views.Link(p, CurrentTitle(p))).ToList();
        return page;
    }

    private Dictionary<string, object?> Agreements()
    {
        var page = Page("Agreements", "Every agreement in the archive, most recently signed first.", "/agreements/", "index");
        page["items"] = views.Items(Archive.Agreements.OrderByDescending(a => a.Signed).ThenBy(a => a.Id, StringComparer.Ordinal));
        return page;
    }

    private Dictionary<string, object?> Timeline()
    {
        var page = Page("Timeline", "Every event in the archive, by date.", "/timeline/", "timeline");
        page["groups"] = index.Events.GroupBy(e => e.Event.Date.Year)
            .Select(g => new Dictionary<string, object?> { ["year"] = g.Key, ["events"] = views.Events(g) }).ToList();
        page["events_chart"] = EventsPerYear.Chart(index.Events);
        return page;
    }

    private Dictionary<string, object?> Tags()
    {
        var page = Page("Tags", "Every tag, with its briefings.", "/tags/", "index");
        page["items"] = index.ByTag.Select(t => new TagView(t.Key, $"/tags/{t.Key}/", t.Value.Count)).ToList();
        return page;
    }

    private Dictionary<string, object?> Tag(string tag, IReadOnlyList<Briefing> briefings)
    {
        var page = Page($"Tagged {Labels.Of(tag)}", $"{Wording.Count(briefings.Count, "briefing")} tagged {Labels.Of(tag)}.", $"/tags/{tag}/", "tag");
        page["tag"] = tag;
        page["items"] = views.Items(briefings);
        return page;
    }

    private Dictionary<string, object?> Sources()
    {
        var page = Page("Sources", "Every publisher the archive cites, with the briefings and entities that cite it.", "/sources/", "index");
        page["groups"] = SourceCatalog.Groups(index);
        return page;
    }

    /// <summary>The page left at the URL of a former id: it sends readers and crawlers on to the current one.</summary>
    private Dictionary<string, object?> Redirect(Redirect r)
    {
        var page = Page(r.Target.DisplayName, $"This page has moved to {Archive.Site.BaseUrl + r.To}.", r.From, "redirect");
        page["canonical"] = Archive.Site.BaseUrl + r.To;
        page["redirect"] = r.To;
        page["preview"] = null;
        return page;
    }

    /// <summary>The latest position a person is known to hold, for lists.</summary>
    private static string? CurrentTitle(Person p) =>
        p.Positions.OrderByDescending(x => x.From).FirstOrDefault()?.Title;

}
