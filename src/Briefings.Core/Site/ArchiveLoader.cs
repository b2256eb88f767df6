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

/// <summary>Wall time of each pipeline stage, and what it allocated, for <c>--verbose</c> and the benchmark.</summary>
public sealed class StageTimings
{
    /// <param name="Allocated">Bytes allocated while the stage ran (by every thread), when it was timed here.</param>
    public sealed record Stage(string Name, TimeSpan Elapsed, long? Allocated = null);

    private readonly List<Stage> _stages = [];

    public IReadOnlyList<Stage> Stages => _stages;

    /// <summary>Records a stage timed elsewhere, such as one run beside others.</summary>
    public void Add(string stage, TimeSpan elapsed) => _stages.Add(new Stage(stage, elapsed));

    public T Time<T>(string stage, Func<T> work)
    {
        long before = GC.GetTotalAllocatedBytes();
        var (result, elapsed) = Timed(work);
        _stages.Add(new Stage(stage, elapsed, GC.GetTotalAllocatedBytes() - before));
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

    /// <summary>One line per stage, as <c>--verbose</c> prints them.</summary>
    public IEnumerable<string> Lines()
    {
        int width = _stages.Select(s => s.Name.Length).Append(14).Max();
        return _stages.Select(s => $"  {s.Name.PadRight(width)} {s.Elapsed.TotalMilliseconds,8:F0} ms"
            + (s.Allocated is { } bytes ? $"  {bytes / (1024 * 1024),6} MiB allocated" : ""));
    }
}
