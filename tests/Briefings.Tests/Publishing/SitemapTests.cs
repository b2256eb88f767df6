using System.Xml.Linq;
using Briefings.Model;
using Briefings.Tests.Support;

namespace Briefings.Tests.Publishing;

[Collection(PublishedSitesCollection.Name)]
public sealed class SitemapTests(PublishedSites sites)
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Theory, MemberData(nameof(PublishedSites.Names), MemberType = typeof(PublishedSites))]
    public void The_sitemap_lists_every_page_and_nothing_else(string name)
    {
        var site = sites[name];
        var listed = Entries(site).Select(e => e.Loc).ToList();
        Assert.Equal(listed.Count, listed.Distinct().Count());
        // Every index.html is a page, except the pages left at former ids, which point elsewhere.
        var pages = SiteFiles.List(site.OutputDir).Where(f => f == "index.html" || f.EndsWith("/index.html", StringComparison.Ordinal))
            .Select(f => "/" + f[..^"index.html".Length])
            .Where(url => Html.Parse(File.ReadAllText(site.FileOf(url))).QuerySelector("meta[http-equiv=refresh]") is null)
            .Select(site.Absolute).ToList();
        Assert.Equal(pages.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Theory, MemberData(nameof(PublishedSites.Names), MemberType = typeof(PublishedSites))]
    public void Briefing_and_entity_pages_carry_the_date_their_content_last_changed(string name)
    {
        var site = sites[name];
        var lastmod = Entries(site).ToDictionary(e => e.Loc, e => e.LastMod);
        foreach (var b in site.Archive.Briefings)
            Assert.Equal(Expected.LastChange(b).ToString(), lastmod[site.Absolute(b.Url)]);
        foreach (var e in site.Archive.Documents.OfType<Entity>())
        {
            var briefings = Expected.BriefingsOf(site.Archive, e.Id);
            Assert.Equal(briefings.Count > 0 ? briefings.Max(Expected.LastChange).ToString() : null, lastmod[site.Absolute(e.Url)]);
        }
    }

    [Theory, MemberData(nameof(PublishedSites.Names), MemberType = typeof(PublishedSites))]
    public void Robots_txt_names_the_sitemap_by_its_absolute_url(string name)
    {
        var site = sites[name];
        var lines = File.ReadAllLines(Path.Combine(site.OutputDir, "robots.txt"));
        Assert.Contains("Sitemap: " + site.Absolute("/sitemap.xml"), lines);
        Assert.Contains("User-agent: *", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("Disallow: /", StringComparison.Ordinal) && l.Trim() == "Disallow: /");
    }

    private static IEnumerable<(string Loc, string? LastMod)> Entries(BuiltSite site)
    {
        var doc = XDocument.Load(Path.Combine(site.OutputDir, "sitemap.xml"));
        Assert.Equal(Ns + "urlset", doc.Root!.Name);
        return doc.Root.Elements(Ns + "url").Select(u => (u.Element(Ns + "loc")!.Value, u.Element(Ns + "lastmod")?.Value)).ToList();
    }
}
