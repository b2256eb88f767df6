using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Xsl;
using Briefings.Model;
using Briefings.Tests.Support;

namespace Briefings.Tests.Publishing;

[Collection(PublishedSitesCollection.Name)]
public sealed class FeedTests(PublishedSites sites)
{
    [Theory, MemberData(nameof(PublishedSites.Names), MemberType = typeof(PublishedSites))]
    public void Every_entity_feed_holds_exactly_the_briefings_that_involve_or_mention_it(string name)
    {
        var site = sites[name];
        var entities = site.Archive.Documents.OfType<Entity>().ToList();
        Assert.NotEmpty(entities);
        foreach (var e in entities)
        {
            var feed = Load(site, $"{e.Url}feed.xml");
            var expected = Expected.BriefingsOf(site.Archive, e.Id);
            Assert.True(expected.Select(b => site.Absolute(b.Url)).SequenceEqual(feed.Items.Select(i => i.Id)),
                $"{e.Url}feed.xml lists {string.Join(", ", feed.Items.Select(i => i.Id))}; expected {string.Join(", ", expected.Select(b => b.Id))}");
            AssertFeed(site, feed, $"{e.Url}feed.xml", e.Url, expected);
        }
    }

    [Theory, MemberData(nameof(PublishedSites.Names), MemberType = typeof(PublishedSites))]
    public void The_site_feed_holds_the_latest_briefings_newest_first(string name)
    {
        var site = sites[name];
        var feed = Load(site, "/feed.xml");
        var expected = Expected.NewestFirst(site.Archive.Briefings).Take(50).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(b => site.Absolute(b.Url)), feed.Items.Select(i => i.Id));
        AssertFeed(site, feed, "/feed.xml", "/", expected);
        Assert.Equal(site.Settings.Title, feed.Title.Text);
    }

    [Theory, MemberData(nameof(PublishedSites.Names), MemberType = typeof(PublishedSites))]
    public void There_is_no_feed_but_the_site_feed_and_one_per_entity(string name)
    {
        var site = sites[name];
        var feeds = SiteFiles.List(site.OutputDir).Where(f => f.EndsWith(".xml", StringComparison.Ordinal) && f != "sitemap.xml").ToHashSet();
        var expected = site.Archive.Documents.OfType<Entity>().Select(e => $"{e.Url.TrimStart('/')}feed.xml").Append("feed.xml").ToHashSet();
        Assert.Equal(expected.Order(StringComparer.Ordinal), feeds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Hostile_text_reaches_the_feed_reader_as_written()
    {
        var site = sites.Hostile;
        var b = site.Archive.Briefings.Single(x => x.Title == PublishedSites.HostileTitle);
        var entry = Load(site, $"/people/{PublishedSites.RenamedPerson}/feed.xml").Items.Single(i => i.Id == site.Absolute(b.Url));
        Assert.Equal(PublishedSites.HostileTitle.Replace("\u0001", ""), entry.Title.Text);
        Assert.Equal(PublishedSites.HostileSummary, ((TextSyndicationContent)entry.Summary).Text);
        Assert.Equal(b.Authors, entry.Authors.Select(a => a.Name));
    }

    [Theory, MemberData(nameof(PublishedSites.Names), MemberType = typeof(PublishedSites))]
    public void Every_feed_names_the_stylesheet_that_shows_it_as_a_page(string name)
    {
        var site = sites[name];
        Assert.True(File.Exists(site.FileOf(SiteUrls.FeedStylesheet)), $"no {SiteUrls.FeedStylesheet} in the site");
        var feeds = SiteFiles.List(site.OutputDir).Where(f => f.EndsWith("feed.xml", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(feeds);
        foreach (var feed in feeds)
        {
            var doc = XDocument.Load(site.FileOf("/" + feed));
            // Before the root element, as a browser needs it; a reader of the feed skips it.
            var first = doc.Nodes().First();
            var instruction = Assert.IsType<XProcessingInstruction>(first);
            Assert.Equal("xml-stylesheet", instruction.Target);
            Assert.Equal($"type=\"text/xsl\" href=\"{SiteUrls.FeedStylesheet}\"", instruction.Data);
            Assert.Equal(XName.Get("feed", "http://www.w3.org/2005/Atom"), doc.Root!.Name);
        }
    }

    /// <summary>The feed as a browser shows it through the stylesheet (.NET's XSLT 1.0 processor, as a browser's
    /// is): its title, what a feed is and the address to follow, and each entry with its link and date.</summary>
    [Theory, MemberData(nameof(PublishedSites.Names), MemberType = typeof(PublishedSites))]
    public void The_stylesheet_shows_a_feed_as_a_readable_page_of_its_entries(string name)
    {
        var site = sites[name];
        var xslt = new XslCompiledTransform();
        using (var xsl = XmlReader.Create(site.FileOf(SiteUrls.FeedStylesheet), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }))
            xslt.Load(xsl);
        var empty = site.Archive.Documents.OfType<Entity>().FirstOrDefault(e => Expected.BriefingsOf(site.Archive, e.Id).Count == 0);
        var busiest = site.Archive.Documents.OfType<Entity>().MaxBy(e => Expected.BriefingsOf(site.Archive, e.Id).Count)!;
        foreach (var url in new[] { SiteUrls.Feed, $"{busiest.Url}feed.xml", empty is null ? null : $"{empty.Url}feed.xml" }.OfType<string>())
        {
            var feed = Load(site, url);
            using var output = new StringWriter();
            using (var input = XmlReader.Create(site.FileOf(url), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }))
                xslt.Transform(input, null, output);
            var page = Html.Parse(output.ToString());

            Assert.Equal(feed.Title.Text, page.QuerySelector("h1")?.TextContent);
            Assert.Contains("feed reader", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(site.Absolute(url), page.QuerySelector(".feed-address")?.TextContent);
            // A way back to the feed's page on the site.
            Assert.Contains(feed.Links.Single(l => l.RelationshipType == "alternate").Uri.AbsoluteUri,
                page.QuerySelectorAll(".feed-about a").Select(a => a.GetAttribute("href")));
            var entries = page.QuerySelectorAll("main li");
            Assert.Equal(feed.Items.Count(), entries.Length);
            if (entries.Length == 0) Assert.NotNull(page.QuerySelector("main .empty"));
            foreach (var (item, li) in feed.Items.Zip(entries))
            {
                var link = li.QuerySelector("h3 a")!;
                Assert.Equal(item.Title.Text, link.TextContent);
                Assert.Equal(item.Links.Single(l => l.RelationshipType == "alternate").Uri.AbsoluteUri, link.GetAttribute("href"));
                Assert.Equal(item.PublishDate.ToString("yyyy-MM-dd"), li.QuerySelector("time")?.GetAttribute("datetime"));
            }
            // The page obeys the site's Content-Security-Policy: its look from the site's stylesheet, nothing inline, no script.
            Assert.Equal("/assets/site.css", page.QuerySelector("link[rel=stylesheet]")?.GetAttribute("href"));
            Assert.Empty(page.QuerySelectorAll("style, script, [style]"));
        }
    }

    /// <summary>The parts of a feed every reader relies on: absolute links, fixed dates from the content, entries
    /// that say what the briefing says.</summary>
    private static void AssertFeed(BuiltSite site, SyndicationFeed feed, string path, string pageUrl, IReadOnlyList<Briefing> expected)
    {
        Assert.Equal(site.Absolute(path), feed.Id);
        Assert.Equal(site.Absolute(path), Assert.Single(feed.Links, l => l.RelationshipType == "self").Uri.AbsoluteUri);
        Assert.Equal(site.Absolute(pageUrl), Assert.Single(feed.Links, l => l.RelationshipType == "alternate").Uri.AbsoluteUri);
        Assert.NotEmpty(feed.Authors);
        var newest = expected.Count > 0 ? expected.Max(Expected.LastChange) : site.Archive.Briefings.Max(Expected.LastChange);
        Assert.Equal(Expected.Midnight(newest), feed.LastUpdatedTime);
        foreach (var (b, item) in expected.Zip(feed.Items))
        {
            Assert.Equal(Expected.InXml(b.Title), item.Title.Text);
            Assert.Equal(Expected.InXml(b.Summary), ((TextSyndicationContent)item.Summary).Text);
            Assert.Equal(Expected.Midnight(b.Date), item.PublishDate);
            Assert.Equal(Expected.Midnight(Expected.LastChange(b)), item.LastUpdatedTime);
            Assert.Equal(site.Absolute(b.Url), Assert.Single(item.Links, l => l.RelationshipType == "alternate").Uri.AbsoluteUri);
            Assert.Equal(b.Tags, item.Categories.Select(c => c.Name));
        }
    }

    private static SyndicationFeed Load(BuiltSite site, string url)
    {
        using var reader = XmlReader.Create(site.FileOf(url), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var formatter = new Atom10FeedFormatter();
        Assert.True(formatter.CanRead(reader), $"{url} is not an Atom 1.0 feed");
        formatter.ReadFrom(reader);
        return formatter.Feed;
    }
}
