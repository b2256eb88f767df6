using System.Runtime.InteropServices;

namespace Briefings.Resolving;

/// <summary>How often each pair of entities appears in the same briefing, and for each entity the few it appears
/// with most. Ids are numbered as they come, so the millions of pair counts of a large archive are integer
/// lookups rather than string hashes, and only the top few of each entity are ever sorted.</summary>
internal sealed class CoOccurrences(int capacity)
{
    private readonly Dictionary<string, int> _numbers = new(capacity, StringComparer.Ordinal);
    private readonly List<string> _ids = new(capacity);
    private readonly List<Dictionary<int, int>> _rows = new(capacity);

    /// <summary>Counts one briefing: every ordered pair of distinct entities in it.</summary>
    public void Add(IEnumerable<string> entities)
    {
        var numbers = entities.Select(Number).ToList();
        foreach (int a in numbers)
        {
            var row = _rows[a];
            foreach (int other in numbers)
                if (other != a) CollectionsMarshal.GetValueRefOrAddDefault(row, other, out _)++;
        }
    }

    /// <summary>For each entity seen with another, the <paramref name="count"/> it appears with most: most often
    /// first, then by id, as a full sort would order them.</summary>
    public IEnumerable<(string Id, List<(string Id, int Count)> Top)> Top(int count)
    {
        for (int a = 0; a < _rows.Count; a++)
        {
            if (_rows[a].Count == 0) continue;
            var top = new List<(string Id, int Count)>(count + 1);
            foreach (var (other, n) in _rows[a])
            {
                var candidate = (_ids[other], n);
                if (top.Count == count && !Before(candidate, top[^1])) continue;
                int at = top.Count;
                while (at > 0 && Before(candidate, top[at - 1])) at--;
                top.Insert(at, candidate);
                if (top.Count > count) top.RemoveAt(count);
            }
            yield return (_ids[a], top);
        }
    }

    private static bool Before((string Id, int Count) x, (string Id, int Count) y) =>
        x.Count != y.Count ? x.Count > y.Count : string.CompareOrdinal(x.Id, y.Id) < 0;

    private int Number(string id)
    {
        ref int number = ref CollectionsMarshal.GetValueRefOrAddDefault(_numbers, id, out bool exists);
        if (!exists)
        {
            number = _ids.Count;
            _ids.Add(id);
            _rows.Add([]);
        }
        return number;
    }
}
