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
        var site = index.Archive.Site;
        var redirects = Redirects.Of(index.Archive);
        var moved = redirects.Select(r => r.From).ToHashSet(StringComparer.Ordinal);

        var feeds = Feeds.All(index).ToList();
        Parallel.ForEach(feeds, feed => output.WriteBytes(feed.Path.TrimStart('/'), feed.Content()));

        output.WriteBytes("sitemap.xml", Sitemap.Xml(index, pageUrls.Where(u => u.EndsWith('/') && !moved.Contains(u))));
        output.Write("robots.txt", Sitemap.Robots(site));
        var data = DataFiles.All(index);
        foreach (var file in data) output.WriteBytes(file.Path.TrimStart('/'), file.Content);
        output.Write(Redirects.NetlifyFile, Redirects.Netlify(redirects));
        return feeds.Count + 2 + data.Count + 1;
    }
}
