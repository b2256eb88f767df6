using Briefings.Errors;
using Briefings.Markdown;
using Briefings.Model;

namespace Briefings.Reading;

/// <summary>Turns one content file into a typed <see cref="Document"/>, reporting every field problem.
/// It knows only the file itself; references between files are checked later, by the checker.</summary>
public static class DocumentReader
{
    public static readonly string[] EventTypes = ["delegation", "meeting", "signing", "training", "arrest", "trial", "repatriation", "statement", "other"];
    public static readonly string[] Confidences = ["high", "medium", "low"];
    public static readonly string[] SourceKinds = ["news", "state-media", "ngo", "government", "academic", "court-record", "other"];
    public static readonly string[] InstitutionTypes = ["court", "prosecution", "police", "ministry", "party", "legislature", "government", "ngo", "research", "media", "international", "other"];
    public static readonly string[] AgreementTypes = ["mou", "treaty", "agreement", "protocol", "plan", "other"];
    public static readonly string[] AgreementStatuses = ["proposed", "discussed", "signed", "in-force", "lapsed"];

    public const int MaxTitle = 200;
    public const int MaxSummary = 400;
    /// <summary>Mentions plus citations one body may hold: far above any real briefing, low enough that a
    /// generated file cannot make rendering slow.</summary>
    public const int MaxBodyReferences = CitationMistakes.Max;

    public static Document? Read(DocumentKind kind, string id, ContentFile file, DiagnosticBag diagnostics)
    {
        var map = YamlTree.Parse(file.FrontMatter, file.FrontMatterLine - 1, file.Path, diagnostics);
        if (map is null) return null;
        var f = new Fields(map, file.Path, diagnostics);
        var body = BodyMarkdown.TryParse(file.Body, inline: false, out var refusal);
        var refs = BodyReferences.None;
        if (body is null)
            f.Error(new Position(file.BodyLine + refusal!.Line, refusal.Column + 1), CodeOf(refusal), RefusalMessage("the body", refusal));
        else
        {
            var inspection = BodyMarkdown.Inspect(body, file.Body, file.BodyLine);
            refs = inspection.References;
            if (refs.Mentions.Count + refs.Citations.Count > MaxBodyReferences)
                f.Error(new Position(file.BodyLine, 1), DiagnosticCode.TooMany,
                    $"the body holds {refs.Mentions.Count + refs.Citations.Count} mentions and citations; at most {MaxBodyReferences} are allowed");
            foreach (var (url, line, column) in inspection.UnsafeUrls)
                diagnostics.Warning(file.Path, new Position(file.BodyLine + line, column + 1), DiagnosticCode.UnsafeHtml, UrlRemoved(url));
            foreach (var (what, line, column) in inspection.UnsafeHtml)
                diagnostics.Warning(file.Path, new Position(file.BodyLine + line, column + 1), DiagnosticCode.UnsafeHtml, what);
            foreach (var (message, line, column) in inspection.MiswrittenCitations)
                f.Error(new Position(file.BodyLine + line, column + 1), DiagnosticCode.MiswrittenCitation, message);
        }
        if (Placeholder.At(file.Body) is var (placeholderLine, placeholderColumn))
            f.Error(new Position(file.BodyLine + placeholderLine, placeholderColumn + 1), DiagnosticCode.Placeholder,
                "this is the placeholder text that 'briefings new' wrote; replace it with your own text");

        if (SiteUrls.Taken(kind, id) is { } taken)
            f.Error(Position.Start, DiagnosticCode.ReservedPageId, $"id '{id}' is taken: {taken}; choose another id, such as '{id}-1'");
        Document? doc = kind switch
        {
            DocumentKind.Briefing => ReadBriefing(f),
            DocumentKind.Country => ReadCountry(f),
            DocumentKind.Institution => ReadInstitution(f),
            DocumentKind.Person => ReadPerson(f),
            DocumentKind.Agreement => ReadAgreement(f),
            DocumentKind.Source => ReadCatalogSource(f, id),
            DocumentKind.Page => ReadPage(f, id),
            _ => null,
        };
        bool facts = kind is not (DocumentKind.Source or DocumentKind.Page);
        // A briefing or agreement must rest on sources; those it cites may all come from the catalog, so 'sources'
        // is required only of a file that cites nothing (whether each citation resolves is the checker's to say).
        bool mustList = kind is DocumentKind.Briefing or DocumentKind.Agreement && !(doc is not null && CitesAnything(doc, refs));
        var sources = facts ? f.Records("sources", mustList, mustList ? 1 : 0, ReadSource, "a source (a mapping with id, url, title, publisher)") : [];
        var formerIds = kind is DocumentKind.Briefing || !facts ? [] : f.Ids("former_ids");
        var corrections = facts ? ReadCorrections(f, (doc as Briefing)?.Date) : [];
        f.ReportUnknownKeys();
        return doc is null ? null : doc with
        {
            Id = id,
            Path = file.Path,
            Body = file.Body,
            BodyLine = file.BodyLine,
            Sources = sources,
            FormerIds = formerIds,
            Corrections = corrections,
            BodyRefs = refs,
        };
    }

