using System.Xml.Linq;
using Briefings.Model;
using Briefings.Resolving;
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

    /// <summary>More pages than one sitemap may list (the limit lowered to 10 here, so the test site needs parts):
    /// /sitemap.xml becomes an index of parts, each a sitemap of at most that many, which together list exactly the
    /// pages of the single sitemap, in its order and with its dates; the parts are files serve and robots know.</summary>
    [Fact]
    public void A_site_with_more_pages_than_a_sitemap_may_list_gets_an_index_of_parts()
    {
        var site = sites.Test;
        var whole = Entries(site).ToList();
        var urls = whole.Select(e => e.Loc[site.Settings.BaseUrl.Length..]).ToList();
        var files = new Dictionary<string, XDocument>();
        int written = Briefings.Publishing.Sitemap.Write(new ArchiveIndex(site.Archive), urls, (path, write) =>
        {
            using var stream = new MemoryStream();
            write(stream);
            files.Add(path, XDocument.Parse(System.Text.Encoding.UTF8.GetString(stream.ToArray())));
        }, maxUrls: 10);

        int parts = (urls.Count + 9) / 10;
        Assert.True(parts >= 3, $"the test site has {urls.Count} pages");
        Assert.Equal(parts + 1, written);
        var index = files["sitemap.xml"].Root!;
        Assert.Equal(Ns + "sitemapindex", index.Name);
        var partUrls = index.Elements(Ns + "sitemap").Select(e => e.Element(Ns + "loc")!.Value).ToList();
        Assert.Equal(Enumerable.Range(1, parts).Select(n => site.Absolute($"/sitemap-{n}.xml")), partUrls);

        var listed = new List<(string Loc, string? LastMod)>();
        foreach (var url in partUrls)
        {
            var part = files[url[(site.Settings.BaseUrl.Length + 1)..]].Root!;
            Assert.Equal(Ns + "urlset", part.Name);
            var entries = part.Elements(Ns + "url").Select(u => (u.Element(Ns + "loc")!.Value, u.Element(Ns + "lastmod")?.Value)).ToList();
            Assert.InRange(entries.Count, 1, 10);
            listed.AddRange(entries);
        }
        Assert.Equal(whole, listed);
        Assert.All(partUrls, u => Assert.True(Briefings.Publishing.Publisher.IsArchiveFile(new Uri(u).AbsolutePath), u));
        Assert.False(Briefings.Publishing.Publisher.IsArchiveFile("/sitemap-0.xml"));
        Assert.False(Briefings.Publishing.Publisher.IsArchiveFile("/sitemap-01.xml"));
    }

    private static IEnumerable<(string Loc, string? LastMod)> Entries(BuiltSite site)
    {
        var doc = XDocument.Load(Path.Combine(site.OutputDir, "sitemap.xml"));
        Assert.Equal(Ns + "urlset", doc.Root!.Name);
        return doc.Root.Elements(Ns + "url").Select(u => (u.Element(Ns + "loc")!.Value, u.Element(Ns + "lastmod")?.Value)).ToList();
    }
}
