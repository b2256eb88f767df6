using AngleSharp.Dom;
using Briefings.Tests.Support;
using static Briefings.Tests.Site.TestSite;

namespace Briefings.Tests.Site;

/// <summary>A briefing page: its facts, events, mentions, citations and dates as a reader sees them.</summary>
public sealed class BriefingPageTests(TestSiteBuild site) : IClassFixture<TestSiteBuild>
{
    private IDocument CourtPage => site.Page(Court);
    // The anchors the contract makes from what each event is: event-<date>-<type>.
    private const string CourtDelegation = "event-2019-06-delegation";
    private const string CourtSigning = "event-2019-06-12-signing";
    private IElement Prose(IDocument page) => page.QuerySelector("main .prose")!;

    [Fact]
    public void Its_events_are_on_the_page_each_under_an_anchor_made_from_its_date_and_type()
    {
        var first = CourtPage.GetElementById(CourtDelegation);
        var second = CourtPage.GetElementById(CourtSigning);
        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Contains("A Central Court delegation led by Kang Yun Sok travels to Beijing.", first.Text());
        Assert.Contains("The two top courts sign a memorandum of understanding", second.Text());
        Assert.Equal(["/countries/north-korea/", "/countries/china/", "/people/kang-yun-sok/", "/institutions/dprk-central-court/"],
            first.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).Where(h => !h.Contains('#')).ToList());
        Assert.Contains("high confidence", first.Text());
        Assert.Equal(2, CourtPage.QuerySelectorAll("main li.event").Length);
    }

    [Fact]
    public void An_event_with_an_end_date_shows_both_dates()
    {
        var times = site.Page(Krasnov).GetElementById("event-2024-07-23-delegation")!.QuerySelectorAll("time").ToList();
        Assert.Equal(["2024-07-23", "2024-07-25"], times.Select(t => t.GetAttribute("datetime")).ToList());
        Assert.Equal(["23 July 2024", "25 July 2024"], times.Select(t => t.Text()).ToList());
    }

    [Fact]
    public void Partial_dates_read_as_a_month_or_a_year_with_the_partial_date_as_datetime()
    {
        var june = CourtPage.GetElementById(CourtDelegation)!.QuerySelector("time")!;
        Assert.Equal("2019-06", june.GetAttribute("datetime"));
        Assert.Equal("June 2019", june.Text());
        var year = site.Page(Ministry).GetElementById("event-2019-meeting")!.QuerySelector("time")!;
        Assert.Equal("2019", year.GetAttribute("datetime"));
        Assert.Equal("2019", year.Text());
        var published = CourtPage.QuerySelector("main header time")!;
        Assert.Equal("2019-06-14", published.GetAttribute("datetime"));
        Assert.Equal("14 June 2019", published.Text());
    }

    [Fact]
    public void An_updated_briefing_shows_when()
    {
        var times = site.Page(Krasnov).QuerySelectorAll("main header time").Select(t => (t.GetAttribute("datetime"), t.Text())).ToList();
        Assert.Equal([("2024-07-24", "24 July 2024"), ("2024-08-01", "1 August 2024")], times);
    }

    [Fact]
    public void It_lists_its_actors_and_its_countries_including_those_of_its_actors_and_events()
    {
        var facts = CourtPage.QuerySelectorAll("main dt").ToDictionary(dt => dt.Text(), dt => dt.NextElementSibling!);
        Assert.Equal(["/people/kang-yun-sok/", "/institutions/dprk-central-court/"], facts["Actors"].QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList());
        Assert.Equal(["/countries/china/", "/countries/north-korea/"], facts["Countries"].QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList());
        Assert.Equal(["/tags/courts/", "/tags/judicial-cooperation/"], facts["Tags"].QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList());
    }

    [Fact]
    public void It_lists_its_agreements()
    {
        Assert.Equal(["/agreements/dprk-china-court-mou-2019/"],
            CourtPage.Section("Agreements").QuerySelectorAll("ul > li").Select(li => li.QuerySelector("a")?.GetAttribute("href")).ToList());
    }

    [Theory]
    [InlineData("/people/kang-yun-sok/", "Kang Yun Sok")]
    [InlineData("/institutions/dprk-central-court/", "the country's top court")]
    [InlineData("/people/zhou-qiang/", "Zhou Qiang")]
    [InlineData("/agreements/dprk-china-court-mou-2019/", "Memorandum of understanding between the courts of the DPRK and China")]
    public void A_mention_links_to_the_entity_page_with_its_name_or_the_given_text(string href, string text)
    {
        var link = Assert.Single(Prose(CourtPage).QuerySelectorAll("a"), a => a.GetAttribute("href") == href);
        Assert.Equal(text, link.Text());
    }

    [Fact]
    public void A_mention_in_an_event_summary_links_to_the_entity()
    {
        var link = Assert.Single(site.Page(Ministry).GetElementById("event-2019-meeting")!.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/institutions/kcna/");
        Assert.Equal("Korean Central News Agency", link.Text());
    }

    [Fact]
    public void Citations_are_numbered_links_to_the_sources_of_the_same_page()
    {
        var citations = Prose(CourtPage).QuerySelectorAll("a").Where(a => a.GetAttribute("href")!.StartsWith('#'))
            .Select(a => (a.GetAttribute("href"), a.Text())).ToList();
        // [@court-wire], then [@court-wire; @court-paper], then [@court-paper]
        Assert.Equal([("#source-court-wire", "[1]"), ("#source-court-wire", "[1]"), ("#source-court-paper", "[2]"), ("#source-court-paper", "[2]")], citations);
        var sources = CourtPage.Section("Sources").QuerySelectorAll("ol > li").ToList();
        Assert.Equal(["source-court-wire", "source-court-paper"], sources.Select(li => li.Id).ToList());
        Assert.Contains("Court delegation leaves for Beijing", sources[0].Text());
        Assert.Contains("Courts sign a memorandum", sources[1].Text());
    }

    [Fact]
    public void Each_cited_source_links_back_to_its_first_citation()
    {
        foreach (var source in CourtPage.Section("Sources").QuerySelectorAll("ol > li"))
        {
            var back = source.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).Single(h => h.StartsWith('#'));
            var target = CourtPage.GetElementById(back[1..]);
            var firstCitation = CourtPage.QuerySelectorAll("a").First(a => a.GetAttribute("href") == "#" + source.Id);
            Assert.True(target is not null && ReferenceEquals(target, firstCitation),
                $"{source.Id} links back to {back}, which is not its first citation {firstCitation.OuterHtml}");
        }
    }

    [Fact]
    public void A_source_shows_its_archived_copy_and_when_it_was_accessed()
    {
        var source = CourtPage.GetElementById("source-court-paper")!;
        Assert.Contains(source.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://archive.example.org/court-mou");
        Assert.Contains(source.QuerySelectorAll("time"), t => t.GetAttribute("datetime") == "2019-06-20" && t.Text() == "20 June 2019");
    }

    [Fact]
    public void An_event_names_its_sources_by_number_linked_to_the_briefing_source_list()
    {
        var refs = CourtPage.GetElementById(CourtSigning)!.QuerySelectorAll("a").Where(a => a.Closest("sup") is null && a.GetAttribute("href")!.Contains("#source-"))
            .Select(a => (a.GetAttribute("href"), a.Text())).ToList();
        Assert.Equal([(Court + "#source-court-wire", "[1] Example Wire"), (Court + "#source-court-paper", "[2] Example Paper")], refs);
    }

    // The event's summary cites [@court-paper]: wherever the event is shown, the citation must lead to that
    // source in the list of the briefing that reports it.
    [Theory]
    [InlineData(Court)]
    [InlineData("/institutions/dprk-central-court/")]
    [InlineData("/institutions/china-supreme-peoples-court/")]
    [InlineData("/agreements/dprk-china-court-mou-2019/")]
    [InlineData("/timeline/")]
    public void A_citation_in_an_event_summary_leads_to_the_source_of_the_briefing_wherever_the_event_is_shown(string url)
    {
        var item = site.Page(url).QuerySelectorAll("main li").Single(li => li.Text().Contains("The two top courts sign", StringComparison.Ordinal)
            && li.QuerySelector("li") is null);
        var citation = Assert.Single(item.QuerySelectorAll("sup a"));
        Assert.Equal("[2]", citation.Text());
        Assert.Equal(new Uri(new Uri("https://site.invalid" + Court), "#source-court-paper"),
            new Uri(new Uri("https://site.invalid" + url), citation.GetAttribute("href")));
    }
}
