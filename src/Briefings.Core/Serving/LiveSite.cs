using System.Diagnostics;
using Briefings.Errors;
using Briefings.Publishing;
using Briefings.Rendering;
using Briefings.Resolving;
using Briefings.Site;
using Briefings.Writing;

namespace Briefings.Serving;

/// <summary>The site as <c>serve</c> keeps it: built once into a folder, then brought up to date file by file.
/// An edit is read on its own, the archive checked and resolved again, and only the outputs that show what
/// changed are rendered again (see <see cref="AffectedPages"/>). While the archive has errors the folder keeps
/// the last good site. Not thread-safe: one caller updates it at a time.</summary>
public sealed class LiveSite
{

    private readonly string _inputDir;
    private ReadState _read;
    private Theme? _theme;
    private Diagnostic? _themeProblem;
    private Good? _good;
    private bool _archiveFilesStale;

    /// <summary>The number of facts read above which a page is rendered after the others of an edit.</summary>
    private const int LargePage = 2000;

    /// <summary>The last site written: what the folder shows.</summary>
    private sealed record Good(ArchiveIndex Index, SiteGraph Graph, Theme Theme);

    public string SiteDirectory { get; }
    public string ThemeDirectory { get; }
    /// <summary>The problems of the archive as it is on disk now, in <c>check</c>'s order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; private set; } = [];
    /// <summary>Errors to show: the content's, and the theme's when it cannot be used (checked as build checks it).</summary>
    public IReadOnlyList<Diagnostic> Problems =>
        [.. Diagnostics.Where(d => d.IsError), .. _themeProblem is null ? [] : new[] { _themeProblem }];

    /// <summary><see cref="Problems"/> as <c>check</c> prints them.</summary>
    public IReadOnlyList<string> Errors => [.. Problems.Select(d => d.ToString())];

    public LiveSite(string inputDir, string siteDirectory)
    {
        _inputDir = Path.GetFullPath(inputDir);
        SiteDirectory = Path.GetFullPath(siteDirectory);
        ThemeDirectory = Theme.LocateDirectory(_inputDir);
        _read = ReadState.ReadAll(_inputDir);
    }

    /// <summary>What one build or update did.</summary>
    public sealed record Update(IReadOnlyList<Diagnostic> Diagnostics, bool Written, int Rendered, int Deleted, TimeSpan Elapsed)
    {
        /// <summary>How long each stage took, for <c>serve --verbose</c>; stages run beside others are listed with their own time.</summary>
        public StageTimings Timings { get; init; } = new();

        public bool HasErrors => Diagnostics.Any(d => d.IsError);
    }

    /// <summary>Checks the archive read in the constructor and, if it has no errors, writes the whole site.</summary>
    public Update BuildAll()
    {
        var sw = Stopwatch.StartNew();
        var timings = new StageTimings();
        timings.Time("theme", LoadTheme);
        return Publish(sw, timings);
    }

    /// <summary>Takes in changed files (full paths under the input or theme folder) and rewrites what they change:
    /// an edited asset is copied, an edited template renders every page again.</summary>
    public Update Apply(IReadOnlyCollection<string> changedPaths)
    {
        var sw = Stopwatch.StartNew();
        var timings = new StageTimings();
        if (changedPaths.Contains(SiteWatcher.Overflow))
        {
            _read = timings.Time("read", () => ReadState.ReadAll(_inputDir));
            LoadTheme();
            return Publish(sw, timings);
        }
        var theme = ThemeDirectory + Path.DirectorySeparatorChar;
        var assets = Path.Combine(ThemeDirectory, "assets") + Path.DirectorySeparatorChar;
        var input = changedPaths.Where(p => !p.StartsWith(theme, StringComparison.Ordinal)).ToList();
        var changedAssets = changedPaths.Where(p => p.StartsWith(assets, StringComparison.Ordinal)).ToList();
        bool templates = changedPaths.Any(p => p.StartsWith(theme, StringComparison.Ordinal) && !p.StartsWith(assets, StringComparison.Ordinal));
        var read = input.Count > 0 ? timings.Time("read", () => ArchiveUpdater.Update(_read, _inputDir, input)) : _read;
        bool content = !ReferenceEquals(read, _read);
        _read = read;
        // Any change to the theme, an asset too, checks the whole theme again as build does: a link added among
        // the assets is refused there, never copied or followed.
        var before = _theme;
        if (templates || changedAssets.Count > 0) timings.Time("theme", LoadTheme);
        int copied = 0;
        if (_good is not null && _themeProblem is null && changedAssets.Count > 0)
        {
            copied = CopyAssets(changedAssets, _theme!);
            // Only assets changed: the templates are the same, so the good site is of this theme now and the next
            // edit renders what it changes, not every page.
            if (!templates && ReferenceEquals(_good.Theme, before)) _good = _good with { Theme = _theme! };
        }
        var update = content || templates ? Publish(sw, timings) : new Update(Diagnostics, false, 0, 0, sw.Elapsed) { Timings = timings };
        return copied == 0 ? update : update with { Written = true, Rendered = update.Rendered + copied, Elapsed = sw.Elapsed };
    }

