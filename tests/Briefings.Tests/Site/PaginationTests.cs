using System.Xml.Linq;
using AngleSharp.Dom;
using Briefings.Model;
using Briefings.Tests.Publishing;
using Briefings.Tests.Support;

namespace Briefings.Tests.Site;

/// <summary>A generated archive long enough for its lists to be split (250 briefings, one event each), built once.</summary>
public sealed class LongListsSite() : GeneratedSite(250);

/// <summary>A site built from an archive the benchmark's generator writes, removed with the site.</summary>
public abstract class GeneratedSite(int briefings) : SiteFixture(GeneratedInput.Write(briefings))
{
    public Archive Archive => Result.Loaded.Archive;

    public override void Dispose()
    {
        base.Dispose();
        Directory.Delete(InputDir, recursive: true);
    }
}

/// <summary>An archive written by the benchmark's generator into a fresh temp folder.</summary>
public static class GeneratedInput
{
    public static string Write(int briefings)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"briefings-corpus-{Guid.NewGuid():N}");
        Corpus.ArchiveWriter.Write(Corpus.Builder.Build(briefings, seed: 1), dir);
        return dir;
    }
}

/// <summary>The contract's "Long lists": a list too long for one page is split; the first part keeps the list's
/// URL, the next are <c>page/N/</c>, linked with rel prev and next and a navigation a reader can use.</summary>
public sealed class PaginationTests(LongListsSite site) : IClassFixture<LongListsSite>
{
    private List<(string Url, IDocument Page)> Walk(string listUrl) => site.Walk(listUrl);

    private static IReadOnlyList<string> BriefingsOn(IDocument page) =>
        page.QuerySelectorAll("main ol.briefing-list > li h3 a").Select(a => a.GetAttribute("href")!).ToList();

    private static IReadOnlyList<string> EventsOn(IParentNode page) => page.EventsOn();

    /// <summary>The dates of the events a page lists, in order.</summary>
    private static IReadOnlyList<PartialDate> EventDatesOn(IParentNode page) =>
        page.QuerySelectorAll("ol.events > li .event-when time:first-child").Select(t => PartialDate.Parse(t.GetAttribute("datetime")!)).ToList();

    private static void InOrder(IReadOnlyList<PartialDate> dates, bool newestFirst)
    {
        for (int i = 1; i < dates.Count; i++)
            Assert.True(newestFirst ? dates[i - 1] >= dates[i] : dates[i - 1] <= dates[i], $"{dates[i - 1]} then {dates[i]}");
    }

    public static TheoryData<string> Lists => new() { "/briefings/", "/timeline/" };

