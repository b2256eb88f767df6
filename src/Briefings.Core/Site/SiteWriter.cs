using Briefings.Model;
using Briefings.Publishing;
using Briefings.Rendering;
using Briefings.Resolving;
using Briefings.Writing;

namespace Briefings.Site;

/// <summary>Renders every page on all cores and writes each as soon as it is rendered, so memory holds the
/// archive and a few pages, never the whole site. Pages are independent, so the order of work does not
/// change a byte of the output.</summary>
public static class SiteWriter
{
    /// <param name="timings">Where the two halves are timed: the pages, then the feeds, data and other files.</param>
    public static int WriteAll(ArchiveIndex index, Theme theme, StagedOutput output, StageTimings timings)
    {
        var views = new ViewFactory(index);
        var site = SiteModel(index.Archive.Site);
        var pages = new SitePages(index, views).All().ToList();
        timings.Time("pages", () =>
            Parallel.ForEach(pages, page => output.WriteText(page.FilePath, writer => theme.Render(page.Template, page.Model(), site, writer))));
        int others = timings.Time("feeds+data", () => CopyAssets(theme, output) + Publisher.WriteAll(index, pages.Select(p => p.UrlPath), output));
        return pages.Count + others;
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
