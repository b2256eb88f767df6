using Briefings.Model;
using Briefings.Publishing;
using Briefings.Rendering;
using Briefings.Resolving;

namespace Briefings.Serving;

/// <summary>Which facts each page and feed of the site shows, so that <c>serve</c> can rebuild only the outputs
/// an edit touches. It mirrors <see cref="Rendering.SitePages"/> and <see cref="Feeds"/> page by page: when a
/// page starts to show something new, list it here too, or serve leaves that page stale (the soundness test,
/// which compares full builds, catches it). The files about the whole archive (data files, sitemap) are not
/// listed: any edit changes them, and serve writes them again when one is asked for.</summary>
public sealed class SiteGraph
{
    // Each page's and each view's facts, back to back in one list: building the graph is appending, and finding
    // what an edit affects is one pass over it with a small set of changed facts.
    private readonly List<Key> _facts = [];
    private readonly List<int> _hashes = [];
    private readonly List<(string Url, int Start, int Count)> _pages = [];
    private readonly List<(Key View, int Start, int Count)> _views = [];
    private readonly HashSet<string> _urls = new(StringComparer.Ordinal);

    /// <summary>Every output URL the graph knows.</summary>
    public IReadOnlySet<string> Urls => _urls;

    public SiteGraph(ArchiveIndex index)
    {
        var shown = new Shown(index, this);
        // A briefing item and an event appear on many pages; what they show is listed once, under the view's key,
        // and each page lists the view. That keeps the graph small: pages x views, not pages x views x facts.
        foreach (var b in index.Briefings)
        {
            int start = _facts.Count;
            shown.ItemFacts(b);
            _views.Add((Keys.ItemOf(b.Id), start, _facts.Count - start));
        }
        foreach (var e in index.Events)
        {
            int start = _facts.Count;
            shown.EventFacts(e);
            _views.Add((Keys.EventOf(e), start, _facts.Count - start));
        }
        foreach (var (url, add) in Pages(index))
        {
            int start = _facts.Count;
            add(shown);
            _pages.Add((url, start, _facts.Count - start));
            _urls.Add(url);
        }
    }

    private void Add(Key key)
    {
        _facts.Add(key);
        _hashes.Add(key.GetHashCode());
    }

    /// <summary>The views (briefing items, events) that show any of the facts: when a fact changes, so do they.</summary>
    public IEnumerable<Key> ViewsShowing(IReadOnlySet<Key> facts)
    {
        var hashes = facts.Select(k => k.GetHashCode()).ToHashSet();
        return _views.Where(v => Shows(v.Start, v.Count, facts, hashes)).Select(v => v.View).ToList();
    }

    /// <summary>The outputs that show any of the facts or views.</summary>
    public IEnumerable<string> PagesShowing(IReadOnlySet<Key> keys)
    {
        var hashes = keys.Select(k => k.GetHashCode()).ToHashSet();
        return _pages.Where(p => Shows(p.Start, p.Count, keys, hashes)).Select(p => p.Url).ToList();
    }

    /// <summary>Whether the facts from <paramref name="start"/> include one of <paramref name="keys"/>. The hashes,
    /// taken once when the graph is built, spare hashing each fact's id again on every edit.</summary>
    private bool Shows(int start, int count, IReadOnlySet<Key> keys, HashSet<int> hashes)
    {
        for (int i = start; i < start + count; i++)
            if (hashes.Contains(_hashes[i]) && keys.Contains(_facts[i])) return true;
        return false;
    }

    public enum KeyKind { Facet, Whole, Tag, Years, AnyFacet, Item, Event }

    /// <summary>A fact a page can show, or a view that shows facts. Facts change when
    /// <see cref="AffectedPages.ChangedKeys"/> says so; a view changes when a fact it shows does.</summary>
    public readonly record struct Key(KeyKind Kind, string Name, int Number = 0);