    private static bool CitesAnything(Document doc, BodyReferences body) => body.Citations.Count > 0 || doc switch
    {
        Briefing b => b.Events.Any(e => e.Sources.Count > 0 || e.SummaryRefs.Citations.Count > 0),
        Person p => p.Positions.Any(post => post.Sources.Count > 0),
        _ => false,
    };

    private static DiagnosticCode CodeOf(BodyLimits.Refusal refusal) =>
        refusal.Problem == BodyLimits.Problem.TooDeep ? DiagnosticCode.TooDeepMarkdown : DiagnosticCode.TooLargeBody;

    private static string UrlRemoved(string url) =>
        $"link to '{Quoting.Shorten(url)}' removed: links must be absolute http(s) URLs or site paths";

    private static string RefusalMessage(string what, BodyLimits.Refusal refusal) => $"{what} has {refusal.Message}; simplify it";

    /// <summary>An event summary is inline Markdown: its mentions and citations are checked like the body's,
    /// each reported at the summary.</summary>
    private static BodyReferences InlineRefs(Fields f, string text, Position at)
    {
        var md = BodyMarkdown.TryParse(text, inline: true, out var refusal);
        if (md is null)
        {
            f.Error(at, CodeOf(refusal!), RefusalMessage("the summary", refusal!));
            return BodyReferences.None;
        }
        var inspection = BodyMarkdown.Inspect(md, text, 1);
        foreach (var (url, _, _) in inspection.UnsafeUrls)
            f.Diagnostics.Warning(f.Path, at, DiagnosticCode.UnsafeHtml, UrlRemoved(url));
        foreach (var (what, _, _) in inspection.UnsafeHtml)
            f.Diagnostics.Warning(f.Path, at, DiagnosticCode.UnsafeHtml, what);
        foreach (var (message, _, _) in inspection.MiswrittenCitations)
            f.Error(at, DiagnosticCode.MiswrittenCitation, message);
        var refs = inspection.References;
        return new BodyReferences(
            refs.Mentions.Select(r => r with { At = at }).ToList(),
            refs.Citations.Select(r => r with { At = at }).ToList())
        {
            Loose = refs.Loose.Select(l => l with { Id = l.Id with { At = at } }).ToList(),
        };
    }

    private static Briefing ReadBriefing(Fields f)
    {
        var title = f.Text("title", required: true, MaxTitle);
        var date = f.Date("date", required: true, full: true);
        var updated = f.Date("updated", full: true);
        if (date is { } d && updated is { } u && u < d)
            f.Error(f.Node("updated")!.At, DiagnosticCode.DateOrder, $"'updated' ({u}) is before 'date' ({d})");
        var summary = f.Text("summary", required: true, MaxSummary);
        return new Briefing
        {
            Id = "", Path = "", Body = "", BodyLine = 0,
            Title = title ?? "",
            Date = date ?? default,
            Updated = updated,
            Summary = summary ?? "",
            Countries = f.Ids("countries"),
            Actors = f.Ids("actors", required: true, atLeast: 1),
            Agreements = f.Ids("agreements"),
            Events = Anchored(f, "events", "an event (a mapping with date, type, summary, sources)", ReadEvent,
                FactAnchors.Assign, e => (e.Anchor, e.Id, e.At, FactAnchors.Made(e))),
            Tags = f.Tags("tags"),
            Authors = f.Texts("authors"),
        };
    }

    private static Event ReadEvent(Fields f, int index)
    {
        var date = f.Date("date", required: true);
        var end = f.Date("end");
        if (date is { } d && end is { } e && e.EndsBefore(d))
            f.Error(f.Node("end")!.At, DiagnosticCode.DateOrder, $"event 'end' ({e}) is before its 'date' ({d})");
        var type = f.Choice("type", EventTypes, required: true);
        var summary = f.Text("summary", required: true, 2_000);
        var summaryRefs = summary is null ? BodyReferences.None : InlineRefs(f, summary, f.Node("summary")!.At);
        return new Event(index, f.At, date ?? default, end, type ?? "other", summary ?? "",
            f.Id("from"), f.Id("to"), f.Ids("participants"), Citations(f, required: true),
            f.Choice("confidence", Confidences))
        { SummaryRefs = summaryRefs, Id = FactId(f) };
    }

