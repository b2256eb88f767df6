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

    /// <summary>Records a stage timed elsewhere, such as one run beside others.</summary>
    public void Add(string stage, TimeSpan elapsed) => _stages.Add((stage, elapsed));

    public T Time<T>(string stage, Func<T> work)
    {
        var (result, elapsed) = Timed(work);
        Add(stage, elapsed);
        return result;
    }

    public void Time(string stage, Action work) => Time(stage, () => { work(); return 0; });

    /// <summary>Runs work and says how long it took: for a stage run beside others, added once it is done.</summary>
    public static (T Result, TimeSpan Elapsed) Timed<T>(Func<T> work)
    {
        var sw = Stopwatch.StartNew();
        var result = work();
        return (result, sw.Elapsed);
    }
}
