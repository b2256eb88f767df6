namespace Briefings.Corpus;

/// <summary>
/// SplitMix64: a small, fast generator whose output is fixed by its seed on every
/// platform and .NET version (unlike System.Random, whose algorithm is not a promise).
/// </summary>
public sealed class Rng
{
    private ulong _state;

    public Rng(ulong seed) => _state = seed;

    /// <summary>An independent stream for item <paramref name="index"/> of stream <paramref name="stream"/>.</summary>
    public static Rng For(ulong seed, ulong stream, ulong index) =>
        new(Mix(Mix(seed ^ (stream * 0x9E3779B97F4A7C15UL)) ^ (index * 0xD1B54A32D192ED03UL)));

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextULong()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, n).</summary>
    public int Next(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n));
        return (int)((NextULong() >> 11) % (ulong)n);
    }

    /// <summary>Uniform in [min, max] inclusive.</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double p) => NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Index in [0, n) skewed towards 0 (a few popular items, a long tail).</summary>
    public int Skewed(int n, double power = 2.0)
    {
        int i = (int)(Math.Pow(NextDouble(), power) * n);
        return Math.Min(i, n - 1);
    }
}
