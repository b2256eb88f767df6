using Briefings.Tests.Support;
using static Briefings.Tests.Site.TestSite;

namespace Briefings.Tests.Site;

/// <summary>Every page the contract promises is there, and the indexes lead to every page of their kind.</summary>
public sealed class ContractPagesTests(TestSiteBuild site) : IClassFixture<TestSiteBuild>
{
    public static TheoryData<string> Kinds => new() { "countries", "institutions", "people", "agreements" };

    [Theory]
    [InlineData("/")]
    [InlineData("/briefings/")]
    [InlineData("/briefings/2019/")]
    [InlineData("/briefings/2024/")]
    [InlineData(Court)]
    [InlineData(Ministry)]
    [InlineData(Krasnov)]
    [InlineData("/countries/")]
    [InlineData("/institutions/")]
    [InlineData("/people/")]
    [InlineData("/agreements/")]
    [InlineData("/timeline/")]
    [InlineData("/tags/")]
    [InlineData("/tags/courts/")]
    [InlineData("/tags/judicial-cooperation/")]
    [InlineData("/tags/prosecution/")]
    [InlineData("/tags/security-cooperation/")]
    [InlineData("/search/")]
    [InlineData("/404.html")]
    public void The_page_exists_with_a_heading(string url)
    {
        var h1 = site.Page(url).QuerySelector("main h1");
        Assert.True(h1 is not null && h1.Text().Length > 0, $"{url} has no h1");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_entity_has_a_page_and_its_index_links_to_it(string kind)
    {
        var ids = Directory.EnumerateFiles(Path.Combine(RepoPaths.TestSite, kind), "*.md")
            .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(ids);
        var linked = site.Page($"/{kind}/").QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToHashSet();
        foreach (var id in ids)
        {
            var h1 = site.Page($"/{kind}/{id}/").QuerySelector("main h1");
            Assert.True(h1 is not null && h1.Text().Length > 0, $"/{kind}/{id}/ has no h1");
            Assert.True(linked.Contains($"/{kind}/{id}/"), $"/{kind}/ does not link to /{kind}/{id}/");
        }
    }

    [Theory]
    [InlineData("/briefings/", new[] { Krasnov, Ministry, Court })]
    [InlineData("/briefings/2019/", new[] { Ministry, Court })]
    [InlineData("/briefings/2024/", new[] { Krasnov })]
    [InlineData("/tags/judicial-cooperation/", new[] { Krasnov, Court })]
    [InlineData("/tags/courts/", new[] { Court })]
    [InlineData("/tags/security-cooperation/", new[] { Ministry })]
    public void A_list_of_briefings_shows_exactly_its_briefings_newest_first(string url, string[] expected)
    {
        var listed = site.Page(url).QuerySelectorAll("main ol li").Select(li => li.QuerySelector("a")?.GetAttribute("href")).ToList();
        Assert.Equal(expected, listed);
    }

    [Fact]
    public void The_home_page_lists_the_latest_briefings_newest_first()
    {
        var latest = site.Page("/").Section("Latest briefings").QuerySelectorAll("ol > li")
            .Select(li => li.QuerySelector("a")?.GetAttribute("href")).ToList();
        Assert.Equal([Krasnov, Ministry, Court], latest);
    }

    [Fact]
    public void The_timeline_lists_every_event_oldest_first_a_partial_date_before_the_full_dates_inside_it()
    {
        var events = site.Page("/timeline/").QuerySelectorAll("main li.event")
            .Select(li => li.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).Last(h => h!.Contains("#event-", StringComparison.Ordinal)))
            .ToList();
        Assert.Equal([Ministry + "#event-2019-meeting", Court + "#event-2019-06-delegation", Court + "#event-2019-06-12-signing",
            Krasnov + "#event-2024-07-signing", Krasnov + "#event-2024-07-23-delegation"], events);
    }

    [Fact]
    public void The_404_page_sits_at_the_root_and_leads_home()
    {
        var page = site.Page("/404.html");
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/");
    }
}