    /// <summary>A fact's declared <c>id</c>, checked by the id rule.</summary>
    private static string? FactId(Fields f) => f.Id("id")?.Id;

    /// <summary>Reads a file's facts (events, positions) and gives them their anchors (<see cref="FactAnchors"/>),
    /// reporting what would make an address ambiguous or unstable: a declared id that another fact of the file also
    /// has as its address (BR701), and facts without an id that make the same anchor, so that only their order tells
    /// them apart (BR707).</summary>
    private static IReadOnlyList<T> Anchored<T>(Fields f, string key, string what, Func<Fields, int, T> read,
        Func<IReadOnlyList<T>, IReadOnlyList<T>> assign, Func<T, (string Anchor, string? Id, Position At, string Made)> facts) where T : class
    {
        var idAt = new Dictionary<Position, Position>(); // where each fact's declared id is written, by the fact's start
        var anchored = assign(f.Records(key, false, 0, (ff, i) =>
        {
            var fact = read(ff, i);
            if (ff.Node("id") is { } id) idAt[ff.At] = id.At;
            return fact;
        }, what));
        var all = anchored.Select(facts).ToList();
        var noun = key.TrimEnd('s');
        for (int i = 0; i < all.Count; i++)
        {
            var (anchor, id, at, made) = all[i];
            if (id is not null)
            {
                // Two declared ids: reported at the later. A declared id and a made anchor: at the declared id.
                int other = Enumerable.Range(0, all.Count).FirstOrDefault(j => j != i && all[j].Anchor == anchor && (all[j].Id is null || j < i), -1);
                if (other >= 0)
                    f.Error(idAt.GetValueOrDefault(at, at), DiagnosticCode.DuplicateFactId,
                        $"{noun} id '{id}' is also the address of the {noun} at line {all[other].At.Line}; give this {noun} another id");
                continue;
            }
            int twin = Enumerable.Range(0, all.Count).FirstOrDefault(j => j != i && all[j].Id is null && all[j].Made == made, -1);
            if (twin >= 0)
                f.Diagnostics.Warning(f.Path, at, DiagnosticCode.OrderedAnchor,
                    $"this {noun} and the one at line {all[twin].At.Line} both make the address '{made}' and are told apart only by " +
                    $"their order (this one is #{anchor}); give each an 'id', so that its address stays when {key} are added or moved");
        }
        return anchored;
    }

    public const int MaxQuote = 1_000;

    /// <summary>A fact's <c>sources</c>: each item an id, or a mapping of <c>source</c>, <c>quote</c>,
    /// <c>translation</c> and <c>locator</c>.</summary>
    private static IReadOnlyList<Citation> Citations(Fields f, bool required) =>
        f.List("sources", required, required ? 1 : 0, node =>
        {
            if (node is not YamlMap m) return f.AsId(node, "sources") is { } id ? Citation.Of(id) : null;
            var q = new Fields(m, f.Path, f.Diagnostics);
            var source = q.Id("source", required: true);
            var quote = q.Text("quote", required: true, MaxQuote);
            var translation = q.Text("translation", maxLength: 2 * MaxQuote);
            var locator = q.Text("locator", maxLength: MaxTitle);
            q.ReportUnknownKeys();
            return source is null ? null : new Citation(source, quote, translation, locator, m.At);
        });

    private static Source ReadSource(Fields f, int index)
    {
        var id = f.Id("id", required: true);
        return SourceFields(f, id?.Id ?? "", id?.At ?? f.At);
    }

    /// <summary>The fields of a source, in a file's <c>sources</c> or a catalog file (whose id is its file name).</summary>
    private static Source SourceFields(Fields f, string id, Position at)
    {
        var url = f.Url("url", required: true);
        var title = f.Text("title", required: true, 500);
        var publisher = f.Text("publisher", required: true, 200);
        return new Source(id, at, url ?? "", title ?? "", publisher ?? "",
            f.Date("published"), f.Text("author", maxLength: 200), f.Language("language") ?? "en",
            f.Date("accessed", full: true), f.Url("archive_url"), f.Choice("kind", SourceKinds));
    }

    private static CatalogSource ReadCatalogSource(Fields f, string id) => new()
    {
        Id = "", Path = "", Body = "", BodyLine = 0,
        // Placed at its url, where a warning about how the source is described points.
        Source = SourceFields(f, id, f.Node("url")?.At ?? Position.Start),
    };

    private static SitePage ReadPage(Fields f, string id)
    {
        if (SitePage.IsReserved(id))
            f.Error(Position.Start, DiagnosticCode.ReservedPageId, SitePage.LooksLikeLanguage(id)
                ? $"page id '{id}' looks like a language tag, and /{id}/ is kept for the site in that language; choose a longer id"
                : $"page id '{id}' is taken: /{id}/ is already a part of the site; choose another id, such as '{id}-page'");
        var title = f.Text("title", required: true, MaxTitle);
        return new SitePage
        {
            Id = "", Path = "", Body = "", BodyLine = 0,
            Title = title ?? "",
            Summary = f.Text("summary", maxLength: MaxSummary),
        };
    }

