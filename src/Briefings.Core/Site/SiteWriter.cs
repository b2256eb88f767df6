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
    public static int WriteAll(ArchiveIndex index, Theme theme, StagedOutput output, StageTimings timings) =>
        Write(index, theme, output, timings, null).Files;

    /// <summary>What <see cref="Write"/> wrote: the number of files, and what became of the search index.</summary>
    public sealed record Written(int Files, SearchIndex.Outcome? Search);

    /// <summary>Writes the site and, when <paramref name="searchManifest"/> (the folder of the npm manifest that
    /// pins Pagefind) is given, its search index. The pages are rendered in the ordinal order of their paths, the
    /// order the index takes them in, so that Pagefind works on the first pages while the others, then the feeds
    /// and data files, are written.</summary>
    public static Written Write(ArchiveIndex index, Theme theme, StagedOutput output, StageTimings timings, string? searchManifest)
    {
        var views = new ViewFactory(index);
        var site = SiteModel(index.Archive.Site);
        var pages = new SitePages(index, views).All().ToList();
        var byPath = pages.OrderBy(p => p.FilePath, StringComparer.Ordinal).ToList();
        using var search = searchManifest is null ? null
            : SearchIndex.Start(output.Root, output.Earlier, output.WriteStream, searchManifest, byPath.Select(p => p.FilePath).ToList());
        // One page at a time to each thread, in order: the index waits for the first pages, not for a thread's range.
        var inOrder = Partitioner.Create(Enumerable.Range(0, byPath.Count), EnumerablePartitionerOptions.NoBuffering);
        timings.Time("pages", () => Parallel.ForEach(inOrder, i =>
        {
            var page = byPath[i];
            output.WriteText(page.FilePath, writer => theme.Render(page.Template, page.Model(), site, writer));
            search?.Written(i);
        }));
        int others = timings.Time("feeds+data", () => CopyAssets(theme, output) + Publisher.WriteAll(index, pages.Select(p => p.UrlPath), output));
        if (search is null) return new Written(pages.Count + others, null);
        var outcome = timings.Time("search (wait)", search.Finish);
        timings.Add("search (beside)", search.Elapsed);
        return new Written(pages.Count + others, outcome);
    }

    /// <summary>The <c>site</c> object of every template.</summary>
    public static Dictionary<string, object?> SiteModel(SiteSettings site) => new()
    {
        ["title"] = site.Title,
        ["description"] = site.Description,
        ["base_url"] = site.BaseUrl,
        ["language"] = site.Language,
        ["urls"] = new Dictionary<string, object?>(SiteUrls.Navigation),
    };

    private static int CopyAssets(Theme theme, StagedOutput output)
    {
        var files = theme.Assets;
        foreach (var file in files)
            output.CopyFile(file, Path.Combine("assets", Path.GetRelativePath(theme.AssetsDirectory, file)));
        return files.Count;
    }
}
