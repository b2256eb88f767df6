using Briefings.Tests.Support;
using static Briefings.Tests.Site.TestSite;

namespace Briefings.Tests.Site;

/// <summary>What each entity page of the test site shows. Every expected list is worked out by hand from the
/// front matter and bodies of Site/TestSite, not by asking the code under test.</summary>
public sealed class EntityPagesTests(TestSiteBuild site) : IClassFixture<TestSiteBuild>
{
    // A briefing involves an entity that is one of its actors, countries (listed, of its actors, or that its
    // events go from or to), agreements or event participants, and mentions one named by [[id]] in its body
    // or in an event summary.
    public static TheoryData<string, string[]> BriefingsOfEntity => new()
    {
        // actors' country of all three; "to" of the 2024 delegation, "from" of the 2019 one
        { "/countries/north-korea/", [Krasnov, Ministry, Court] },
        // listed by the court briefing and the destination of its delegation
        { "/countries/china/", [Court] },
        // country of the 2024 actors
        { "/countries/russia/", [Krasnov] },
        // involved in nothing
        { "/countries/laos/", [] },
        { "/institutions/dprk-central-court/", [Court] },
        { "/institutions/ministry-of-social-security/", [Ministry] },
        { "/institutions/dprk-central-public-prosecutors-office/", [Krasnov] },
        { "/institutions/russia-prosecutor-generals-office/", [Krasnov] },
        // only an event participant
        { "/institutions/china-supreme-peoples-court/", [Court] },
        // only mentioned in an event summary
        { "/institutions/kcna/", [Ministry] },
        // an actor in 2019, mentioned in the body in 2024
        { "/people/kang-yun-sok/", [Krasnov, Court] },
        // only mentioned in a body
        { "/people/zhou-qiang/", [Court] },
        { "/people/igor-krasnov/", [Krasnov] },
        { "/people/ri-song-chol/", [Ministry] },
        { "/agreements/dprk-china-court-mou-2019/", [Court] },
        { "/agreements/dprk-russia-prosecution-plan-2024/", [Krasnov] },
    };

    [Theory]
    [MemberData(nameof(BriefingsOfEntity))]
    public void An_entity_page_lists_exactly_the_briefings_that_involve_or_mention_it_newest_first(string url, string[] expected)
    {
        var section = site.Page(url).Section("Briefings");
        Assert.Equal(expected, section.QuerySelectorAll("ol > li").Select(li => li.QuerySelector("a")?.GetAttribute("href")).ToList());
    }

    public static TheoryData<string> Entities => new(BriefingsOfEntity.Select(row => (string)row[0]));

    /// <summary>"Appears most often with": the entities that share most briefings with this one, most first, then
    /// by id, at most ten; worked out here from the hand-made table above. Countries and news outlets (KCNA is the
    /// test site's institution of type media) are where things happen and who reports them, not company.</summary>
    [Theory]
    [MemberData(nameof(Entities))]
    public void An_entity_page_names_the_entities_it_appears_with_most(string url)
    {
        var briefingsOf = BriefingsOfEntity.ToDictionary(row => (string)row[0], row => (string[])row[1]);
        var expected = briefingsOf.Where(other => other.Key != url && !other.Key.StartsWith("/countries/", StringComparison.Ordinal)
                && other.Key != "/institutions/kcna/")
            .Select(other => (Url: other.Key, Shared: other.Value.Intersect(briefingsOf[url]).Count()))
            .Where(x => x.Shared > 0)
            .OrderByDescending(x => x.Shared).ThenBy(x => x.Url.Split('/')[2], StringComparer.Ordinal)
            .Take(10).ToList();

        var items = site.Page(url).Section("Appears most often with").QuerySelectorAll("li").ToList();
        Assert.Equal(expected.Select(x => x.Url), items.Select(li => li.QuerySelector("a")!.GetAttribute("href")));
        Assert.Equal(expected.Select(x => x.Shared == 1 ? "1 briefing" : $"{x.Shared} briefings"),
            items.Select(li => li.QuerySelector(".meta")!.TextContent));
    }

