using System.Runtime.InteropServices;

namespace Briefings.Resolving;

/// <summary>For each entity, the few entities it appears with most in the same briefings. Each entity's companions
/// are counted on their own, so entities are shared out over all cores; ids are numbered, so counting is an
/// increment in an array rather than a lookup in a table of every pair (100,000 briefings have millions of pairs,
/// and a table of them was 23 times slower than at 10,000).</summary>
internal static class CoOccurrences
{
    /// <param name="briefings">For each briefing, the entities it involves, each once.</param>
    /// <param name="companion">Whether an entity may be counted as another's companion (all may be counted for).</param>
    /// <returns>Each entity seen with another and its <paramref name="count"/> most frequent companions: most often
    /// first, then by id, as a full sort would order them.</returns>
    public static Dictionary<string, List<(string Id, int Count)>> Top(IReadOnlyList<IReadOnlyList<string>> briefings, int count,
        Func<string, bool>? companion = null)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new List<string>();
        var members = new int[briefings.Count][];
        var briefingsOf = new List<List<int>>();
        for (int b = 0; b < briefings.Count; b++)
        {
            members[b] = new int[briefings[b].Count];
            for (int i = 0; i < members[b].Length; i++)
            {
                ref int number = ref CollectionsMarshal.GetValueRefOrAddDefault(numbers, briefings[b][i], out bool exists);
                if (!exists)
                {
                    number = ids.Count;
                    ids.Add(briefings[b][i]);
                    briefingsOf.Add([]);
                }
                members[b][i] = number;
                briefingsOf[number].Add(b);
            }
        }

        var allowed = ids.Select(id => companion?.Invoke(id) ?? true).ToArray();
        var tops = new List<(string Id, int Count)>?[ids.Count];
        Parallel.For(0, ids.Count, () => new Tally(ids.Count), (a, _, tally) =>
        {
            foreach (int b in briefingsOf[a])
                foreach (int other in members[b])
                    if (other != a && allowed[other]) tally.Count(other);
            tops[a] = tally.Top(count, ids);
            return tally;
        }, _ => { });

        var result = new Dictionary<string, List<(string Id, int Count)>>(StringComparer.Ordinal);
        for (int a = 0; a < ids.Count; a++)
            if (tops[a] is { } top) result[ids[a]] = top;
        return result;
    }

    /// <summary>One thread's counts for the entity it is working on: an array over every entity, and which ones
    /// were counted, so that it is cleared in the time it was filled.</summary>
    private sealed class Tally(int entities)
    {
        private readonly int[] _counts = new int[entities];
        private readonly List<int> _seen = [];

        public void Count(int other)
        {
            if (_counts[other]++ == 0) _seen.Add(other);
        }

        /// <summary>The most frequent, then clears the counts; null when nothing was counted.</summary>
        public List<(string Id, int Count)>? Top(int count, List<string> ids)
        {
            if (_seen.Count == 0) return null;
            var top = new List<(string Id, int Count)>(count + 1);
            foreach (int other in _seen)
            {
                var candidate = (ids[other], _counts[other]);
                _counts[other] = 0;
                if (top.Count == count && !Before(candidate, top[^1])) continue;
                int at = top.Count;
                while (at > 0 && Before(candidate, top[at - 1])) at--;
                top.Insert(at, candidate);
                if (top.Count > count) top.RemoveAt(count);
            }
            _seen.Clear();
            return top;
        }

        private static bool Before((string Id, int Count) x, (string Id, int Count) y) =>
            x.Count != y.Count ? x.Count > y.Count : string.CompareOrdinal(x.Id, y.Id) < 0;
    }
}