    /// <summary>The facts a page can show.</summary>
    public static class Keys
    {
        /// <summary>What other pages show of a document: its name, dates, relations, events (not its body).</summary>
        public static Key Facet(string id) => new(KeyKind.Facet, id);
        /// <summary>All of a document, body included: its own page and the feeds show that.</summary>
        public static Key Whole(string id) => new(KeyKind.Whole, id);
        /// <summary>The briefings of a tag: their number is shown beside the tag on every briefing that has it.</summary>
        public static Key Tag(string tag) => new(KeyKind.Tag, tag);
        /// <summary>Which years have briefings, and how many.</summary>
        public static readonly Key Years = new(KeyKind.Years, "");
        /// <summary>Any facet of any document: for small pages that summarise everything (home, the indexes).</summary>
        public static readonly Key AnyFacet = new(KeyKind.AnyFacet, "");
        /// <summary>The view of a briefing as an item of a list.</summary>
        public static Key ItemOf(string briefingId) => new(KeyKind.Item, briefingId);
        /// <summary>The view of an event, wherever it is listed.</summary>
        public static Key EventOf(EventEntry e) => new(KeyKind.Event, e.Briefing.Id, e.Event.Index);
    }

    private static IEnumerable<(string Url, Action<Shown> Add)> Pages(ArchiveIndex index)
    {
        var archive = index.Archive;
        yield return (SiteUrls.Home, s => s.Add(Keys.AnyFacet));
        yield return (SiteUrls.ListOf(DocumentKind.Briefing), s => { s.Add(Keys.Years); foreach (var b in index.Briefings) s.Item(b); });
        foreach (var year in index.Briefings.GroupBy(b => b.Date.Year))
            yield return (SiteUrls.Year(year.Key), s => { s.Add(Keys.Years); foreach (var b in year) s.Item(b); });
        foreach (var b in index.Briefings)
            yield return (b.Url, s => Briefing(s, b));
        foreach (var e in archive.Documents.OfType<Entity>())
        {
            yield return (e.Url, s => Entity(s, e));
            yield return (SiteUrls.FeedOf(e), s =>
            {
                s.Doc(e.Id);
                foreach (var b in index.BriefingsOf(e.Id).Take(Feeds.Latest)) s.FeedEntry(b);
                // An empty feed is dated by the newest briefing of the whole archive.
                if (index.BriefingsOf(e.Id).Count == 0) s.Add(Keys.AnyFacet);
            });
        }
        foreach (var r in Redirects.Of(archive))
            yield return (r.From, s => s.Doc(r.Target.Id));
        foreach (var list in new[] { SiteUrls.ListOf(DocumentKind.Country), SiteUrls.ListOf(DocumentKind.Institution), SiteUrls.ListOf(DocumentKind.Person), SiteUrls.ListOf(DocumentKind.Agreement), SiteUrls.Tags, SiteUrls.Sources, SiteUrls.Corrections })
            yield return (list, s => s.Add(Keys.AnyFacet));
        foreach (var c in archive.Documents.OfType<CatalogSource>())
            yield return (c.Url, s => Source(s, c));
        foreach (var p in archive.Pages)
            yield return (p.Url, s => s.Body(p));
        yield return (SiteUrls.DataFolder, _ => { });
        yield return (SiteUrls.Timeline, s => { foreach (var e in index.Events) s.Event(e); });
        // The archive's network ranks every person and institution by its briefings: it summarises everything.
        yield return (SiteUrls.Network, s => s.Add(Keys.AnyFacet));
        foreach (var (tag, briefings) in index.ByTag)
            yield return (SiteUrls.Tag(tag), s => { s.Add(Keys.Tag(tag)); foreach (var b in briefings) s.Item(b); });
        yield return (SiteUrls.Search, _ => { });
        yield return (SiteUrls.NotFound, _ => { });
        yield return (SiteUrls.Feed, s => { foreach (var b in index.Briefings.Take(Feeds.Latest)) s.FeedEntry(b); });
    }

    private static void Briefing(Shown s, Briefing b)
    {
        s.Body(b);
        foreach (var c in s.Index.CountriesOfBriefing(b)) s.Doc(c.Id);
        s.Refs(b.Actors);
        foreach (var r in b.Agreements)
            if (s.Index.Find(r.Id) is Agreement a) s.Item(a);
        foreach (var e in b.Events) s.Event(new EventEntry(b, e));
        foreach (var t in b.Tags) s.Add(Keys.Tag(t));
    }

    /// <summary>A catalog source's page: the source, and every fact and file that rests on it.</summary>
    private static void Source(Shown s, CatalogSource c)
    {
        s.Body(c);
        foreach (var f in s.Index.FactsCiting(c.Id))
        {
            if (f.Event is { } e) s.Event(e);
            else s.Post(f.Post!);
        }
        foreach (var file in s.Index.FilesCiting(c.Id))
        {
            if (file is Briefing b) s.Item(b);
            else s.Doc(file.Id);
        }
    }

