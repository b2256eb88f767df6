using Briefings.Markdown;
using Briefings.Model;
using Briefings.Resolving;

namespace Briefings.Rendering;

/// <summary>Turns model objects into template views. Rendered Markdown is cached, since one event can
/// appear on a dozen pages; everything else is cheap to rebuild. Each view reports the facts it shows to the page's
/// recorder (<see cref="Reads"/>): the facet of each document it names, the whole of a body it renders.</summary>
public sealed class ViewFactory(ArchiveIndex index)
{
    private readonly Reads.Shared<(string, int), string> _eventHtml = new();

    public ArchiveIndex Index => index;

    public LinkView Link(Document d, string? note = null)
    {
        Reads.Facet(d.Id);
        return new(d.Url, d.DisplayName, note);
    }

    public LinkView? Link(Ref? r) => r is not null && index.Find(r.Id) is { } d ? Link(d) : null;

    public IReadOnlyList<LinkView> Links(IEnumerable<Ref> refs) => refs.Select(Link).OfType<LinkView>().ToList();

    public BriefingItemView Item(Briefing b)
    {
        Reads.Facet(b.Id);
        return new(b.Url, b.Title, DateView.Of(b.Date)!, b.Summary, index.CountriesOfBriefing(b).Select(c => Link(c)).ToList());
    }

    public IReadOnlyList<BriefingItemView> Items(IEnumerable<Briefing> bs) => bs.Select(Item).ToList();

    public AgreementItemView Item(Agreement a)
    {
        Reads.Facet(a.Id);
        return new(a.Url, a.Title, a.Type, a.Status, DateView.Of(a.Signed), Links(a.Parties))
        {
            Confidence = a.Confidence,
            Evidence = Rendering.Evidence.Note(index.ListedSources(a)),
        };
    }

    public IReadOnlyList<AgreementItemView> Items(IEnumerable<Agreement> agreements) => agreements.Select(Item).ToList();

    /// <summary>The sources a fact cites, numbered as in its document's source list, linked to that list, each with
    /// the quote the fact gives of it.</summary>
    public IReadOnlyList<SourceRefView> SourceRefs(Document doc, IEnumerable<Citation> citations)
    {
        var listed = index.ListedSources(doc);
        return citations.Select(c => (Citation: c, Index: IndexOf(listed, c.Source.Id))).Where(x => x.Index >= 0)
            .Select(x => new SourceRefView(x.Index + 1, $"{doc.Url}#{SiteUrls.SourceAnchor(x.Citation.Source.Id)}", listed[x.Index].Publisher,
                QuoteOf(x.Citation, listed[x.Index])))
            .ToList();
    }

    public static QuoteView? QuoteOf(Citation c, Source s) =>
        c.Quote is { } text ? new QuoteView(text, s.Language, c.Translation, c.Locator, s.Url) : null;

    /// <summary>The sources a fact cites, each once.</summary>
    private IReadOnlyCollection<Source> Cited(Document doc, IEnumerable<Citation> citations)
    {
        var listed = index.ListedSources(doc);
        return citations.Select(c => IndexOf(listed, c.Source.Id)).Where(i => i >= 0).Distinct().Select(i => listed[i]).ToList();
    }

    private static int IndexOf(IReadOnlyList<Source> sources, string sourceId)
    {
        for (int i = 0; i < sources.Count; i++) if (sources[i].Id == sourceId) return i;
        return -1;
    }

    /// <summary>A file's numbered source list: its own sources and the catalog sources it cites, each catalog
    /// source linked to its page.</summary>
    public IReadOnlyList<SourceView> Sources(Document doc)
    {
        var cited = doc.BodyRefs.Citations.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        return index.ListedSources(doc).Select((s, i) => new SourceView(i + 1, SiteUrls.SourceAnchor(s.Id), s.Url, s.Title, s.Publisher,
            DateView.Of(s.Published), s.Author, s.Language, DateView.Of(s.Accessed), s.ArchiveUrl, s.Kind,
            cited.Contains(s.Id) ? SiteUrls.CitationAnchor(s.Id) : null)
        {
            CatalogUrl = i >= doc.Sources.Count ? SiteUrls.PageOf(DocumentKind.Source, s.Id) : null,
        }).ToList();
    }

