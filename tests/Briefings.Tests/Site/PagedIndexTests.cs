using AngleSharp.Dom;
using Briefings.Model;
using Briefings.Rendering;
using Briefings.Tests.Support;

namespace Briefings.Tests.Site;

/// <summary>A generated archive with more people (520) than one page of links holds and more agreements (130) than one
/// page of items, built once.</summary>
public sealed class ManyEntitiesSite() : GeneratedSite(2600);

/// <summary>The indexes of entities and sources, and a country's members, split so that no page grows with the
/// archive: walked page by page, each shows every item exactly once.</summary>
public sealed class PagedIndexTests(ManyEntitiesSite site) : IClassFixture<ManyEntitiesSite>
{
    /// <summary>Where each item of a list of links leads, on every page of the list, in order.</summary>
    private List<string> Listed(string listUrl, string selector = "main ul.link-list > li > a") =>
        site.Walk(listUrl).SelectMany(p => p.Page.QuerySelectorAll(selector).Select(a => a.GetAttribute("href")!)).ToList();

    [Fact]
    public void The_people_index_is_split_and_lists_every_person_exactly_once_by_name()
    {
        var expected = site.Archive.People.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Url).ToList();
        Assert.True(expected.Count > Pagination.Links, $"{expected.Count} people: too few to split");
        Assert.Equal(expected, Listed("/people/"));
        Assert.Equal((expected.Count + Pagination.Links - 1) / Pagination.Links, site.Walk("/people/").Count);
    }

    [Fact]
    public void The_institutions_index_lists_every_institution_exactly_once_under_its_country()
    {
        var pages = site.Walk("/institutions/");
        var seen = new List<string>();
        foreach (var (_, page) in pages)
            foreach (var group in page.QuerySelectorAll("main section"))
            {
                var country = group.QuerySelector("h2 a")?.GetAttribute("href");
                foreach (var a in group.QuerySelectorAll("ul.link-list > li > a"))
                {
                    var institution = site.Archive.Institutions.Single(i => i.Url == a.GetAttribute("href"));
                    Assert.Equal(SiteUrls.PageOf(DocumentKind.Country, institution.Country.Id), country);
                    seen.Add(institution.Url);
                }
            }
        Assert.Equal(site.Archive.Institutions.Select(i => i.Url).Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public void The_agreements_index_is_split_and_lists_every_agreement_exactly_once()
    {
        var listed = site.Walk("/agreements/").SelectMany(p => p.Page.QuerySelectorAll("main .agreement-list > li").Select(li => li.QuerySelector("a")!.GetAttribute("href")!)).ToList();
        var expected = site.Archive.Agreements.Select(a => a.Url).ToList();
        Assert.True(expected.Count > Pagination.Briefings, $"{expected.Count} agreements: too few to split");
        Assert.Equal(expected.Count, listed.Count);
        Assert.Equal(expected.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_country_page_shows_its_first_members_and_links_to_all_of_them()
    {
        var country = site.Archive.Countries.OrderByDescending(c => site.Archive.People.Count(p => p.Country?.Id == c.Id)).First();
        var people = site.Archive.People.Where(p => p.Country?.Id == country.Id).OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Url).ToList();
        Assert.True(people.Count > SitePages.MembersShown, $"{country.Id} has {people.Count} people");

        var section = site.Page(country.Url).Section("People");
        Assert.Equal(people.Take(SitePages.MembersShown), section.QuerySelectorAll("ul.link-list > li > a").Select(a => a.GetAttribute("href")));
        var all = section.QuerySelector("p.all-of a");
        Assert.Equal($"{country.Url}people/", all?.GetAttribute("href"));
        Assert.Contains($"All {people.Count} people", all!.Text());
        Assert.Equal(people, Listed($"{country.Url}people/"));
        Assert.Equal($"People of {country.Name} · {site.Archive.Site.Title}", site.Page($"{country.Url}people/").Title);

        var institutions = site.Archive.Institutions.Where(i => i.Country.Id == country.Id).OrderBy(i => i.Name, StringComparer.Ordinal).Select(i => i.Url);
        Assert.Equal(institutions, Listed($"{country.Url}institutions/"));
    }

    [Fact]
    public void The_sources_page_shows_each_publishers_latest_citations_and_links_to_all_of_them()
    {
        var sources = site.Page("/sources/");
        var publishers = sources.QuerySelectorAll("main section.publisher").ToList();
        Assert.NotEmpty(publishers);
        foreach (var p in publishers)
        {
            var name = p.QuerySelector("h3 a")!.Text();
            var url = p.QuerySelector("h3 a")!.GetAttribute("href")!;
            var citing = site.Archive.Documents.Where(d => d.Sources.Any(s => s.Publisher.Trim().Equals(name, StringComparison.OrdinalIgnoreCase)))
                .Select(d => d.Url).Order(StringComparer.Ordinal).ToList();
            Assert.True(p.QuerySelectorAll("ul.link-list > li").Length <= 2 * SitePages.CitingShown);
            var listed = Listed(url);
            Assert.Equal(citing, listed.Order(StringComparer.Ordinal));
            if (citing.Count > 2 * SitePages.CitingShown)
                Assert.Equal(url, p.QuerySelector("p.all-of a")?.GetAttribute("href"));
        }
    }
}

/// <summary>A map of a large archive draws its most travelled routes and counts the others in one row, so that the
/// timeline's map does not grow with the archive (1,253 routes and 390 KB at 100,000 generated briefings).</summary>
public sealed class LargeMapTests(ManyEntitiesSite site) : IClassFixture<ManyEntitiesSite>
{
    [Fact]
    public void The_timeline_map_draws_the_most_travelled_routes_and_counts_every_other_delegation_in_one_row()
    {
        var countries = site.Archive.Countries.ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal);
        var routes = site.Archive.Briefings.SelectMany(b => b.Events)
            .Where(e => e is { Type: "delegation", From: { } f, To: { } t } && f.Id != t.Id && countries.ContainsKey(f.Id) && countries.ContainsKey(t.Id))
            .GroupBy(e => (From: e.From!.Id, To: e.To!.Id)).Select(g => (g.Key.From, g.Key.To, Count: g.Count()))
            .OrderByDescending(r => r.Count).ThenBy(r => countries[r.From], StringComparer.Ordinal).ThenBy(r => countries[r.To], StringComparer.Ordinal).ToList();
        Assert.True(routes.Count > Rendering.Charts.Map.Delegations.Drawn, $"{routes.Count} routes: too few to need a cap");

        var figure = site.Page("/timeline/").QuerySelectorAll("figure.chart")
            .Single(x => x.QuerySelector("figcaption")!.TextContent.StartsWith("Delegations", StringComparison.Ordinal));
        var rows = figure.QuerySelectorAll("details table tbody tr").Select(tr => tr.Children.Select(c => c.TextContent.Trim()).ToList()).ToList();
        int drawn = Rendering.Charts.Map.Delegations.Drawn;
        Assert.Equal(drawn + 1, rows.Count);
        Assert.Equal(routes.Take(drawn).Select(r => $"{countries[r.From]}|{countries[r.To]}|{r.Count}"), rows.Take(drawn).Select(r => string.Join('|', r)));
        var others = rows[^1];
        Assert.Equal($"The other {routes.Count - drawn} routes", others[0]);
        Assert.Equal(routes.Skip(drawn).Sum(r => r.Count).ToString(System.Globalization.CultureInfo.InvariantCulture), others[2].Replace(",", ""));
        Assert.True(figure.QuerySelectorAll("svg path.arc").Length <= drawn);
        Assert.Contains($"the other {routes.Count - drawn} routes", figure.QuerySelector("svg desc")!.TextContent);
    }
}
