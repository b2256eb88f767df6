using System.Collections;
using System.Collections.Concurrent;
using Briefings.Model;

namespace Briefings.Resolving;

/// <summary>What a fact read can be about, at the granularity <c>serve</c> tells changes apart.</summary>
public enum FactKind : byte
{
    /// <summary>What other pages show of a document: its name, dates, relations, facts (not its body).</summary>
    Facet,
    /// <summary>All of a document, body included: what its own page shows.</summary>
    Whole,
    /// <summary>One entry of a relation of the index (the briefings of an entity, the briefings of a year...): which
    /// documents it lists, in which order.</summary>
    Related,
    /// <summary>Any facet of any document: read by what looks at the whole archive (home, the indexes).</summary>
    AnyFacet,
}

/// <summary>The relations of <see cref="ArchiveIndex"/>, each an accessor there.</summary>
public enum Relation : byte
{
    None, Briefings, Events, Years, BriefingsIn, Tagged, BriefingsOf, EventsOf, AgreementsOf, MembersOf, PostsAt,
    ChildrenOf, CompanionsOf, TiesOf, CountriesOf, FactsCiting, FilesCiting, EventsWith, EventFacets,
}

/// <summary>One fact a page read while its model was built.</summary>
public readonly record struct Fact(FactKind Kind, string Name, Relation Relation = Relation.None)
{
    public static Fact Facet(string id) => new(FactKind.Facet, id);
    public static Fact Whole(string id) => new(FactKind.Whole, id);
    public static Fact Related(Relation relation, string key) => new(FactKind.Related, key, relation);
    public static readonly Fact AnyFacet = new(FactKind.AnyFacet, "");
}

/// <summary>Records what one page reads of the archive while it is built, as Hugo's <c>identity</c> package does:
/// the index's lookups and the views report each fact they read to the recorder of the page being built (ambient,
/// per page), so that what a page depends on is never written down beside it. Without a recorder (a build) a
/// report costs one look at an <see cref="AsyncLocal{T}"/>.</summary>
public sealed class Reads
{
    private static readonly AsyncLocal<Reads?> Ambient = new();
    private readonly HashSet<Fact> _facts = [];

    /// <summary>The recorder of the page being built on this flow of execution, if any.</summary>
    public static Reads? Current => Ambient.Value;

    public IReadOnlyCollection<Fact> Facts => _facts;

    /// <summary>Runs <paramref name="build"/> with this recorder as the current one, then restores the one before.</summary>
    public T During<T>(Func<T> build)
    {
        var outer = Ambient.Value;
        Ambient.Value = this;
        try { return build(); }
        finally { Ambient.Value = outer; }
    }

    public void During(Action build) => During(() => { build(); return 0; });

    public static void Read(Fact fact) => Ambient.Value?._facts.Add(fact);

    public static void Facet(string id) => Read(Fact.Facet(id));

    private void AddRange(Fact[] facts) => _facts.UnionWith(facts);

    /// <summary>A relation's list, read: the relation entry now, and the facet of each element's document when the
    /// page reads that element (a page that only counts them depends on the count alone).</summary>
    internal static IReadOnlyList<T> List<T>(Relation relation, string key, IReadOnlyList<T> list, Func<T, string?> document)
    {
        if (Ambient.Value is not { } reads) return list;
        reads._facts.Add(Fact.Related(relation, key));
        return list.Count == 0 ? list : new ReadList<T>(list, document, reads);
    }

    /// <summary>A value worked out once and used by many pages (an event's HTML): each page that uses it reads what
    /// working it out read.</summary>
    public sealed class Shared<TKey, TValue> where TKey : notnull
    {
        private readonly ConcurrentDictionary<TKey, (TValue Value, Fact[]? Read)> _values = new();

        public TValue Get(TKey key, Func<TKey, TValue> make)
        {
            var (value, read) = _values.GetOrAdd(key, k =>
            {
                if (Current is null) return (make(k), null);
                var own = new Reads();
                var v = own.During(() => make(k));
                return (v, own._facts.ToArray());
            });
            if (read is not null) Current?.AddRange(read);
            return value;
        }
    }

    /// <summary>A list whose elements report their document's facet to the page's recorder as they are read.</summary>
    private sealed class ReadList<T>(IReadOnlyList<T> list, Func<T, string?> document, Reads reads) : IReadOnlyList<T>
    {
        public int Count => list.Count;

        public T this[int index]
        {
            get
            {
                var item = list[index];
                if (document(item) is { } id) reads._facts.Add(Fact.Facet(id));
                return item;
            }
        }

        public IEnumerator<T> GetEnumerator()
        {
            for (int i = 0; i < list.Count; i++) yield return this[i];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