    public EventView Event(EventEntry e) => new(
        e.Anchor, e.Url, DateView.Of(e.Event.Date)!, DateView.Of(e.Event.End), e.Event.Type,
        _eventHtml.Get((e.Briefing.Id, e.Event.Index), _ => InlineHtml(e.Briefing, e.Event.Summary)),
        Link(e.Event.From), Link(e.Event.To), Links(e.Event.Participants),
        SourceRefs(e.Briefing, e.Event.Sources), e.Event.Confidence, Link(e.Briefing))
    {
        ElsewhereId = e.ElsewhereId,
        Conflict = e.Conflict,
        Evidence = Rendering.Evidence.Note(Cited(e.Briefing, e.Event.Sources)),
    };

    public IReadOnlyList<EventView> Events(IEnumerable<EventEntry> events) => events.Select(Event).ToList();

    public PositionView Position(PostEntry p) => new(
        p.Anchor, Link(p.Post.Institution) ?? new LinkView("", p.Post.Institution.Id), Link(p.Person), p.Post.Title,
        DateView.Of(p.Post.From), DateView.Of(p.Post.Until), p.Post.Confidence, SourceRefs(p.Person, p.Post.Sources))
    {
        Url = p.Url,
        ElsewhereId = p.ElsewhereId,
        Evidence = Rendering.Evidence.Note(Cited(p.Person, p.Post.Sources)),
    };

    /// <summary>A file's corrections, newest first.</summary>
    public IReadOnlyList<CorrectionView> Corrections(Document d) =>
        Resolving.Corrections.Of(d).Select(c => Correction(d, c)).ToList();

    public CorrectionView Correction(Document d, Correction c) => new(DateView.Of(c.Date)!, InlineHtml(d, c.Note), Link(d));

    /// <summary>A fact that rests on a catalog source, with the quote it gives of that source.</summary>
    public SourcedFactView SourcedFact(SourcedFact f)
    {
        var source = index.SourceOf(f.File, f.Citation.Source.Id);
        IReadOnlyList<QuoteView> quotes = source is null ? [] : [.. f.Citations.Select(c => QuoteOf(c, source)).OfType<QuoteView>()];
        if (f.Event is { } e)
        {
            var v = Event(e);
            return new SourcedFactView("event", v.Url, v.ElsewhereId, v.Date, v.Type, v.SummaryHtml, v.Briefing, quotes, v.Confidence, v.Evidence)
            {
                Conflict = v.Conflict,
            };
        }
        var p = Position(f.Post!);
        var summary = System.Net.WebUtility.HtmlEncode($"{p.Person.Name}: {(p.Title is null ? "" : p.Title + ", ")}{p.Institution.Name}");
        return new SourcedFactView("position", p.Url, p.ElsewhereId, p.From, "position", summary, p.Person, quotes, p.Confidence, p.Evidence);
    }

    /// <summary>A document's body as safe HTML (see <see cref="HtmlSafety.Safe"/>).</summary>
    public string BodyHtml(Document doc)
    {
        Reads.Read(Fact.Whole(doc.Id));
        var md = BodyMarkdown.Parse(doc.Body);
        BodyMarkdown.RemoveUnsafeUrls(md);
        return HtmlSafety.Safe(doc.Body, BodyMarkdown.Render(md, new DocumentLinks(doc, index)));
    }

    /// <summary>Inline Markdown of a file (an event summary, a correction note) as safe HTML, for any page: its
    /// citations link to the file's own source list.</summary>
    public string InlineHtml(Document doc, string markdown)
    {
        var md = BodyMarkdown.ParseInline(markdown);
        BodyMarkdown.RemoveUnsafeUrls(md);
        return HtmlSafety.Safe(markdown, BodyMarkdown.Render(md, new DocumentLinks(doc, index, elsewhere: true), inline: true).Trim());
    }
}
