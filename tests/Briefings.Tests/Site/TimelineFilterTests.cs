using AngleSharp.Dom;
using Briefings.Model;
using Briefings.Reading;
using Briefings.Tests.Support;

namespace Briefings.Tests.Site;

/// <summary>The timeline filtered by country, type, year and confidence (issue 15): real pages, so that they work
/// without a script, linked from a bar of filters on every timeline page.</summary>
public sealed class TimelineFilterTests(TestSiteBuild site) : IClassFixture<TestSiteBuild>
{
    private Archive Archive => site.Result.Loaded.Archive;

    /// <summary>The permanent address of every event of the archive that <paramref name="has"/> says belongs.</summary>
    private static List<string> EventsWhere(Archive archive, Func<Event, bool> has) =>
        archive.Briefings.SelectMany(b => b.Events.Where(has).Select(e => SiteUrls.At(b.Url, e.Anchor))).Order(StringComparer.Ordinal).ToList();

    /// <summary>Each facet's values in the test site, with the events that have each.</summary>
    public static TheoryData<string, string> Filters => new()
    {
        { "type", "delegation" }, { "type", "signing" }, { "type", "meeting" },
        { "year", "2019" }, { "year", "2024" },
        { "confidence", "high" }, { "confidence", "medium" }, { "confidence", "low" },
    };

    private static bool Has(Event e, string facet, string value) => facet switch
    {
        "type" => e.Type == value,
        "year" => e.Date.Year.ToString("D4") == value,
        _ => e.Confidence == value,
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public void A_filter_page_lists_exactly_the_events_of_its_facet_with_its_own_title_and_address(string facet, string value)
    {
        var url = $"/timeline/{facet}/{value}/";
        var page = site.Page(url);
        var expected = EventsWhere(Archive, e => Has(e, facet, value));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, page.EventsOn().Order(StringComparer.Ordinal));
        Assert.StartsWith("Timeline: ", page.QuerySelector("h1")!.Text());
        Assert.Equal(Archive.Site.BaseUrl + url, page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Contains("\"@type\":\"CollectionPage\"", page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        // Like every list, not a search result of its own.
        Assert.Empty(page.QuerySelectorAll("[data-pagefind-body]"));
        // Its filter is marked in the bar, and no other.
        var current = page.QuerySelectorAll("nav.filters a[aria-current]").Single();
        Assert.Equal(url, current.GetAttribute("href"));
    }

    [Fact]
    public void Titles_name_the_filter_in_words()
    {
        Assert.Equal("Timeline: Delegation", site.Page("/timeline/type/delegation/").QuerySelector("h1")!.Text());
        Assert.Equal("Timeline: 2019", site.Page("/timeline/year/2019/").QuerySelector("h1")!.Text());
        Assert.Equal("Timeline: High confidence", site.Page("/timeline/confidence/high/").QuerySelector("h1")!.Text());
    }

    [Fact]
    public void Every_link_of_the_bar_leads_to_a_page_of_exactly_its_events_and_says_how_many()
    {
        var bar = site.Page("/timeline/").QuerySelector("nav.filters");
        Assert.NotNull(bar);
        Assert.Equal("/timeline/", bar!.QuerySelectorAll("a[aria-current]").Single().GetAttribute("href"));
        var links = bar.QuerySelectorAll("a").ToList();
        Assert.True(links.Count >= Filters.Count + 1);
        foreach (var a in links)
        {
            var href = a.GetAttribute("href")!;
            Assert.True(site.Exists(href), $"the filter '{a.Text()}' leads to {href}, which is not a page");
            var events = site.Page(href).EventsOn();
            Assert.Equal(a.QuerySelector(".count")!.Text(), events.Count.ToString());
        }
    }

    [Fact]
    public void A_country_filter_is_the_countrys_events_page_and_lists_only_countries_with_events()
    {
        var countries = site.Page("/timeline/").QuerySelectorAll("nav.filters details").First(d => d.QuerySelector("summary")!.Text() == "Country")
            .QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        // A country in no event has no events page.
        var withEvents = Archive.Countries.Where(c => site.Exists(SiteUrls.EventsOf(c))).Select(c => SiteUrls.EventsOf(c)).ToList();
        Assert.All(withEvents, url => Assert.NotEmpty(site.Page(url).EventsOn()));
        Assert.NotEmpty(withEvents);
        Assert.Equal(withEvents.Order(StringComparer.Ordinal), countries.Order(StringComparer.Ordinal));
        Assert.False(site.Exists("/timeline/country/north-korea/"));
    }

    [Fact]
    public void Values_without_events_get_no_page()
    {
        var types = Archive.Briefings.SelectMany(b => b.Events).Select(e => e.Type).ToHashSet();
        foreach (var type in DocumentReader.EventTypes.Where(t => !types.Contains(t)))
            Assert.False(site.Exists($"/timeline/type/{type}/"), $"/timeline/type/{type}/ is made, but no event is a {type}");
        Assert.Contains("arrest", DocumentReader.EventTypes.Where(t => !types.Contains(t)));
        var years = Archive.Briefings.SelectMany(b => b.Events).Select(e => e.Date.Year).ToHashSet();
        for (int y = years.Min(); y <= years.Max(); y++)
            Assert.Equal(years.Contains(y), site.Exists($"/timeline/year/{y}/"));
    }
}