    /// <summary>Checks what was read; if it and the theme are good, renders what changed since the last good site
    /// (everything when there is none, or the templates or site settings changed) and makes it the good site.</summary>
    private Update Publish(Stopwatch sw, StageTimings timings)
    {
        // Resolving does not depend on the checks' outcome, only on what was read: both run at once.
        var resolving = Task.Run(() => StageTimings.Timed(() => new ArchiveIndex(_read.Archive)));
        Diagnostics = timings.Time("check", _read.Check);
        if (Diagnostics.Any(d => d.IsError) || _theme is null || _themeProblem is not null)
        {
            // An archive with errors is not resolved for use; whatever resolving it did, or threw, is dropped.
            resolving.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
            return new Update(Diagnostics, false, 0, 0, sw.Elapsed) { Timings = timings };
        }
        var (index, resolveTime) = resolving.GetAwaiter().GetResult();
        timings.Add("resolve", resolveTime);
        int rendered = 0, deleted = 0;
        var changed = _good is null || !ReferenceEquals(_good.Theme, _theme) ? null : timings.Time("changes", () => AffectedPages.ChangedFacts(_good.Index, index));
        if (changed is null)
        {
            // Every page is rendered, and each records what it read: the graph of the next edit.
            var graph = new SiteGraph();
            using var output = new StagedOutput(SiteDirectory);
            rendered = SiteWriter.WriteAll(index, _theme, output, timings, graph.Record);
            output.Commit();
            _good = new Good(index, graph, _theme);
        }
        else
        {
            var graph = _good!.Graph;
            var (pages, feeds) = timings.Time("outputs", () => SiteWriter.Outputs(index));
            var affected = timings.Time("affected", () =>
                AffectedPages.Showing(changed, graph, pages.Select(p => p.UrlPath).Concat(feeds.Select(f => f.Path))));
            // The edited documents' own pages first: they are what the person who saved is looking at. Then the rest
            // of what the edit affects; each page records again what it reads now.
            var own = changed.Where(k => k.Kind == FactKind.Whole).Select(k => index.ById.GetValueOrDefault(k.Name)?.Url).OfType<string>()
                .Where(affected.Contains).ToHashSet(StringComparer.Ordinal);
            rendered += timings.Time("own pages", () => Render(index, _theme, pages, feeds, own, graph));
            affected.ExceptWith(own);
            // The pages that list it next (an entity's page), and the lists of the whole archive (home, every briefing,
            // the timeline), which read most and take longest, last.
            var large = affected.Where(u => graph.ReadCount(u) > LargePage).ToHashSet(StringComparer.Ordinal);
            affected.ExceptWith(large);
            rendered += timings.Time("render rest", () => Render(index, _theme, pages, feeds, affected, graph));
            rendered += timings.Time("render large", () => Render(index, _theme, pages, feeds, large, graph));
            var kept = pages.Select(p => p.UrlPath).Concat(feeds.Select(f => f.Path)).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in graph.Urls.Where(u => !kept.Contains(u)).ToList())
            {
                graph.Forget(gone);
                var file = Path.Combine(SiteDirectory, PageSpec.FileOf(gone));
                if (File.Exists(file)) { File.Delete(file); deleted++; }
            }
            _good = new Good(index, graph, _theme);
        }
        return new Update(Diagnostics, true, rendered, deleted, sw.Elapsed) { Timings = timings };
    }

    /// <summary>Renders the pages and feeds among <paramref name="urls"/>, as build writes them, each file replaced in
    /// one step.</summary>
    private int Render(ArchiveIndex index, Theme theme, IReadOnlyList<PageSpec> pages, IReadOnlyList<(string Path, Func<byte[]> Content)> feeds,
        IReadOnlySet<string> urls, SiteGraph graph)
    {
        if (urls.Count == 0) return 0;
        _archiveFilesStale = true;
        return SiteWriter.Write(index, theme, pages.Where(p => urls.Contains(p.UrlPath)), feeds.Where(f => urls.Contains(f.Path)), WriteFile, graph.Record);
    }

    /// <summary>Writes again, if anything changed since they were written, the files about the whole archive that
    /// <see cref="Publisher"/> writes beside the pages and feeds: sitemap, robots.txt, the data files and the
    /// redirect rules. Any edit changes them, and on a large archive they take longest, so serve writes them
    /// when one of them is asked for, not after each edit. Returns the number of files written.</summary>
    public bool ArchiveFilesStale => _archiveFilesStale && _good is not null;

    public int WriteArchiveFiles()
    {
        if (!_archiveFilesStale || _good is null) return 0;
        _archiveFilesStale = false;
        var index = _good.Index;
        var pageUrls = SiteWriter.Outputs(index).Pages.Select(p => p.UrlPath);
        return Publisher.WriteArchiveFiles(index, pageUrls, WriteFile);
    }

    private void WriteFile(string relativePath, byte[] content) => WriteFile(relativePath, stream => stream.Write(content));

    /// <summary>Replaces a file in one step, so the server never sends half a page.</summary>
    private void WriteFile(string relativePath, Action<Stream> write)
    {
        var full = StagedOutput.Inside(SiteDirectory, relativePath, "site folder");
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + $".{Environment.CurrentManagedThreadId}.tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024))
            write(stream);
        File.Move(temp, full, overwrite: true);
    }

    /// <summary>Copies the changed assets the checked theme holds (a changed folder: those under it) and removes
    /// the copies of those it no longer holds.</summary>
    private int CopyAssets(IEnumerable<string> changed, Theme theme)
    {
        int n = 0;
        foreach (var path in changed)
        {
            var held = theme.Assets.Where(a => a == path || a.StartsWith(path + Path.DirectorySeparatorChar, StringComparison.Ordinal)).ToList();
            foreach (var file in held) WriteFile(AssetTarget(theme, file), File.ReadAllBytes(file));
            n += held.Count;
            var served = Path.Combine(SiteDirectory, AssetTarget(theme, path));
            if (held.Count == 0 && File.Exists(served)) { File.Delete(served); n++; }
        }
        return n;
    }

    private static string AssetTarget(Theme theme, string file) => Path.Combine("assets", Path.GetRelativePath(theme.AssetsDirectory, file));

    private void LoadTheme() => _theme = Theme.Load(ThemeDirectory, out _themeProblem) ?? _theme;
}