    // An entity's events are those it takes part in or that go from or to it, newest first; a country's are also
    // those any of whose participants belong to it.
    private const string CourtDelegation = Court + "#event-2019-06-delegation", CourtSigning = Court + "#event-2019-06-12-signing";
    private const string KrasnovVisit = Krasnov + "#event-2024-07-23-delegation", KrasnovSigning = Krasnov + "#event-2024-07-signing";
    private const string MinistryMeeting = Ministry + "#event-2019-meeting";

    public static TheoryData<string, string[]> EventsOfEntity => new()
    {
        // to (2024), its prosecutors (2024 signing), its court (2019 signing), from (2019), Ri Song Chol (2019)
        { "/countries/north-korea/", [KrasnovVisit, KrasnovSigning, CourtSigning, CourtDelegation, MinistryMeeting] },
        // China's court takes part in the signing; the delegation goes to China
        { "/countries/china/", [CourtSigning, CourtDelegation] },
        // from, and Russia's prosecutors in the signing
        { "/countries/russia/", [KrasnovVisit, KrasnovSigning] },
        { "/countries/laos/", [] },
        { "/institutions/dprk-central-court/", [CourtSigning, CourtDelegation] },
        { "/institutions/china-supreme-peoples-court/", [CourtSigning] },
        { "/institutions/dprk-central-public-prosecutors-office/", [KrasnovSigning] },
        { "/institutions/russia-prosecutor-generals-office/", [KrasnovSigning] },
        { "/people/kang-yun-sok/", [CourtDelegation] },
        { "/people/igor-krasnov/", [KrasnovVisit] },
        { "/people/ri-song-chol/", [MinistryMeeting] },
        { "/people/zhou-qiang/", [] },
    };

    [Theory]
    [MemberData(nameof(EventsOfEntity))]
    public void An_entity_page_shows_the_events_it_takes_part_in_newest_first(string url, string[] expected)
    {
        Assert.Equal(expected, site.Page(url).Section("Events").EventLinks());
    }

