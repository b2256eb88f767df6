using System.Diagnostics;

namespace Briefings.Site;

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