    private static void Entity(Shown s, Entity e)
    {
        var index = s.Index;
        s.Body(e);
        foreach (var b in index.BriefingsOf(e.Id)) s.Item(b);
        foreach (var ev in index.EventsOf(e.Id)) s.Event(ev);
        foreach (var a in index.AgreementsOf(e.Id)) s.Item(a);
        foreach (var c in index.CompanionsOf(e.Id)) s.Doc(c.Entity.Id);
        // Its network: its ties, and the briefings and agreements two of them share (which its lines count).
        var ties = index.TiesOf(e.Id);
        if (ties.Count > 0)
        {
            var seen = new HashSet<Document>(index.BriefingsOf(e.Id));
            foreach (var t in ties)
            {
                s.Doc(t.Entity.Id);
                foreach (var b in index.BriefingsOf(t.Entity.Id))
                    if (!seen.Add(b)) s.Item(b);
                foreach (var a in index.AgreementsOf(t.Entity.Id))
                    if (!seen.Add(a)) s.Item(a);
            }
        }
        switch (e)
        {
            case Country c:
                foreach (var m in index.MembersOf(c.Id)) s.Doc(m.Id);
                break;
            case Institution i:
                s.Ref(i.Country);
                s.Ref(i.Parent);
                foreach (var child in index.ChildrenOf(i.Id)) s.Doc(child.Id);
                foreach (var post in index.PostsAt(i.Id)) s.Post(post);
                break;
            case Person p:
                s.Ref(p.Country);
                foreach (var post in p.Positions) s.Post(new PostEntry(p, post));
                break;
            case Agreement a:
                s.Refs(a.Parties);
                break;
        }
    }

    /// <summary>Collects the facts one page shows, one helper per kind of view the templates draw.</summary>
    private sealed class Shown(ArchiveIndex index, SiteGraph graph)
    {
        public ArchiveIndex Index => index;

        public void Add(Key key) => graph.Add(key);
        public void Doc(string id) => graph.Add(Keys.Facet(id));
        public void Ref(Ref? r) { if (r is not null) Doc(r.Id); }
        public void Refs(IEnumerable<Ref> refs) { foreach (var r in refs) Doc(r.Id); }

        /// <summary>A document's own page: all of it, the names of what its body and corrections mention, and the
        /// catalog sources its source list shows.</summary>
        public void Body(Document d)
        {
            graph.Add(Keys.Whole(d.Id));
            Refs(d.BodyRefs.Mentions);
            foreach (var c in d.Corrections) Refs(c.NoteRefs.Mentions);
            Catalog(d);
        }

        /// <summary>The catalog sources a file's source list shows: a fact's source and its kind are shown with it.</summary>
        public void Catalog(Document d)
        {
            var listed = index.ListedSources(d);
            for (int i = d.Sources.Count; i < listed.Count; i++) Doc(listed[i].Id);
        }

        /// <summary>A briefing as an entry of a feed: all of it, with what its corrections mention.</summary>
        public void FeedEntry(Briefing b)
        {
            graph.Add(Keys.Whole(b.Id));
            Item(b);
            foreach (var c in b.Corrections) Refs(c.NoteRefs.Mentions);
        }

        /// <summary>A briefing in a list.</summary>
        public void Item(Briefing b) => graph.Add(Keys.ItemOf(b.Id));

        /// <summary>What a briefing item shows: title, date, summary and its countries, which its actors' countries decide.</summary>
        public void ItemFacts(Briefing b)
        {
            Doc(b.Id);
            Refs(b.Actors);
            foreach (var c in index.CountriesOfBriefing(b)) Doc(c.Id);
        }

        /// <summary>An agreement in a list, with its parties and what its sources say of its evidence.</summary>
        public void Item(Agreement a)
        {
            Doc(a.Id);
            Refs(a.Parties);
            Catalog(a);
        }

        /// <summary>An event.</summary>
        public void Event(EventEntry e) => graph.Add(Keys.EventOf(e));

        /// <summary>What an event shows: its briefing, places, participants and what its summary mentions.</summary>
        public void EventFacts(EventEntry e)
        {
            Doc(e.Briefing.Id);
            Ref(e.Event.From);
            Ref(e.Event.To);
            Refs(e.Event.Participants);
            Refs(e.Event.SummaryRefs.Mentions);
            Catalog(e.Briefing);
        }

        public void Post(PostEntry p)
        {
            Doc(p.Person.Id);
            Ref(p.Post.Institution);
            Catalog(p.Person);
        }
    }
}
