using Briefings.Model;

namespace Briefings.Resolving;

/// <summary>An event with the briefing it is reported in.</summary>
public sealed record EventEntry(Briefing Briefing, Event Event)
{
    /// <summary>The permanent anchor of the event on its briefing's page (see <see cref="FactAnchors"/>).</summary>
    public string Anchor => Event.Anchor;
    /// <summary>The event's permanent address.</summary>
    public string Url => SiteUrls.At(Briefing.Url, Anchor);
    /// <summary>Its element id on pages that list facts of several files.</summary>
    public string ElsewhereId => FactAnchors.ElementId(Briefing.Id, Anchor);

    /// <summary>The tag with which a briefing says its sources disagree.</summary>
    public const string ConflictTag = "conflicting-reports";

    /// <summary>Whether the content marks this event's reports as conflicting: its briefing carries the
    /// <see cref="ConflictTag"/> and the event is the one it gives low confidence (the format has no field for a
    /// conflict; this is how the archive's files mark one).</summary>
    public bool Conflict => Event.Confidence == "low" && Briefing.Tags.Contains(ConflictTag, StringComparer.Ordinal);
}

/// <summary>A position held, with the person who held it.</summary>
public sealed record PostEntry(Person Person, Post Post)
{
    public string Anchor => Post.Anchor;
    public string Url => SiteUrls.At(Person.Url, Anchor);
    public string ElsewhereId => FactAnchors.ElementId(Person.Id, Anchor);
}

/// <summary>A fact (an event or a position) that cites a source, with its citations of that source (each with the
/// quote it gives; a fact may quote one source twice), in file order; one of the two entries is set.</summary>
public sealed record SourcedFact(EventEntry? Event, PostEntry? Post, IReadOnlyList<Citation> Citations)
{
    public Citation Citation => Citations[0];
    public Document File => (Document?)Event?.Briefing ?? Post!.Person;
    /// <summary>The date that orders facts newest first: an event's date, a position's start.</summary>
    public PartialDate? Date => Event?.Event.Date ?? Post!.Post.From;
}

/// <summary>An entity appearing in the same briefings as another, and how often.</summary>
public sealed record Companion(Document Entity, int Count);

/// <summary>A value of a facet of events (its type, year or confidence) and how many events have it.</summary>
public sealed record EventFacet(string Facet, string Value, int Count)
{
    /// <summary>The facet of the countries that take part in events: its value is a country's id, and its events are
    /// the country's (<see cref="ArchiveIndex.EventsOf"/>).</summary>
    public const string Country = "country";

    /// <summary>The facets the timeline is filtered by, in the order its filters show them.</summary>
    public static readonly IReadOnlyList<string> Facets = [Country, "type", "year", "confidence"];

    public string Key => KeyOf(Facet, Value);

    public static string KeyOf(string facet, string value) => $"{facet}/{value}";
}

/// <summary>A year that has briefings, and how many.</summary>
public sealed record YearCount(int Year, int Count);

/// <summary>A person or institution another works with: the briefings both appear in (their events included) and
/// the agreements both are party to.</summary>
public sealed record Tie(Document Entity, int Briefings, int Agreements)
{
    public int Count => Briefings + Agreements;
}

/// <summary>Every relation between documents, computed once after checking so that rendering only looks
/// things up. Lists are in reading order: briefings and events newest first, entities by name.</summary>
public sealed class ArchiveIndex
{
    public const int CompanionCount = 10;
    /// <summary>How many ties of each entity a network shows: enough to see its circle, few enough to read.</summary>
    public const int TieCount = 8;

    private readonly Archive _archive;
    private readonly IReadOnlyList<Briefing> _briefings;
    private readonly IReadOnlyList<EventEntry> _events;
    private readonly Dictionary<string, IReadOnlyList<Briefing>> _byTag;
    private readonly IReadOnlyList<YearCount> _years;
    private readonly Dictionary<string, List<Briefing>> _briefingsIn = new(StringComparer.Ordinal);

