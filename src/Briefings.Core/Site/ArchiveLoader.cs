using Briefings.Errors;
using Briefings.Model;

namespace Briefings.Site;

/// <summary>The first two stages of every command: read input/, then check it.</summary>
public static class ArchiveLoader
{
    public sealed record Loaded(Archive Archive, IReadOnlyList<Diagnostic> Diagnostics, StageTimings Timings)
    {
        public bool HasErrors => Diagnostics.Any(d => d.IsError);
    }

    public static Loaded Load(string inputDir, StageTimings? timings = null)
    {
        timings ??= new StageTimings();
        var read = timings.Time("read", () => ReadState.ReadAll(inputDir));
        var diagnostics = timings.Time("check", read.Check);
        return new Loaded(read.Archive, diagnostics, timings);
    }
}
