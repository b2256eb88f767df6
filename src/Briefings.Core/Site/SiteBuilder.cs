using Briefings.Errors;
using Briefings.Model;
using Briefings.Rendering;
using Briefings.Resolving;
using Briefings.Search;
using Briefings.Writing;

namespace Briefings.Site;

/// <summary>The whole build: read, check, resolve, render and write, each stage feeding the next.
/// Nothing is written unless the archive checks without errors.</summary>
public static class SiteBuilder
{
    public sealed record Result(ArchiveLoader.Loaded Loaded, int PagesWritten, StageTimings Timings)
    {
        public bool Succeeded => !Loaded.HasErrors;

        /// <summary>What became of the search index (null when nothing was built).</summary>
        public SearchIndex.Outcome? Search { get; init; }
    }

    /// <param name="Search">False skips the Pagefind index (quicker local builds, and benchmarks against tools that build none).</param>
    public sealed record Options(string InputDir, string OutputDir, string? BaseUrl = null, string? ThemeDir = null, bool Search = true);

    public static Result Build(Options options)
    {
        var timings = new StageTimings();
        // The templates are parsed while the archive is read: neither needs the other, and reading leaves a core idle
        // at times. A theme error is reported only once the content checks clean, as before.
        var theme = Task.Run(() => options.ThemeDir is { } dir ? new Theme(dir) : Theme.Locate(options.InputDir));
        var loaded = ArchiveLoader.Load(options.InputDir, timings);
        if (loaded.HasErrors) return new Result(loaded, 0, timings);

        var archive = options.BaseUrl is { } url
            ? loaded.Archive with { Site = loaded.Archive.Site with { BaseUrl = url.TrimEnd('/') } }
            : loaded.Archive;
        var index = timings.Time("resolve", () => new ArchiveIndex(archive));

        using var output = new StagedOutput(options.OutputDir);
        int pages = SiteWriter.WriteAll(index, theme.GetAwaiter().GetResult(), output, timings);
        var search = options.Search ? timings.Time("search", () => SearchIndex.Build(output.Root, theme.Result.Directory)) : null;
        timings.Time("swap", output.Commit);
        return new Result(loaded, pages, timings) { Search = search };
    }
}
