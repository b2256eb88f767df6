using System.ServiceModel.Syndication;
using System.Xml;
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