    /// <summary>The whole archive: a page that reads it depends on every document (see <see cref="Reads"/>).</summary>
    public Archive Archive
    {
        get
        {
            Reads.Read(Fact.AnyFacet);
            return _archive;
        }
    }

    /// <summary>The site's settings: every page shows them, and serve renders every page again when they change.</summary>
    public SiteSettings Site => _archive.Site;

    public IReadOnlyDictionary<string, Document> ById { get; }
    /// <summary>Every briefing, newest first (then by id, so ties are stable).</summary>
    public IReadOnlyList<Briefing> Briefings => Reads.List(Relation.Briefings, "", _briefings, b => b.Id);
    /// <summary>Every event of every briefing, oldest first.</summary>
    public IReadOnlyList<EventEntry> Events => Reads.List(Relation.Events, "", _events, e => e.Briefing.Id);

    /// <summary>Every tag with its briefings, by tag: a page that reads it depends on every document.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Briefing>> ByTag
    {
        get
        {
            Reads.Read(Fact.AnyFacet);
            return _byTag;
        }
    }

    /// <summary>The briefings of a tag, newest first.</summary>
    public IReadOnlyList<Briefing> TaggedWith(string tag) =>
        Reads.List(Relation.Tagged, tag, _byTag.TryGetValue(tag, out var list) ? list : [], b => b.Id);

    /// <summary>The years that have briefings, newest first, with how many each has.</summary>
    public IReadOnlyList<YearCount> Years => Reads.List(Relation.Years, "", _years, _ => null);

    /// <summary>The briefings of one year, newest first.</summary>
    public IReadOnlyList<Briefing> BriefingsIn(int year)
    {
        var key = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Reads.List(Relation.BriefingsIn, key, Get(_briefingsIn, key), b => b.Id);
    }

    /// <summary>The values of each facet that events have, by facet then value (years and confidence levels in
    /// their order, types by name), with how many events have each.</summary>
    public IReadOnlyList<EventFacet> EventFacets => Reads.List(Relation.EventFacets, "", _eventFacets, _ => null);

    /// <summary>The events of one value of a facet (<see cref="EventFacet.Key"/>), oldest first as on the timeline.</summary>
    public IReadOnlyList<EventEntry> EventsWith(string key) => Reads.List(Relation.EventsWith, key, Get(_eventsWith, key), e => e.Briefing.Id);

    private readonly Dictionary<string, List<EventEntry>> _eventsWith = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<EventFacet> _eventFacets;
    private readonly Dictionary<string, List<Briefing>> _briefingsOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<EventEntry>> _eventsOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Agreement>> _agreementsOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Document>> _membersOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<PostEntry>> _postsAt = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Institution>> _childrenOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<Companion>> _companions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<Tie>> _ties = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<Country>> _countriesOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<SourcedFact>> _factsCiting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Document>> _filesCiting = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<Source>> _listed = new(StringComparer.Ordinal);

    private static readonly IComparer<Briefing> NewestFirst = Comparer<Briefing>.Create((a, b) =>
    {
        int c = b.Date.CompareTo(a.Date);
        return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
    });

    public ArchiveIndex(Archive archive)
    {
        _archive = archive;
        ById = archive.Documents.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var briefings = _briefings = archive.Briefings.Order(NewestFirst).ToList();
        foreach (var b in briefings) Add(_briefingsIn, b.Date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), b);
        _years = briefings.GroupBy(b => b.Date.Year).Select(g => new YearCount(g.Key, g.Count())).ToList();

        foreach (var i in archive.Institutions)
        {
            Add(_membersOf, i.Country.Id, i);
            if (i.Parent is { } p) Add(_childrenOf, p.Id, i);
        }
        foreach (var p in archive.People)
        {
            if (p.Country is { } c) Add(_membersOf, c.Id, p);
            foreach (var post in p.Positions) Add(_postsAt, post.Institution.Id, new PostEntry(p, post));
        }
        foreach (var a in archive.Agreements)
            foreach (var id in a.Parties.Select(r => r.Id).Concat(a.Parties.SelectMany(r => CountryOf(r.Id))).Distinct())
                Add(_agreementsOf, id, a);

