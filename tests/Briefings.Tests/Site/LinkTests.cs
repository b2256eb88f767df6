using Briefings.Tests.Support;

namespace Briefings.Tests.Site;

/// <summary>Every internal link of the test site leads to a page, and every #fragment to an element.</summary>
[Collection(SharedTestSiteCollection.Name)]
public sealed class TestSiteLinkTests(SharedTestSite site)
{
    [Fact]
    public void Every_internal_link_resolves() => LinkAssert.NoneBroken(site);
}

internal static class LinkAssert
{
    public static void NoneBroken(SiteFixture site)
    {
        var crawler = new LinkCrawler(site.OutputDir, site.Result.Loaded.Archive.Site.BaseUrl);
        var broken = crawler.Crawl();
        Assert.True(crawler.Followed > 100, $"the crawl followed only {crawler.Followed} links");
        Assert.True(broken.Count == 0,
            $"{broken.Count} broken links of {crawler.Followed}:\n" + string.Join('\n', broken.Select(b => "  " + b)));
    }
}
