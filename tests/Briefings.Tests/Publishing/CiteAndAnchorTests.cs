using AngleSharp.Dom;
using Briefings.Model;
using Briefings.Tests.Support;

namespace Briefings.Tests.Publishing;

[Collection(PublishedSitesCollection.Name)]
public sealed class CiteAndAnchorTests(PublishedSites sites)
{
    [Theory, MemberData(nameof(PublishedSites.Names), MemberType = typeof(PublishedSites))]
    public void Every_briefing_and_entity_page_can_be_cited_by_permalink_title_site_and_date(string name)
    {
        var site = sites[name];
        foreach (var d in site.Archive.Documents)
        {
            var cite = LinkPreviewTests.Page(site, d.Url).QuerySelector("section.cite");
            Assert.True(cite is not null, $"{d.Url} has no 'Cite this page'");
            var text = cite!.Text();
            Assert.Contains(d.DisplayName, text);
            Assert.Equal(site.Settings.Title, cite.QuerySelector("cite")?.TextContent);
            var link = Assert.Single(cite.QuerySelectorAll("a"));
            Assert.Equal(site.Absolute(d.Url), link.GetAttribute("href"));
            Assert.Equal(site.Absolute(d.Url), link.TextContent);
            PartialDate? date = d switch
            {
                Briefing b => b.Date,
                _ => Expected.BriefingsOf(site.Archive, d.Id) is { Count: > 0 } bs ? bs.Max(Expected.LastChange) : null,
            };
            Assert.Equal(date?.ToString(), cite.QuerySelector("time")?.GetAttribute("datetime"));
        }
    }

    [Theory, MemberData(nameof(PublishedSites.Names), MemberType = typeof(PublishedSites))]
    public void Events_sources_and_positions_have_stable_anchors(string name)
    {
        var site = sites[name];
        foreach (var d in site.Archive.Documents)
        {
            var page = LinkPreviewTests.Page(site, d.Url);
            foreach (var s in d.Sources) Assert.True(page.GetElementById($"source-{s.Id}") is not null, $"{d.Url} has no #source-{s.Id}");
            if (d is Briefing b)
                foreach (var e in b.Events)
                    Assert.True(page.GetElementById(e.Anchor) is { LocalName: "li" }, $"{d.Url} has no #{e.Anchor}");
            if (d is Person p)
                foreach (var post in p.Positions)
                    Assert.True(page.GetElementById(post.Anchor) is { LocalName: "li" }, $"{d.Url} has no #{post.Anchor}");
        }
        Assert.Contains(site.Archive.Briefings, b => b.Events.Count > 0);
        Assert.Contains(site.Archive.People, p => p.Positions.Count > 0);
    }

    /// <summary>Robust Links: each source link carries the original URL and, where archived, the archived copy and
    /// the date it stands for, so a reader's tools can fall back when the original goes away.</summary>
    [Theory, MemberData(nameof(PublishedSites.Names), MemberType = typeof(PublishedSites))]
    public void Source_links_carry_robust_links_attributes(string name)
    {
        var site = sites[name];
        foreach (var d in site.Archive.Documents)
        {
            var page = LinkPreviewTests.Page(site, d.Url);
            foreach (var s in d.Sources)
            {
                var link = page.GetElementById($"source-{s.Id}")!.QuerySelector("a[data-originalurl]");
                Assert.True(link is not null, $"source {s.Id} of {d.Url} has no Robust Link");
                Assert.Equal(s.Url, link!.GetAttribute("href"));
                Assert.Equal(s.Url, link.GetAttribute("data-originalurl"));
                Assert.Equal(s.ArchiveUrl, link.GetAttribute("data-versionurl"));
                Assert.Equal(s.ArchiveUrl is null ? null : s.Accessed?.ToString(), link.GetAttribute("data-versiondate"));
            }
        }
        if (site == sites.Hostile) Assert.Contains(site.Archive.Documents.SelectMany(d => d.Sources), s => s.ArchiveUrl is not null);
    }
}