        // What each briefing touches depends on that briefing alone: worked out on all cores, then gathered in order.
        var touched = new (IReadOnlyList<Country> Countries, List<string> Involved)[briefings.Count];
        var entitiesOf = new IReadOnlyList<string>[briefings.Count];
        Parallel.For(0, briefings.Count, i =>
        {
            var countries = CountriesOf(briefings[i]);
            touched[i] = (countries, Involved(briefings[i], countries));
            entitiesOf[i] = touched[i].Involved.Where(id => ById[id] is Entity).ToList();
        });
        var events = new List<EventEntry>();
        for (int i = 0; i < briefings.Count; i++)
        {
            var b = briefings[i];
            var (countries, involved) = touched[i];
            _countriesOf[b.Id] = countries;
            foreach (var id in involved) Add(_briefingsOf, id, b);
            foreach (var e in b.Events)
            {
                var entry = new EventEntry(b, e);
                events.Add(entry);
                // A country takes part in an event through its participants too, not only as its from or to.
                foreach (var id in EventActors(e).Concat(e.Participants.SelectMany(r => CountryOf(r.Id))).Concat(b.Agreements.Select(a => a.Id)).Distinct())
                    Add(_eventsOf, id, entry);
            }
        }
        _events = events.OrderBy(e => e.Event.Date).ThenBy(e => e.Briefing.Date).ThenBy(e => e.Briefing.Id, StringComparer.Ordinal)
            .ThenBy(e => e.Event.Index).ToList();
        foreach (var list in _eventsOf.Values)
            list.Sort((x, y) => EventOrder(y, x));
        foreach (var e in _events)
            foreach (var (facet, value) in FacetsOf(e.Event))
                Add(_eventsWith, EventFacet.KeyOf(facet, value), e);
        _eventFacets = _eventsOf.Where(x => ById[x.Key] is Country).Select(x => (Name: ById[x.Key].DisplayName, Facet: new EventFacet(EventFacet.Country, x.Key, x.Value.Count)))
            .OrderBy(x => x.Name, StringComparer.Ordinal).ThenBy(x => x.Facet.Value, StringComparer.Ordinal).Select(x => x.Facet)
            .Concat(EventFacet.Facets.Skip(1).SelectMany(f => _eventsWith.Where(x => x.Key.StartsWith(f + "/", StringComparison.Ordinal))
                .Select(x => new EventFacet(f, x.Key[(f.Length + 1)..], x.Value.Count))
                .OrderBy(x => f == "confidence" ? Array.IndexOf(ConfidenceOrder, x.Value) : 0)
                .ThenBy(x => x.Value, StringComparer.Ordinal)))
            .ToList();
        foreach (var (id, top) in CoOccurrences.Top(entitiesOf, CompanionCount, IsCompanion))
            _companions[id] = top.Select(c => new Companion(ById[c.Id], c.Count)).ToList();
        // Ties count an agreement as one more thing two parties share, so its parties are one more group to count in.
        var groups = new List<IReadOnlyList<string>>(entitiesOf);
        groups.AddRange(archive.Agreements.Select(a => (IReadOnlyList<string>)a.Parties.Select(r => r.Id).Where(ById.ContainsKey).Distinct().ToList()));
        foreach (var (id, top) in CoOccurrences.Top(groups, TieCount, IsTie))
            if (IsTie(id))
                _ties[id] = top.Select(t => SharedBy(id, t.Id, t.Count)).ToList();
        foreach (var list in _agreementsOf.Values) list.Sort(AgreementOrder);
        foreach (var list in _membersOf.Values) list.Sort(ByName);
        foreach (var list in _childrenOf.Values) list.Sort(ByName);
        foreach (var list in _postsAt.Values)
            list.Sort((x, y) => Comparer<PartialDate?>.Default.Compare(y.Post.From, x.Post.From) is var c && c != 0 ? c : ByName(x.Person, y.Person));

        if (archive.Catalog.Count > 0) IndexCatalogCitations();

