namespace Briefings.Errors;

/// <summary>"did you mean ...?": the nearest known word by edit distance, if it is near enough to be a typo.</summary>
public static class Suggestions
{
    public static string? Nearest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        int limit = Math.Max(2, word.Length / 3);
        foreach (var c in candidates)
        {
            if (Math.Abs(c.Length - word.Length) > limit) continue;
            int d = Distance(word, c, limit);
            if (d < bestDistance || d == bestDistance && string.CompareOrdinal(c, best) < 0)
                (best, bestDistance) = (c, d);
        }
        return bestDistance <= limit ? best : null;
    }

    /// <summary>" (did you mean 'x'?)" or empty.</summary>
    public static string Hint(string word, IEnumerable<string> candidates) =>
        Nearest(word, candidates) is { } s ? $" (did you mean '{s}'?)" : "";

    // Levenshtein distance, giving up (returning limit+1) once every cell of a row exceeds the limit.
    private static int Distance(string a, string b, int limit)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                rowMin = Math.Min(rowMin, cur[j]);
            }
            if (rowMin > limit) return limit + 1;
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
