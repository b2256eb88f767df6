using System.Text;
using Briefings.Model;
using Briefings.Rendering;
using Briefings.Resolving;
using Briefings.Writing;

namespace Briefings.Publishing;

/// <summary>The files for machines that the build writes beside the pages: feeds, sitemap and robots.txt, the data
/// files and Netlify's redirect rules. All are built from the resolved archive alone.</summary>
public static class Publisher
{
    /// <summary>Writes every file but the feeds (which are written with the pages, see <c>SiteWriter</c>); paths are
    /// relative to the output folder. Each depends on the whole archive, where a feed depends on one entity (so
    /// <c>serve</c> rewrites feeds one by one, and these all together).
    /// Returns the number of files.</summary>
    public static int WriteArchiveFiles(ArchiveIndex index, IEnumerable<string> pageUrls, FileSink sink)
    {
        var site = index.Archive.Site;
        var redirects = Redirects.Of(index.Archive);
        var moved = redirects.Select(r => r.From).ToHashSet(StringComparer.Ordinal);
        var utf8 = new UTF8Encoding(false);
        // The pages at former ids are not pages to index, nor is the 404 page.
        int sitemaps = Sitemap.Write(index, pageUrls.Where(u => u.EndsWith('/') && !moved.Contains(u)).ToList(), sink);
        sink(SiteUrls.Robots[1..], s => s.Write(utf8.GetBytes(Sitemap.Robots(site))));
        sink(SiteUrls.NetlifyRedirects[1..], s => s.Write(utf8.GetBytes(Redirects.Netlify(redirects))));
        return sitemaps + 2 + DataFiles.Write(index, sink);
    }

    /// <summary>Whether a site path (<c>/data/archive.json</c>) is one of the files <see cref="WriteArchiveFiles"/> writes;
    /// <c>/data/</c> itself is the page that describes them.</summary>
    public static bool IsArchiveFile(string sitePath)
    {
        var path = "/" + sitePath.TrimStart('/');
        return sitePath.StartsWith(SiteUrls.DataFolder, StringComparison.Ordinal) && sitePath != SiteUrls.DataFolder
            || path is SiteUrls.Sitemap or SiteUrls.Robots or SiteUrls.NetlifyRedirects
            || SiteUrls.IsSitemapPart(path);
    }
}