    [Theory]
    [MemberData(nameof(Lists))]
    public void Each_page_after_the_first_is_at_page_N_and_links_back_and_on(string listUrl)
    {
        var pages = Walk(listUrl);
        Assert.True(pages.Count >= 3, $"{listUrl} is on {pages.Count} page(s)");
        for (int i = 0; i < pages.Count; i++)
        {
            var (url, page) = pages[i];
            int n = i + 1;
            Assert.Equal(n == 1 ? listUrl : $"{listUrl}page/{n}/", url);
            Assert.Equal(i == 0 ? null : pages[i - 1].Url, page.QuerySelector("head link[rel=prev]")?.GetAttribute("href"));
            Assert.Equal(site.Archive.Site.BaseUrl + url, page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
            Assert.Contains($"page {n} of {pages.Count}", page.Title);
            // The navigation a reader sees: this page marked, and visible previous/next links.
            var nav = page.QuerySelector("main nav.pager");
            Assert.NotNull(nav);
            Assert.Equal(n.ToString(), nav!.QuerySelector("a[aria-current=page]")?.Text().Replace("Page ", ""));
            Assert.Equal(i > 0, nav.QuerySelector("a[rel=prev]") is not null);
            Assert.Equal(i < pages.Count - 1, nav.QuerySelector("a[rel=next]") is not null);
            Assert.False(string.IsNullOrEmpty(nav.GetAttribute("aria-label")));
        }
        Assert.False(site.Exists($"{listUrl}page/{pages.Count + 1}/"));
        Assert.False(site.Exists($"{listUrl}page/1/"));
    }

    [Fact]
    public void Every_briefing_appears_exactly_once_across_the_pages_newest_first()
    {
        var listed = Walk("/briefings/").SelectMany(p => BriefingsOn(p.Page)).ToList();
        Assert.Equal(Expected.NewestFirst(site.Archive.Briefings).Select(b => b.Url), listed);
        Assert.All(Walk("/briefings/"), p => Assert.True(BriefingsOn(p.Page).Count <= Pagination.Briefings));
    }

    [Fact]
    public void Every_event_appears_exactly_once_across_the_pages_of_the_timeline()
    {
        var listed = Walk("/timeline/").SelectMany(p => EventsOn(p.Page)).ToList();
        var expected = site.Archive.Briefings.SelectMany(b => b.Events.Select(e => SiteUrls.At(b.Url, e.Anchor))).ToList();
        Assert.Equal(expected.Count, listed.Count);
        Assert.Equal(expected.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    /// <summary>A timeline filter with more events than a page holds is split as the timeline is.</summary>
    [Fact]
    public void A_long_filter_is_split_and_its_pages_hold_each_of_its_events_exactly_once()
    {
        // The largest of the types and levels of confidence.
        var events = site.Archive.Briefings.SelectMany(b => b.Events.Select(e => (Url: SiteUrls.At(b.Url, e.Anchor), e.Type, e.Confidence))).ToList();
        var (filter, members) = events.GroupBy(e => $"type/{e.Type}").Concat(events.Where(e => e.Confidence is not null).GroupBy(e => $"confidence/{e.Confidence}"))
            .OrderByDescending(g => g.Count()).Select(g => (g.Key, g.Select(e => e.Url).ToList())).First();
        var pages = Walk($"/timeline/{filter}/");
        Assert.True(pages.Count > 1, $"/timeline/{filter}/ is on one page");
        var listed = pages.SelectMany(p => p.Page.EventsOn()).ToList();
        var expected = members;
        Assert.Equal(expected.Count, listed.Count);
        Assert.Equal(expected.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.All(pages.Skip(1), p => Assert.Contains($"page ", p.Page.Title));
    }

    [Fact]
    public void A_tag_and_a_year_are_split_by_the_same_rule_and_hold_exactly_their_briefings()
    {
        // The corpus's largest tag has 42 briefings: one page, as its count says.
        var tag = site.Archive.Briefings.SelectMany(b => b.Tags).GroupBy(t => t).OrderByDescending(g => g.Count()).First();
        var pages = Walk($"/tags/{tag.Key}/");
        Assert.Equal((tag.Count() + Pagination.Briefings - 1) / Pagination.Briefings, pages.Count);
        Assert.Equal(Expected.NewestFirst(site.Archive.Briefings.Where(b => b.Tags.Contains(tag.Key))).Select(b => b.Url),
            pages.SelectMany(p => BriefingsOn(p.Page)));

        var year = site.Archive.Briefings.GroupBy(b => b.Date.Year).OrderByDescending(g => g.Count()).First();
        Assert.Equal(Expected.NewestFirst(year).Select(b => b.Url), Walk($"/briefings/{year.Key}/").SelectMany(p => BriefingsOn(p.Page)));
    }

    [Fact]
    public void An_entity_page_shows_its_latest_briefings_and_links_to_all_of_them()
    {
        var country = site.Archive.Countries.OrderByDescending(c => Expected.BriefingsOf(site.Archive, c.Id).Count).ThenBy(c => c.Id, StringComparer.Ordinal).First();
        var all = Expected.BriefingsOf(site.Archive, country.Id).Select(b => b.Url).ToList();
        Assert.True(all.Count > Pagination.Briefings, $"{country.Id} has {all.Count} briefings: too few to split");

        var page = site.Page(country.Url);
        var section = page.Section("Briefings");
        Assert.Equal(all.Take(10), BriefingsOn(page).Take(10));
        Assert.Equal(10, section.QuerySelectorAll("ol.briefing-list > li").Length);
        var link = section.QuerySelectorAll("a").Last();
        Assert.Equal($"{country.Url}briefings/", link.GetAttribute("href"));
        Assert.Contains($"All {all.Count} briefings", link.Text());

        var pages = Walk($"{country.Url}briefings/");
        Assert.True(pages.Count > 1);
        Assert.Equal(all, pages.SelectMany(p => BriefingsOn(p.Page)));
        Assert.All(pages, p => Assert.Equal(country.Url, p.Page.QuerySelector("main .kicker a")?.GetAttribute("href")));
    }

    [Fact]
    public void An_entity_page_shows_its_latest_events_and_links_to_all_of_them_newest_first()
    {
        var country = site.Archive.Countries.OrderByDescending(c => Expected.BriefingsOf(site.Archive, c.Id).Count).ThenBy(c => c.Id, StringComparer.Ordinal).First();
        var pages = Walk($"{country.Url}events/");
        var all = pages.SelectMany(p => EventsOn(p.Page)).ToList();
        Assert.True(all.Count > Pagination.Events, $"{country.Id} has {all.Count} events");
        Assert.Equal(all.Count, all.Distinct().Count());
        InOrder(pages.SelectMany(p => EventDatesOn(p.Page)).ToList(), newestFirst: true);
        Assert.All(pages, p => Assert.EndsWith("newest first.", p.Page.QuerySelector("main h2")!.Text()));

        var section = site.Page(country.Url).Section("Events");
        Assert.Equal(all.Take(10), EventsOn(section));
        Assert.Equal("The latest 10, newest first.", section.QuerySelector("p.meta")!.Text());
        var link = section.QuerySelectorAll("p.all-of a").Single();
        Assert.Equal($"{country.Url}events/", link.GetAttribute("href"));
        Assert.Equal($"All {all.Count} events, newest first", link.Text());
    }

    [Fact]
    public void The_timeline_lists_every_event_oldest_first_and_says_so()
    {
        var pages = Walk("/timeline/");
        var dates = pages.SelectMany(p => EventDatesOn(p.Page)).ToList();
        Assert.Equal(Expected.EventCount(site.Archive), dates.Count);
        InOrder(dates, newestFirst: false);
        Assert.All(pages, p => Assert.EndsWith("oldest first.", p.Page.QuerySelector("meta[name=description]")!.GetAttribute("content")));
    }

    [Fact]
    public void The_sitemap_lists_every_page_of_every_split_list()
    {
        var ns = (XNamespace)Sitemap;
        var listed = XDocument.Load(site.FileOf("/sitemap.xml")).Descendants(ns + "loc").Select(l => l.Value[site.Archive.Site.BaseUrl.Length..]).ToHashSet();
        foreach (var list in new[] { "/briefings/", "/timeline/", BusiestCountry.Url + "briefings/" })
            Assert.All(Walk(list), p => Assert.Contains(p.Url, listed));
    }

    private const string Sitemap = Briefings.Publishing.Sitemap.Namespace;

    [Fact]
    public void Later_pages_are_kept_out_of_the_search_index_as_the_first_page_is()
    {
        foreach (var list in new[] { "/briefings/", "/timeline/", BusiestCountry.Url + "briefings/" })
            Assert.All(Walk(list), p => Assert.Empty(p.Page.QuerySelectorAll("[data-pagefind-body]")));
    }

    /// <summary>The country in most briefings (a country in none has no list of briefings).</summary>
    private Briefings.Model.Country BusiestCountry => site.Archive.Countries.MaxBy(c => Expected.BriefingsOf(site.Archive, c.Id).Count)!;
}

/// <summary>The small hand-written test site: no list is long enough to split, and nothing says it is.</summary>
public sealed class UnsplitListsTests(TestSiteBuild site) : IClassFixture<TestSiteBuild>
{
    [Theory]
    [InlineData("/briefings/")]
    [InlineData("/briefings/2019/")]
    [InlineData("/timeline/")]
    [InlineData("/tags/judicial-cooperation/")]
    [InlineData("/countries/north-korea/briefings/")]
    [InlineData("/countries/north-korea/events/")]
    public void A_short_list_is_one_page_with_no_page_links(string url)
    {
        var page = site.Page(url);
        Assert.Empty(page.QuerySelectorAll("link[rel=prev], link[rel=next], nav.pager"));
        Assert.DoesNotContain("page 1 of", page.Title);
        Assert.False(site.Exists($"{url}page/2/"));
    }

    [Fact]
    public void Every_entity_page_links_to_its_briefings_page_which_lists_them_all()
    {
        var archive = site.Result.Loaded.Archive;
        foreach (var e in archive.Documents.OfType<Briefings.Model.Entity>())
        {
            var expected = Expected.BriefingsOf(archive, e.Id).Select(b => b.Url).ToList();
            var links = site.Page(e.Url).Section("Briefings").QuerySelectorAll("p.all-of a").Select(a => a.GetAttribute("href")).ToList();
            Assert.Equal(expected.Count > 0 ? [$"{e.Url}briefings/"] : [], links);
            // A list with nothing in it has no page: nothing links there.
            if (expected.Count == 0) Assert.False(site.Exists($"{e.Url}briefings/"), $"{e.Url}briefings/ lists nothing");
            else Assert.Equal(expected, site.Page($"{e.Url}briefings/").QuerySelectorAll("main ol.briefing-list > li h3 a").Select(a => a.GetAttribute("href")));
        }
    }
}

/// <summary>The split itself, at sizes no test archive reaches: how many pages, and the page numbers a reader is
/// offered on a list of a thousand pages.</summary>
public sealed class PagerTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(100, 1)]
    [InlineData(101, 2)]
    [InlineData(100_000, 1000)]
    public void A_list_has_as_many_pages_as_its_items_fill(int items, int pages)
    {
        var list = Pagination.OfBriefings("/briefings/", items);
        Assert.Equal(pages, list.Count);
        Assert.Equal(items, Enumerable.Range(1, pages).Sum(n => list.Slice(Enumerable.Range(0, items), n).Count()));
        Assert.Equal(Enumerable.Range(1, pages).Select(n => n == 1 ? "/briefings/" : $"/briefings/page/{n}/"), list.Pages.Select(p => p.Url));
    }

    [Fact]
    public void A_page_deep_in_a_long_list_offers_the_first_the_last_and_its_neighbours()
    {
        var list = Pagination.OfEvents("/timeline/", 1000 * Pagination.Events);
        var pager = Briefings.Rendering.PagerView.Of(new ListPage(list, 500));

        Assert.Equal([1, 0, 498, 499, 500, 501, 502, 0, 1000], pager.Links.Select(l => l.Number));
        Assert.Equal("/timeline/page/500/", pager.Links.Single(l => l.Current).Url);
        Assert.Equal(("/timeline/page/499/", "/timeline/page/501/"), (pager.Previous, pager.Next));
        Assert.All(pager.Links.Where(l => l.Number == 0), l => Assert.Null(l.Url));
    }
}
