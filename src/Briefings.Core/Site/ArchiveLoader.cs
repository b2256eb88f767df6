using System.Diagnostics;
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

/// <summary>Wall time of each pipeline stage, for <c>--verbose</c> and the benchmark.</summary>
public sealed class StageTimings
{
    private readonly List<(string Stage, TimeSpan Elapsed)> _stages = [];

    public IReadOnlyList<(string Stage, TimeSpan Elapsed)> Stages => _stages;

    public T Time<T>(string stage, Func<T> work)
    {
        var sw = Stopwatch.StartNew();
        var result = work();
        _stages.Add((stage, sw.Elapsed));
        return result;
    }

    public void Time(string stage, Action work) => Time(stage, () => { work(); return 0; });
}
