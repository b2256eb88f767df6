using Briefings.Model;
using Xunit.Abstractions;

namespace Briefings.Tests.Browser;

/// <summary>A feed opened in Chromium, served as production serves it (XML, its stylesheet as XSL, nosniff, the
/// Content-Security-Policy): the browser shows it through theme/assets/feed.xsl as a page to read, not as raw XML.
/// Chromium has announced that it will stop running XSLT; when it does, this test fails and says so, and the feed
/// stays a valid Atom feed for readers (FeedTests).</summary>
[Trait("Speed", "Slow")]
[Collection(BrowserCollection.Name)]
public sealed class FeedBrowserTests(BrowserSite site, ITestOutputHelper output)
{
    [Theory]
    [InlineData(BrowserSite.Phone)]
    [InlineData(BrowserSite.Desktop)]
    public async Task A_feed_opens_as_a_page_with_its_title_and_entries(int width)
    {
        await using var page = await site.OpenAsync(width);
        var response = await page.GoAsync(SiteUrls.Feed);
        Assert.Equal(200, response!.Status);
        Assert.StartsWith("application/xml", response.Headers["content-type"]);
        var shown = await page.Page.EvaluateAsync<string[]>("""
            () => [document.querySelector("h1")?.textContent ?? "(no h1: the browser did not apply the stylesheet)",
                   String(document.querySelectorAll("main li h3 a[href^='http']").length),
                   document.querySelector(".feed-address")?.textContent ?? "",
                   getComputedStyle(document.body).fontFamily,
                   String(document.documentElement.scrollWidth <= innerWidth)]
            """);
        foreach (var e in page.Errors) output.WriteLine(e);
        var feed = System.Xml.Linq.XDocument.Load(site.Site.FileOf(SiteUrls.Feed));
        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal(feed.Root!.Element(atom + "title")!.Value, shown[0]);
        Assert.Equal(feed.Root.Elements(atom + "entry").Count().ToString(), shown[1]);
        Assert.EndsWith(SiteUrls.Feed, shown[2]);
        // The site's stylesheet reached the page: its serif body, not the browser's default.
        Assert.Contains("Georgia", shown[3]);
        Assert.True(shown[4] == "true", $"the feed's page scrolls sideways at {width}px");
    }
}
