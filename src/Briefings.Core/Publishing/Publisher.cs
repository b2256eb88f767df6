using System.Text;
using Briefings.Resolving;
using Briefings.Writing;

namespace Briefings.Publishing;

/// <summary>The files for machines that the build writes beside the pages: feeds, sitemap and robots.txt, the data
/// files and Netlify's redirect rules. All are built from the resolved archive alone.</summary>
public static class Publisher
{
    /// <summary>Writes them all; <paramref name="pageUrls"/> are the site-relative URLs of the HTML pages written.
    /// Returns the number of files.</summary>
    public static int WriteAll(ArchiveIndex index, IEnumerable<string> pageUrls, StagedOutput output)
    {
        var feeds = Feeds.All(index).ToList();
        Parallel.ForEach(feeds, feed => output.WriteBytes(feed.Path.TrimStart('/'), feed.Content()));
        var files = ArchiveFiles(index, pageUrls);
        foreach (var (path, content) in files) output.WriteBytes(path, content);
        return feeds.Count + files.Count;
    }

    /// <summary>Every file but the feeds, as paths relative to the output folder: each depends on the whole archive,
    /// where a feed depends on one entity (so <c>serve</c> rewrites feeds one by one, and these all together).</summary>
    public static IReadOnlyList<(string Path, byte[] Content)> ArchiveFiles(ArchiveIndex index, IEnumerable<string> pageUrls)
    {
        var site = index.Archive.Site;
        var redirects = Redirects.Of(index.Archive);
        var moved = redirects.Select(r => r.From).ToHashSet(StringComparer.Ordinal);
        var utf8 = new UTF8Encoding(false);
        var files = new List<(string Path, byte[] Content)>
        {
            // The pages at former ids are not pages to index, nor is the 404 page.
            ("sitemap.xml", Sitemap.Xml(index, pageUrls.Where(u => u.EndsWith('/') && !moved.Contains(u)))),
            ("robots.txt", utf8.GetBytes(Sitemap.Robots(site))),
            (Redirects.NetlifyFile, utf8.GetBytes(Redirects.Netlify(redirects))),
        };
        files.AddRange(DataFiles.All(index).Select(f => (f.Path.TrimStart('/'), f.Content)));
        return files;
    }
}