        _byTag = briefings.SelectMany(b => b.Tags.Distinct().Select(t => (t, b)))
            .GroupBy(x => x.t, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Briefing>)g.Select(x => x.b).ToList(), StringComparer.Ordinal);
    }

    /// <summary>Briefings that involve or mention the document, newest first.</summary>
    public IReadOnlyList<Briefing> BriefingsOf(string id) => Reads.List(Relation.BriefingsOf, id, Get(_briefingsOf, id), b => b.Id);
    /// <summary>Events that involve the entity, newest first: those it takes part in, and for a country also those it
    /// is the origin or destination of or whose participants belong to it.</summary>
    public IReadOnlyList<EventEntry> EventsOf(string id) => Reads.List(Relation.EventsOf, id, Get(_eventsOf, id), e => e.Briefing.Id);
    /// <summary>Agreements the entity is party to (for a country: that its institutions or people are party to).</summary>
    public IReadOnlyList<Agreement> AgreementsOf(string id) => Reads.List(Relation.AgreementsOf, id, Get(_agreementsOf, id), a => a.Id);
    /// <summary>Institutions and people of a country, by name.</summary>
    public IReadOnlyList<Document> MembersOf(string countryId) => Reads.List(Relation.MembersOf, countryId, Get(_membersOf, countryId), d => d.Id);
    public IReadOnlyList<PostEntry> PostsAt(string institutionId) => Reads.List(Relation.PostsAt, institutionId, Get(_postsAt, institutionId), p => p.Person.Id);
    public IReadOnlyList<Institution> ChildrenOf(string institutionId) => Reads.List(Relation.ChildrenOf, institutionId, Get(_childrenOf, institutionId), i => i.Id);
    public IReadOnlyList<Companion> CompanionsOf(string id) => Reads.List(Relation.CompanionsOf, id, _companions.TryGetValue(id, out var c) ? c : [], x => x.Entity.Id);
    /// <summary>The people and institutions (news outlets aside) a person or institution shares most briefings and
    /// agreements with, at most <see cref="TieCount"/>: most first, then by id.</summary>
    public IReadOnlyList<Tie> TiesOf(string id) => Reads.List(Relation.TiesOf, id, _ties.TryGetValue(id, out var t) ? t : [], x => x.Entity.Id);

    /// <summary>Whether an entity takes part in the networks: a person, or an institution that is not a news outlet.</summary>
    public bool IsTie(string id) => ById.TryGetValue(id, out var d) && d is Person or Institution { Type: not "media" };

    /// <summary>What two entities share, for two that share <paramref name="count"/> briefings and agreements together.</summary>
    private Tie SharedBy(string id, string other, int count)
    {
        int agreements = 0;
        foreach (var a in AgreementsOf(id))
            if (a.Parties.Any(r => r.Id == other)) agreements++;
        return new Tie(ById[other], count - agreements, agreements);
    }
    /// <summary>A briefing's countries: those it lists, those of its actors, and those its events go from or to.</summary>
    public IReadOnlyList<Country> CountriesOfBriefing(Briefing b) => Reads.List(Relation.CountriesOf, b.Id, _countriesOf.TryGetValue(b.Id, out var c) ? c : [], x => x.Id);

    public Document? Find(string id)
    {
        Reads.Facet(id);
        return ById.TryGetValue(id, out var d) ? d : null;
    }

    /// <summary>The facts that rest on a catalog source, newest first.</summary>
    public IReadOnlyList<SourcedFact> FactsCiting(string catalogId) => Reads.List(Relation.FactsCiting, catalogId, Get(_factsCiting, catalogId), f => f.File.Id);

    /// <summary>The files that cite a catalog source anywhere (a fact, the body, a correction): briefings newest
    /// first, then the other files by name.</summary>
    public IReadOnlyList<Document> FilesCiting(string catalogId) => Reads.List(Relation.FilesCiting, catalogId, Get(_filesCiting, catalogId), d => d.Id);

    /// <summary>The sources a file's page lists and numbers: its own, in its order, then the catalog sources it cites,
    /// in the order they are first cited (body, events, positions, corrections). Every citation of the file, in its
    /// prose or its facts, points into this list.</summary>
    public IReadOnlyList<Source> ListedSources(Document doc)
    {
        Reads.Facet(doc.Id);
        if (_archive.Catalog.Count == 0) return doc.Sources;
        var listed = _listed.GetOrAdd(doc.Id, _ => doc.Sources.Concat(CatalogIdsCitedBy(doc).Select(id => _archive.Catalog[id].Source)).ToList());
        // The catalog sources among them are shown with their title and publisher.
        for (int i = doc.Sources.Count; i < listed.Count; i++) Reads.Facet(listed[i].Id);
        return listed;
    }

    /// <summary>The source a citation in <paramref name="doc"/> means (see <see cref="Archive.SourceOf"/>).</summary>
    public Source? SourceOf(Document doc, string sourceId)
    {
        Reads.Facet(doc.Id);
        Reads.Facet(sourceId);
        return _archive.SourceOf(doc, sourceId);
    }

    /// <summary>Every id a file cites, in the order of <see cref="ListedSources"/>, each once, that is a catalog
    /// source's rather than one of the file's own.</summary>
    private IEnumerable<string> CatalogIdsCitedBy(Document doc) =>
        CitedIds(doc).Distinct(StringComparer.Ordinal)
            .Where(id => _archive.Catalog.ContainsKey(id) && !doc.Sources.Any(s => s.Id == id));

    private static IEnumerable<string> CitedIds(Document doc)
    {
        var ids = doc.BodyRefs.Citations.Select(r => r.Id);
        ids = doc switch
        {
            Briefing b => ids.Concat(b.Events.SelectMany(e => e.SummaryRefs.Citations.Select(r => r.Id).Concat(e.Sources.Select(c => c.Source.Id)))),
            Person p => ids.Concat(p.Positions.SelectMany(x => x.Sources.Select(c => c.Source.Id))),
            _ => ids,
        };
        return ids.Concat(doc.Corrections.SelectMany(c => c.NoteRefs.Citations.Select(r => r.Id)));
    }

    /// <summary>A fact's citations grouped by source, in the order each source is first cited.</summary>
    private static IEnumerable<IReadOnlyList<Citation>> BySource(IEnumerable<Citation> citations) =>
        citations.GroupBy(c => c.Source.Id, StringComparer.Ordinal).Select(g => (IReadOnlyList<Citation>)[.. g]);

    private void IndexCatalogCitations()
    {
        bool IsCatalog(Document doc, string id) => _archive.Catalog.ContainsKey(id) && !doc.Sources.Any(s => s.Id == id);
        foreach (var doc in _archive.Documents)
        {
            if (doc is CatalogSource or SitePage) continue;
            foreach (var id in CatalogIdsCitedBy(doc)) Add(_filesCiting, id, doc);
            var facts = doc switch
            {
                Briefing b => b.Events.SelectMany(e => BySource(e.Sources).Select(cs => new SourcedFact(new EventEntry(b, e), null, cs))),
                Person p => p.Positions.SelectMany(x => BySource(x.Sources).Select(cs => new SourcedFact(null, new PostEntry(p, x), cs))),
                _ => [],
            };
            foreach (var fact in facts)
                if (IsCatalog(doc, fact.Citation.Source.Id)) Add(_factsCiting, fact.Citation.Source.Id, fact);
        }
        foreach (var list in _factsCiting.Values)
            list.Sort(FactOrder);
        foreach (var list in _filesCiting.Values)
            list.Sort((x, y) => (x, y) switch
            {
                (Briefing a, Briefing b) => NewestFirst.Compare(a, b),
                (Briefing, _) => -1,
                (_, Briefing) => 1,
                _ => ByName(x, y),
            });
    }
    /// <summary>The relation entries (<see cref="Fact.Related"/>) that list other elements, or the same in another
    /// order, in the two indexes: how serve knows which pages come to list a document they did not read before.
    /// Elements are told apart by what identifies them (a document's id, an event's briefing and place), not by
    /// what they say: a page reads that as each element's facet.</summary>
    public static IReadOnlySet<Fact> ChangedRelations(ArchiveIndex before, ArchiveIndex after)
    {
        var changed = new HashSet<Fact>();
        void Diff<T>(Relation r, Func<ArchiveIndex, IEnumerable<string>> keys, Func<ArchiveIndex, string, IReadOnlyList<T>> get, Func<T, T, bool> same)
        {
            foreach (var key in keys(before).Union(keys(after), StringComparer.Ordinal))
            {
                var (x, y) = (get(before, key), get(after, key));
                bool equal = x.Count == y.Count;
                for (int i = 0; equal && i < x.Count; i++) equal = same(x[i], y[i]);
                if (!equal) changed.Add(Fact.Related(r, key));
            }
        }
        static bool Doc<T>(T x, T y) where T : Document => ReferenceEquals(x, y) || x.Id == y.Id;
        static bool Ev(EventEntry x, EventEntry y) => x.Briefing.Id == y.Briefing.Id && x.Event.Index == y.Event.Index;
        static bool Post(PostEntry x, PostEntry y) => x.Person.Id == y.Person.Id && x.Post.Index == y.Post.Index;
        static IEnumerable<string> One(ArchiveIndex _) => [""];
        Diff(Relation.Briefings, One, (x, _) => x._briefings, Doc);
        Diff(Relation.Events, One, (x, _) => x._events, Ev);
        Diff(Relation.Years, One, (x, _) => x._years, (a, b) => a == b);
        Diff(Relation.BriefingsIn, x => x._briefingsIn.Keys, (x, k) => Get(x._briefingsIn, k), Doc);
        Diff(Relation.Tagged, x => x._byTag.Keys, (x, k) => x._byTag.GetValueOrDefault(k) ?? [], Doc);
        Diff(Relation.BriefingsOf, x => x._briefingsOf.Keys, (x, k) => Get(x._briefingsOf, k), Doc);
        Diff(Relation.EventsOf, x => x._eventsOf.Keys, (x, k) => Get(x._eventsOf, k), Ev);
        Diff(Relation.AgreementsOf, x => x._agreementsOf.Keys, (x, k) => Get(x._agreementsOf, k), Doc);
        Diff(Relation.MembersOf, x => x._membersOf.Keys, (x, k) => Get(x._membersOf, k), Doc);
        Diff(Relation.PostsAt, x => x._postsAt.Keys, (x, k) => Get(x._postsAt, k), Post);
        Diff(Relation.ChildrenOf, x => x._childrenOf.Keys, (x, k) => Get(x._childrenOf, k), Doc);
        Diff(Relation.CompanionsOf, x => x._companions.Keys, (x, k) => x._companions.GetValueOrDefault(k) ?? [], (a, b) => a.Entity.Id == b.Entity.Id && a.Count == b.Count);
        Diff(Relation.TiesOf, x => x._ties.Keys, (x, k) => x._ties.GetValueOrDefault(k) ?? [], (a, b) => a.Entity.Id == b.Entity.Id && a.Briefings == b.Briefings && a.Agreements == b.Agreements);
        Diff(Relation.CountriesOf, x => x._countriesOf.Keys, (x, k) => x._countriesOf.GetValueOrDefault(k) ?? [], Doc);
        Diff(Relation.FactsCiting, x => x._factsCiting.Keys, (x, k) => Get(x._factsCiting, k),
            (a, b) => a.File.Id == b.File.Id && a.Event?.Event.Index == b.Event?.Event.Index && a.Post?.Post.Index == b.Post?.Post.Index
                && a.Citations.Select(c => c.At).SequenceEqual(b.Citations.Select(c => c.At)));
        Diff(Relation.EventsWith, x => x._eventsWith.Keys, (x, k) => Get(x._eventsWith, k), Ev);
        Diff(Relation.EventFacets, One, (x, _) => x._eventFacets, (a, b) => a == b);
        Diff(Relation.FilesCiting, x => x._filesCiting.Keys, (x, k) => Get(x._filesCiting, k), Doc);
        return changed;
    }

    /// <summary>The levels of confidence, most confident first, as the filters list them.</summary>
    private static readonly string[] ConfidenceOrder = ["high", "medium", "low"];

    /// <summary>The facets of an event that the timeline is filtered by.</summary>
    private static IEnumerable<(string Facet, string Value)> FacetsOf(Event e)
    {
        yield return ("type", e.Type);
        yield return ("year", e.Date.Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
        if (e.Confidence is { } c) yield return ("confidence", c);
    }

    /// <summary>Whether an entity counts as company: a country is where things happen and a news outlet reports
    /// them, so neither says who an entity works with.</summary>
    private bool IsCompanion(string id) => ById[id] is not (Country or Institution { Type: "media" });

    private IReadOnlyList<Country> CountriesOf(Briefing b) =>
        b.Countries.Select(r => r.Id)
            .Concat(b.Actors.SelectMany(r => CountryOf(r.Id)))
            .Concat(b.Events.SelectMany(e => new[] { e.From?.Id, e.To?.Id }.OfType<string>()))
            .Distinct().Select(id => ById.GetValueOrDefault(id)).OfType<Country>().OrderBy(c => c.Name, StringComparer.Ordinal).ToList();

    private IEnumerable<string> CountryOf(string id) => (ById.TryGetValue(id, out var d) ? d : null) switch
    {
        Institution i => [i.Country.Id],
        Person { Country: { } c } => [c.Id],
        _ => [],
    };

    /// <summary>Every document a briefing involves (actors, countries, agreements, event participants) or mentions.</summary>
    private List<string> Involved(Briefing b, IReadOnlyList<Country> countries) =>
        b.Actors.Select(r => r.Id)
            .Concat(countries.Select(c => c.Id))
            .Concat(b.Agreements.Select(r => r.Id))
            .Concat(b.Events.SelectMany(EventActors))
            .Concat(b.BodyRefs.Mentions.Select(r => r.Id))
            .Concat(b.Events.SelectMany(e => e.SummaryRefs.Mentions.Select(r => r.Id)))
            .Where(id => id != b.Id && ById.ContainsKey(id))
            .Distinct().ToList();

    private static IEnumerable<string> EventActors(Event e) =>
        e.Participants.Select(r => r.Id).Concat(new[] { e.From?.Id, e.To?.Id }.OfType<string>());

    private static int EventOrder(EventEntry x, EventEntry y)
    {
        int c = x.Event.Date.CompareTo(y.Event.Date);
        if (c == 0) c = string.CompareOrdinal(x.Briefing.Id, y.Briefing.Id);
        return c != 0 ? c : x.Event.Index.CompareTo(y.Event.Index);
    }

    /// <summary>Newest first, then by file and place in the file, so that the order is total.</summary>
    private static int FactOrder(SourcedFact x, SourcedFact y)
    {
        int c = Comparer<PartialDate?>.Default.Compare(y.Date, x.Date);
        if (c == 0) c = string.CompareOrdinal(x.File.Id, y.File.Id);
        if (c == 0) c = (x.Event?.Event.Index ?? x.Post!.Post.Index).CompareTo(y.Event?.Event.Index ?? y.Post!.Post.Index);
        return c != 0 ? c : x.Citation.At.Line.CompareTo(y.Citation.At.Line) is var l && l != 0 ? l : x.Citation.At.Column.CompareTo(y.Citation.At.Column);
    }

    private static int AgreementOrder(Agreement x, Agreement y)
    {
        int c = Comparer<PartialDate?>.Default.Compare(y.Signed, x.Signed);
        return c != 0 ? c : string.CompareOrdinal(x.Id, y.Id);
    }

    private static int ByName(Document x, Document y)
    {
        int c = string.Compare(x.DisplayName, y.DisplayName, StringComparison.OrdinalIgnoreCase);
        return c != 0 ? c : string.CompareOrdinal(x.Id, y.Id);
    }

    private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
    {
        if (key.Length == 0) return;
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        if (list.Count == 0 || !Equals(list[^1], value)) list.Add(value);
    }

    private static IReadOnlyList<T> Get<T>(Dictionary<string, List<T>> map, string key) =>
        map.TryGetValue(key, out var list) ? list : [];
}
