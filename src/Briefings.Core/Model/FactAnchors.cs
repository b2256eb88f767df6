namespace Briefings.Model;

/// <summary>The permanent address of a fact on its file's page (the contract's "Every fact has a permanent
/// address"): the fact's declared <c>id</c>, else an anchor made from what the fact is, never from its place in
/// the list: <c>event-&lt;date&gt;-&lt;type&gt;</c>, <c>position-&lt;institution&gt;-&lt;from&gt;</c> (<c>undated</c> without
/// <c>from</c>). A second undeclared fact with the same made anchor gets <c>-2</c>, the next <c>-3</c>, in file order.
/// Declared ids and made anchors share one namespace per file: a declared id equal to another fact's anchor is an
/// error (BR701, reported by the reader), so no declared id ever moves a made anchor. Anchors are computed once,
/// when a file is read; pages, feeds and data all take <see cref="Event.Anchor"/> and <see cref="Post.Anchor"/>.</summary>
public static class FactAnchors
{
    public static string Made(Event e) => $"event-{e.Date}-{e.Type}";

    public static string Made(Post p) => $"position-{p.Institution.Id}-{(p.From is { } from ? from.ToString() : "undated")}";

    /// <summary>The element id of a fact on a page that lists facts of several files (entity pages, the timeline).</summary>
    public static string ElementId(string fileId, string anchor) => $"{fileId}--{anchor}";

    public static IReadOnlyList<Event> Assign(IReadOnlyList<Event> events) =>
        Assign(events, e => e.Id, Made, (e, a) => e with { Anchor = a });

    public static IReadOnlyList<Post> Assign(IReadOnlyList<Post> posts) =>
        Assign(posts, p => p.Id, Made, (p, a) => p with { Anchor = a });

    private static IReadOnlyList<T> Assign<T>(IReadOnlyList<T> facts, Func<T, string?> declared, Func<T, string> made, Func<T, string, T> with)
    {
        var result = new T[facts.Count];
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        // Made anchors count only among facts without an id: giving a fact an id, or adding one with an id, leaves
        // every other fact's address as it was.
        for (int i = 0; i < facts.Count; i++)
        {
            if (declared(facts[i]) is { } id) { result[i] = with(facts[i], id); continue; }
            var anchor = made(facts[i]);
            int n = seen.TryGetValue(anchor, out var c) ? c + 1 : 1;
            var candidate = n == 1 ? anchor : $"{anchor}-{n}";
            while (!taken.Add(candidate)) candidate = $"{anchor}-{++n}";
            seen[anchor] = n;
            result[i] = with(facts[i], candidate);
        }
        return result;
    }
}
