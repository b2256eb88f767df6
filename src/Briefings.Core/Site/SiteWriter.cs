using System.Collections.Concurrent;
using Briefings.Model;
using Briefings.Publishing;
using Briefings.Rendering;
using Briefings.Resolving;
using Briefings.Search;
using Briefings.Writing;

namespace Briefings.Site;

/// <summary>Renders every page on all cores and writes each as soon as it is rendered, so memory holds the
/// archive and a few pages, never the whole site. Pages are independent, so the order of work does not
/// change a byte of the output.</summary>
public static class SiteWriter
{
    /// <param name="timings">Where the two halves are timed: the pages, then the feeds, data and other files.</param>
    /// <param name="record">Hears, for each page and feed, what its model read (see <see cref="Reads"/>); serve keeps that.</param>
    public static int WriteAll(ArchiveIndex index, Theme theme, StagedOutput output, StageTimings timings, Action<string, IReadOnlyCollection<Fact>>? record = null) =>
        WriteSite(index, theme, output, timings, null, record).Files;

    /// <summary>What <see cref="WriteSite"/> wrote: the number of files, and what became of the search index.</summary>
    public sealed record Written(int Files, SearchIndex.Outcome? Search);

    /// <summary>Writes the site and, when <paramref name="searchManifest"/> (the folder of the npm manifest that
    /// pins Pagefind) is given, its search index. The pages are rendered in the ordinal order of their paths, the
    /// order the index takes them in, so that Pagefind works on the first pages while the others, then the feeds
    /// and data files, are written.</summary>
    public static Written WriteSite(ArchiveIndex index, Theme theme, StagedOutput output, StageTimings timings, string? searchManifest,
        Action<string, IReadOnlyCollection<Fact>>? record = null, int searchBundlePages = SearchIndex.BundlePages)
    {
        var (pages, feeds) = Outputs(index);
        var byPath = pages.OrderBy(p => p.FilePath, StringComparer.Ordinal).ToList();
        using var search = searchManifest is null ? null
            : SearchIndex.Start(output.Root, output.Earlier, output.WriteStream, searchManifest, byPath.Select(p => p.FilePath).ToList(), searchBundlePages);
        int written = timings.Time("pages", () => Write(index, theme, byPath, [], output.WriteUnbuffered, record, search is null ? null : search.Written));
        int others = timings.Time("feeds+data", () =>
        {
            // The files about the whole archive are written beside the feeds, on a thread of their own (the data files
            // among them side by side, see DataFiles.Write); the sitemap lists the pages in the order SitePages gives.
            var archiveFiles = Task.Run(() => Publisher.WriteArchiveFiles(index, pages.Select(p => p.UrlPath), output.WriteStream));
            return Write(index, theme, [], feeds, output.WriteUnbuffered, record) + CopyAssets(theme, output) + archiveFiles.GetAwaiter().GetResult();
        });
        if (search is null) return new Written(written + others, null);
        var outcome = timings.Time("search (wait)", search.Finish);
        timings.Add("search (beside)", search.Elapsed);
        return new Written(written + others, outcome);
    }

    /// <summary>Every page and feed of the site: <see cref="SitePages.All"/> and <see cref="Feeds.All"/>.</summary>
    public static (IReadOnlyList<PageSpec> Pages, IReadOnlyList<(string Path, Func<byte[]> Content)> Feeds) Outputs(ArchiveIndex index) =>
        (new SitePages(index, new ViewFactory(index)).All().ToList(), Feeds.All(index).ToList());

    /// <summary>Renders pages and feeds on all cores, each straight into its file: the one way both <c>build</c> and
    /// <c>serve</c> write them. With <paramref name="record"/>, each is built with a recorder of its own, and what it
    /// read is handed over when it is written. <paramref name="written"/> hears the place of each page in
    /// <paramref name="pages"/> once it is on disk (the search index reads it then).</summary>
    public static int Write(ArchiveIndex index, Theme theme, IEnumerable<PageSpec> pages, IEnumerable<(string Path, Func<byte[]> Content)> feeds,
        FileSink sink, Action<string, IReadOnlyCollection<Fact>>? record, Action<int>? written = null)
    {
        var site = SiteView.Of(index.Site);
        var pageList = pages.ToList();
        var feedList = feeds.ToList();
        // One page at a time to each thread, in order: the index waits for the first pages, not for a thread's range.
        var inOrder = Partitioner.Create(Enumerable.Range(0, pageList.Count), EnumerablePartitionerOptions.NoBuffering);
        Parallel.ForEach(inOrder, i =>
        {
            var page = pageList[i];
            sink(page.FilePath, stream => Recorded(page.UrlPath, record, () =>
            {
                using var text = new Utf8FileWriter(stream);
                theme.Render(page.Template, page.Model(), site, text);
            }));
            written?.Invoke(i);
        });
        Parallel.ForEach(feedList, feed => sink(feed.Path.TrimStart('/'), stream => Recorded(feed.Path, record, () => stream.Write(feed.Content()))));
        return pageList.Count + feedList.Count;
    }

    private static void Recorded(string url, Action<string, IReadOnlyCollection<Fact>>? record, Action write)
    {
        if (record is null)
        {
            write();
            return;
        }
        var reads = new Reads();
        reads.During(write);
        record(url, reads.Facts);
    }

    private static int CopyAssets(Theme theme, StagedOutput output)
    {
        var files = theme.Assets;
        foreach (var file in files)
            output.CopyFile(file, Path.Combine("assets", Path.GetRelativePath(theme.AssetsDirectory, file)));
        return files.Count;
    }
}
