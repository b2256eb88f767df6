using Briefings.Tests.Support;

namespace Briefings.Tests.Publishing;

[Collection(PublishedSitesCollection.Name)]
public sealed class SourcesPageTests(PublishedSites sites)
{
    [Theory, MemberData(nameof(PublishedSites.Names), MemberType = typeof(PublishedSites))]
    public void The_sources_page_lists_every_publisher_alphabetically_with_what_cites_it(string name)
    {
        var site = sites[name];
        var citing = site.Archive.Documents.SelectMany(d => d.Sources.Select(s => (Publisher: s.Publisher.Trim(), d.Url)))
            .GroupBy(x => x.Publisher, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Url).ToHashSet(), StringComparer.OrdinalIgnoreCase);
        var page = LinkPreviewTests.Page(site, "/sources/");
        var publishers = page.QuerySelectorAll("main section.publisher").ToList();
        var names = publishers.Select(p => p.QuerySelector("h3")!.ChildNodes.First().TextContent.Trim()).ToList();

        Assert.Equal(citing.Keys.Order(StringComparer.OrdinalIgnoreCase), names, StringComparer.OrdinalIgnoreCase);
        foreach (var (publisher, section) in names.Zip(publishers))
        {
            // A test site's publishers are cited by few pages: all are shown, and the publisher's own page lists them too.
            var links = section.QuerySelectorAll("ul a").Select(a => a.GetAttribute("href")!).ToList();
            Assert.Equal(links.Count, links.Distinct().Count());
            Assert.True(citing[publisher].SetEquals(links), $"{publisher} lists {string.Join(", ", links)}");
            var own = LinkPreviewTests.Page(site, section.QuerySelector("h3 a")!.GetAttribute("href")!);
            Assert.True(citing[publisher].SetEquals(own.QuerySelectorAll("main ul.link-list a").Select(a => a.GetAttribute("href")!)));
            Assert.False(string.IsNullOrEmpty(section.QuerySelector("h3")!.Id), $"{publisher} has no anchor");
        }
        Assert.Equal(publishers.Count, publishers.Select(p => p.QuerySelector("h3")!.Id).Distinct().Count());
    }
}
