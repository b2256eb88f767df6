using Briefings.Resolving;

namespace Briefings.Serving;

/// <summary>Which facts each page and feed of the site read when it was last built, as its model recorded them
/// (<see cref="Reads"/>): nothing here describes a page, so a page added to <c>SitePages.All()</c> is followed with
/// nothing else to write. serve fills it on its first full build and records each page again when it rebuilds it.
/// The files about the whole archive (data files, sitemap) are not in it: any edit changes them, and serve writes
/// them again when one is asked for. Not thread-safe but for <see cref="Record"/>.</summary>
public sealed class SiteGraph
{
    private readonly Dictionary<string, Fact[]> _read = new(StringComparer.Ordinal);
    // The pages that read each fact: finding what an edit affects is one look-up per changed fact.
    private readonly Dictionary<Fact, HashSet<string>> _readers = [];
    private readonly Lock _lock = new();

    /// <summary>Every output URL the graph knows: what the site held when it was last written.</summary>
    public IReadOnlyCollection<string> Urls => _read.Keys;

    public bool Knows(string url) => _read.ContainsKey(url);

    /// <summary>How many facts the page read when last built (0 for one the graph does not know): a measure of its size.</summary>
    public int ReadCount(string url) => _read.TryGetValue(url, out var facts) ? facts.Length : 0;

    /// <summary>What the page at <paramref name="url"/> read: replaces what it read before. Safe to call from the
    /// threads that render pages.</summary>
    public void Record(string url, IReadOnlyCollection<Fact> facts)
    {
        var read = facts.ToArray();
        lock (_lock)
        {
            Forget(url);
            _read[url] = read;
            foreach (var fact in read)
            {
                if (!_readers.TryGetValue(fact, out var pages)) _readers[fact] = pages = new(StringComparer.Ordinal);
                pages.Add(url);
            }
        }
    }

    /// <summary>Drops a page that is gone.</summary>
    public void Forget(string url)
    {
        if (!_read.Remove(url, out var old)) return;
        foreach (var fact in old)
            if (_readers.TryGetValue(fact, out var pages) && pages.Remove(url) && pages.Count == 0) _readers.Remove(fact);
    }

    /// <summary>The outputs that read any of the facts when last built.</summary>
    public HashSet<string> PagesReading(IEnumerable<Fact> facts)
    {
        var urls = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fact in facts)
            if (_readers.TryGetValue(fact, out var pages)) urls.UnionWith(pages);
        return urls;
    }
}
