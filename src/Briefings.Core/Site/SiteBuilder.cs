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
    /// <param name="Force">Writes into an output folder that holds files the build did not write (they are replaced).</param>
    /// <param name="SearchBundlePages">The most pages one Pagefind index holds (<see cref="SearchIndex.BundlePages"/>; tests give fewer).</param>
    public sealed record Options(string InputDir, string OutputDir, string? BaseUrl = null, string? ThemeDir = null, bool Search = true, bool Force = false,
        int SearchBundlePages = SearchIndex.BundlePages);

    /// <exception cref="OutputRefusedException">The output folder is not one to write into; nothing was done.</exception>
    /// <exception cref="OutputException">The site could not be written; the earlier output is as it was.</exception>
    public static Result Build(Options options)
    {
        var timings = new StageTimings();
        var themeDir = options.ThemeDir is { } given ? Path.GetFullPath(given) : Theme.LocateDirectory(options.InputDir);
        // Before any work: the output is one the build may replace, and it can be written (the staging folder is made).
        var target = OutputFolder.Check(options.OutputDir, options.InputDir, themeDir, options.Force);
        using var output = new StagedOutput(target);
        // The templates are parsed while the archive is read: neither needs the other, and reading leaves a core idle
        // at times. A theme error is reported only once the content checks clean, as before.
        var theme = Task.Run(() => new Theme(themeDir));
        var loaded = ArchiveLoader.Load(options.InputDir, timings);
        if (loaded.HasErrors) return new Result(loaded, 0, timings);

        var archive = options.BaseUrl is { } url
            ? loaded.Archive with { Site = loaded.Archive.Site with { BaseUrl = url.TrimEnd('/') } }
            : loaded.Archive;
        var index = timings.Time("resolve", () => new ArchiveIndex(archive));

        SiteWriter.Written written;
        try
        {
            written = SiteWriter.WriteSite(index, theme.GetAwaiter().GetResult(), output, timings, options.Search ? themeDir : null,
                searchBundlePages: options.SearchBundlePages);
        }
        catch (AggregateException e) when (OutputException.Among(e) is { } failure) { throw failure; }
        if (written.Search?.Failure is { } why)
            throw new OutputException($"the search index could not be written: {why}");
        timings.Time("swap", output.Commit);
        return new Result(loaded, written.Files, timings) { Search = written.Search };
    }
}
