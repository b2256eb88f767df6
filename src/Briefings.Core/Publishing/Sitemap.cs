using System.Text;
using System.Xml;
using Briefings.Model;
using Briefings.Rendering;
using Briefings.Resolving;
using Briefings.Writing;

namespace Briefings.Publishing;

/// <summary><c>/sitemap.xml</c> and the <c>/robots.txt</c> that names it.</summary>
public static class Sitemap
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>The most URLs one sitemap may list (sitemaps.org; its other limit, 50 MB, is about 250,000 of our
    /// URLs away). A 100,000-briefing archive has 150,000 pages: search engines refuse such a sitemap whole.</summary>
    public const int MaxUrls = 50_000;

    /// <summary>Lists the pages given (site-relative URLs ending in '/'; the 404 page and redirects are not pages to
    /// index), each with the date its content last changed where the content tells it. Up to <paramref name="maxUrls"/>
    /// pages, in /sitemap.xml; more, in parts of that many (<see cref="SiteUrls.SitemapPart"/>), in the order given,
    /// with /sitemap.xml their index. Returns the number of files written.</summary>
    public static int Write(ArchiveIndex index, IReadOnlyList<string> pageUrls, FileSink sink, int maxUrls = MaxUrls)
    {
        var site = index.Archive.Site;
        var modified = LastModified(index);
        if (pageUrls.Count <= maxUrls)
        {
            sink(SiteUrls.Sitemap[1..], s => WriteUrls(site, modified, pageUrls, s));
            return 1;
        }
        var parts = pageUrls.Chunk(maxUrls).ToList();
        for (int i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            sink(SiteUrls.SitemapPart(i + 1)[1..], s => WriteUrls(site, modified, part, s));
        }
        sink(SiteUrls.Sitemap[1..], s => WriteXml(s, w =>
        {
            w.WriteStartElement("sitemapindex", Namespace);
            for (int i = 0; i < parts.Count; i++)
            {
                w.WriteStartElement("sitemap", Namespace);
                w.WriteElementString("loc", Namespace, site.Absolute(SiteUrls.SitemapPart(i + 1)));
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }));
        return parts.Count + 1;
    }

    private static void WriteUrls(SiteSettings site, Dictionary<string, PartialDate> modified, IEnumerable<string> pageUrls, Stream stream) =>
        WriteXml(stream, w =>
        {
            w.WriteStartElement("urlset", Namespace);
            foreach (var url in pageUrls)
            {
                w.WriteStartElement("url", Namespace);
                w.WriteElementString("loc", Namespace, site.Absolute(url));
                if (modified.TryGetValue(url, out var date)) w.WriteElementString("lastmod", Namespace, date.ToString());
                w.WriteEndElement();
            }
            w.WriteEndElement();
        });

    private static void WriteXml(Stream stream, Action<XmlWriter> write)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };
        using var w = XmlWriter.Create(stream, settings);
        write(w);
    }

    public static string Robots(SiteSettings site) => $"User-agent: *\nAllow: /\n\nSitemap: {site.Absolute(SiteUrls.Sitemap)}\n";

    /// <summary>A page changes when one of the briefings it shows does: a briefing page with that briefing, an
    /// entity page with those that involve it (or its own correction), the lists with their newest, the corrections
    /// page with the newest correction. Other pages have no date to give.</summary>
    private static Dictionary<string, PartialDate> LastModified(ArchiveIndex index)
    {
        var dates = new Dictionary<string, PartialDate>(StringComparer.Ordinal);
        void Add(string url, IEnumerable<Briefing> briefings)
        {
            if (ContentDates.Newest(briefings) is { } d) dates[url] = d;
        }
        foreach (var b in index.Briefings) Add(b.Url, [b]);
        foreach (var e in index.Archive.Documents.OfType<Entity>())
            if (ContentDates.OfEntity(index, e.Id) is { } d) dates[e.Url] = d;
        foreach (var year in index.Briefings.GroupBy(b => b.Date.Year)) Add(SiteUrls.Year(year.Key), year);
        foreach (var (tag, briefings) in index.ByTag) Add(SiteUrls.Tag(tag), briefings);
        foreach (var url in new[] { SiteUrls.Home, SiteUrls.ListOf(DocumentKind.Briefing), SiteUrls.Timeline }) Add(url, index.Briefings);
        if (index.Archive.Documents.Select(ContentDates.Corrected).Max() is { } corrected) dates[SiteUrls.Corrections] = corrected;
        return dates;
    }
}