    /// <summary><c>corrections</c>: each a full <c>date</c> (not before a briefing's own date) and a <c>note</c>.</summary>
    private static IReadOnlyList<Correction> ReadCorrections(Fields f, PartialDate? published) =>
        f.Records("corrections", false, 0, (c, _) =>
        {
            var date = c.Date("date", required: true, full: true);
            if (date is { } d && published is { } p && p != default && d < p)
                c.Error(c.Node("date")!.At, DiagnosticCode.DateOrder, $"correction 'date' ({d}) is before the briefing's 'date' ({p})");
            var note = c.Text("note", required: true, 2_000);
            var noteRefs = note is null ? BodyReferences.None : InlineRefs(c, note, c.Node("note")!.At);
            return date is null || note is null ? null : new Correction(date.Value, note, c.At) { NoteRefs = noteRefs };
        }, "a correction (a mapping with date and note)");

    private static Country ReadCountry(Fields f)
    {
        var name = f.Text("name", required: true, MaxTitle);
        var iso = f.Iso("iso", required: true);
        return new Country
        {
            Id = "", Path = "", Body = "", BodyLine = 0,
            Name = name ?? "", Iso = iso ?? "",
            NativeName = f.Text("native_name", maxLength: MaxTitle),
            Aliases = f.Texts("aliases", MaxTitle),
        };
    }

    private static Institution ReadInstitution(Fields f)
    {
        var name = f.Text("name", required: true, MaxTitle);
        var country = f.Id("country", required: true);
        var type = f.Choice("type", InstitutionTypes, required: true);
        return new Institution
        {
            Id = "", Path = "", Body = "", BodyLine = 0,
            Name = name ?? "", Country = country ?? new Ref("", f.At), Type = type ?? "",
            NativeName = f.Text("native_name", maxLength: MaxTitle),
            Aliases = f.Texts("aliases", MaxTitle),
            Parent = f.Id("parent"),
            Names = f.Records("names", false, 0, ReadFormerName, "a former name (a mapping with name, from, until)"),
            Website = f.Url("website"),
        };
    }

    private static FormerName ReadFormerName(Fields f, int index)
    {
        var name = f.Text("name", required: true, MaxTitle);
        var from = f.Date("from");
        var until = f.Date("until");
        if (from is { } a && until is { } b && b.EndsBefore(a))
            f.Error(f.Node("until")!.At, DiagnosticCode.DateOrder, $"'until' ({b}) is before 'from' ({a})");
        return new FormerName(name ?? "", from, until);
    }

    private static Person ReadPerson(Fields f)
    {
        var name = f.Text("name", required: true, MaxTitle);
        return new Person
        {
            Id = "", Path = "", Body = "", BodyLine = 0,
            Name = name ?? "",
            NativeName = f.Text("native_name", maxLength: MaxTitle),
            Aliases = f.Texts("aliases", MaxTitle),
            Country = f.Id("country"),
            Positions = Anchored(f, "positions", "a position (a mapping with institution, title, from, until)", ReadPost,
                FactAnchors.Assign, p => (p.Anchor, p.Id, p.At, FactAnchors.Made(p))),
        };
    }

    private static Post ReadPost(Fields f, int index)
    {
        var institution = f.Id("institution", required: true);
        var from = f.Date("from");
        var until = f.Date("until");
        if (from is { } a && until is { } b && b.EndsBefore(a))
            f.Error(f.Node("until")!.At, DiagnosticCode.DateOrder, $"'until' ({b}) is before 'from' ({a})");
        return new Post(index, f.At, institution ?? new Ref("", f.At), f.Text("title", maxLength: MaxTitle), from, until,
            f.Choice("confidence", Confidences), Citations(f, required: false))
        { Id = FactId(f) };
    }

    private static Agreement ReadAgreement(Fields f)
    {
        var title = f.Text("title", required: true, MaxTitle);
        var type = f.Choice("type", AgreementTypes, required: true);
        var status = f.Choice("status", AgreementStatuses, required: true);
        return new Agreement
        {
            Id = "", Path = "", Body = "", BodyLine = 0,
            Title = title ?? "", Type = type ?? "", Status = status ?? "",
            Signed = f.Date("signed"),
            Place = f.Text("place", maxLength: MaxTitle),
            Parties = f.Ids("parties", required: true, atLeast: 2),
            Confidence = f.Choice("confidence", Confidences),
        };
    }
}