    [Fact]
    public void An_event_on_an_entity_page_shows_what_happened_and_links_to_its_briefing()
    {
        var item = site.Page("/countries/china/").GetElementById("2019-06-14-court-delegation-to-china--event-2019-06-delegation")!;
        Assert.Contains("A Central Court delegation led by Kang Yun Sok travels to Beijing.", item.Text());
        Assert.Contains(item.QuerySelectorAll("a"), a => a.GetAttribute("href") == Court && a.Text() == "Central Court delegation visits China");
        Assert.Contains(item.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/countries/north-korea/" && a.Text() == "North Korea");
    }

    public static TheoryData<string, string[]> AgreementsOfEntity => new()
    {
        { "/institutions/dprk-central-court/", ["/agreements/dprk-china-court-mou-2019/"] },
        { "/institutions/china-supreme-peoples-court/", ["/agreements/dprk-china-court-mou-2019/"] },
        { "/institutions/dprk-central-public-prosecutors-office/", ["/agreements/dprk-russia-prosecution-plan-2024/"] },
        { "/institutions/russia-prosecutor-generals-office/", ["/agreements/dprk-russia-prosecution-plan-2024/"] },
        { "/people/igor-krasnov/", ["/agreements/dprk-russia-prosecution-plan-2024/"] },
        { "/people/kang-yun-sok/", [] },
        { "/institutions/kcna/", [] },
    };

    [Theory]
    [MemberData(nameof(AgreementsOfEntity))]
    public void An_agreement_appears_on_the_page_of_each_of_its_parties(string url, string[] expected)
    {
        Assert.Equal(expected, site.Page(url).Section("Agreements").QuerySelectorAll("ul > li").Select(li => li.QuerySelector("a")?.GetAttribute("href")).ToList());
    }

    [Fact]
    public void An_agreement_page_names_its_parties()
    {
        var page = site.Page("/agreements/dprk-russia-prosecution-plan-2024/");
        var parties = page.QuerySelectorAll("dt").Single(dt => dt.Text() == "Parties").NextElementSibling!;
        Assert.Equal(
            ["/institutions/dprk-central-public-prosecutors-office/", "/institutions/russia-prosecutor-generals-office/", "/people/igor-krasnov/"],
            parties.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList());
        Assert.Equal(["Central Public Prosecutors Office", "Prosecutor General's Office of Russia", "Igor Krasnov"],
            parties.QuerySelectorAll("a").Select(a => a.Text()).ToList());
    }

    [Fact]
    public void A_person_page_lists_their_positions_with_institution_and_dates_latest_first()
    {
        var items = site.Page("/people/kang-yun-sok/").Section("Positions").QuerySelectorAll("li").ToList();
        Assert.Equal(2, items.Count);
        Assert.StartsWith("President, Central Court", items[0].Text());
        Assert.Equal("/institutions/dprk-central-court/", items[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("2017-05", items[0].QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal("May 2017", items[0].QuerySelector("time")!.Text());
        Assert.StartsWith("Deputy Prosecutor General, Central Public Prosecutors Office", items[1].Text());
        Assert.Equal("/institutions/dprk-central-public-prosecutors-office/", items[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(["2010", "2016-12"], items[1].QuerySelectorAll("time").Select(t => t.GetAttribute("datetime")).ToList());
        Assert.Contains("low confidence", items[1].Text());
    }

    [Theory]
    [InlineData("/institutions/dprk-central-court/", "/people/kang-yun-sok/", "Kang Yun Sok, President")]
    [InlineData("/institutions/dprk-central-public-prosecutors-office/", "/people/kang-yun-sok/", "Kang Yun Sok, Deputy Prosecutor General")]
    [InlineData("/institutions/russia-prosecutor-generals-office/", "/people/igor-krasnov/", "Igor Krasnov, Prosecutor General")]
    [InlineData("/institutions/ministry-of-social-security/", "/people/ri-song-chol/", "Ri Song Chol, Minister")]
    public void A_position_appears_on_the_page_of_its_institution(string institution, string person, string shown)
    {
        var items = site.Page(institution).Section("People").QuerySelectorAll("li").ToList();
        var item = Assert.Single(items);
        Assert.Equal(person, item.QuerySelector("a")!.GetAttribute("href"));
        Assert.StartsWith(shown, item.Text());
    }

    [Fact]
    public void A_position_cites_its_source_in_the_person_page_source_list()
    {
        var page = site.Page("/people/igor-krasnov/");
        var cite = page.Section("Positions").QuerySelectorAll("a").Single(a => a.GetAttribute("href")!.Contains("#source-"));
        Assert.Equal("/people/igor-krasnov/#source-appointment", cite.GetAttribute("href"));
        Assert.Contains("Krasnov appointed Prosecutor General", page.GetElementById("source-appointment")!.Text());
    }

    [Fact]
    public void A_renamed_institution_shows_its_former_names_with_their_dates()
    {
        var items = site.Page("/institutions/ministry-of-social-security/").Section("Names over time").QuerySelectorAll("li").ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal("Ministry of Public Security (from 1962 until 1998)", items[0].Text());
        Assert.Equal("Ministry of People's Security (from 1998 until May 2020)", items[1].Text());
        Assert.Equal(["1998", "2020-05"], items[1].QuerySelectorAll("time").Select(t => t.GetAttribute("datetime")).ToList());
        Assert.StartsWith("Ministry of Social Security", items[2].Text());
    }

    [Fact]
    public void A_country_page_lists_its_institutions_and_people()
    {
        var page = site.Page("/countries/russia/");
        Assert.Equal(["/institutions/russia-prosecutor-generals-office/"], page.Section("Institutions").ItemLinks());
        Assert.Equal(["/people/igor-krasnov/"], page.Section("People").ItemLinks());
    }
}
