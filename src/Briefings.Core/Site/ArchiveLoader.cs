using Briefings.Checking;
using Briefings.Model;
using Briefings.Reading;

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
        var diagnostics = new DiagnosticBag();
        var archive = timings.Time("read", () => ArchiveReader.Read(inputDir, diagnostics));
        timings.Time("check", () => Checker.Check(archive, diagnostics));
        return new Loaded(archive, diagnostics.Sorted(), timings);
    }
}
