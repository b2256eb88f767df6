using System.Collections.Concurrent;
using Briefings.Markdown;
using Briefings.Model;
using Briefings.Resolving;

namespace Briefings.Rendering;

/// <summary>Turns model objects into template views. Rendered Markdown is cached, since one event can
/// appear on a dozen pages; everything else is cheap to rebuild.</summary>
public sealed class ViewFactory(ArchiveIndex index)
{
    private readonly ConcurrentDictionary<(string, int), string> _eventHtml = new();

    public ArchiveIndex Index => index;

    public LinkView Link(Document d, string? note = null) => new(d.Url, d.DisplayName, note);

    public LinkView? Link(Ref? r) => r is not null && index.Find(r.Id) is { } d ? Link(d) : null;

    public IReadOnlyList<LinkView> Links(IEnumerable<Ref> refs) => refs.Select(Link).OfType<LinkView>().ToList();

    public BriefingItemView Item(Briefing b) =>
        new(b.Url, b.Title, DateView.Of(b.Date)!, b.Summary, index.CountriesOfBriefing(b).Select(c => Link(c)).ToList());

    public IReadOnlyList<BriefingItemView> Items(IEnumerable<Briefing> bs) => bs.Select(Item).ToList();

    public AgreementItemView Item(Agreement a) =>
        new(a.Url, a.Title, a.Type, a.Status, DateView.Of(a.Signed), Links(a.Parties));

    public IReadOnlyList<AgreementItemView> Items(IEnumerable<Agreement> agreements) => agreements.Select(Item).ToList();

    /// <summary>The sources a fact cites, numbered as in its document's source list, linked to that list.</summary>
    public IReadOnlyList<SourceRefView> SourceRefs(Document doc, IEnumerable<Ref> ids) =>
        ids.Select(r => (Ref: r, Index: IndexOf(doc, r.Id))).Where(x => x.Index >= 0)
            .Select(x => new SourceRefView(x.Index + 1, $"{doc.Url}#{DocumentLinks.SourceAnchorOf(x.Ref.Id)}", doc.Sources[x.Index].Publisher))
            .ToList();

    private static int IndexOf(Document doc, string sourceId)
    {
        for (int i = 0; i < doc.Sources.Count; i++) if (doc.Sources[i].Id == sourceId) return i;
        return -1;
    }

    public IReadOnlyList<SourceView> Sources(Document doc)
    {
        var cited = doc.BodyRefs.Citations.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        return doc.Sources.Select((s, i) => new SourceView(i + 1, DocumentLinks.SourceAnchorOf(s.Id), s.Url, s.Title, s.Publisher,
            DateView.Of(s.Published), s.Author, s.Language, DateView.Of(s.Accessed), s.ArchiveUrl, s.Kind,
            cited.Contains(s.Id) ? Markdown.Citations.CitationHtmlRenderer.BackAnchor(s.Id) : null)).ToList();
    }

    public EventView Event(EventEntry e) => new(
        e.Anchor, e.Url, DateView.Of(e.Event.Date)!, DateView.Of(e.Event.End), e.Event.Type,
        _eventHtml.GetOrAdd((e.Briefing.Id, e.Event.Index), _ => InlineHtml(e.Briefing, e.Event.Summary)),
        Link(e.Event.From), Link(e.Event.To), Links(e.Event.Participants),
        SourceRefs(e.Briefing, e.Event.Sources.Select(c => c.Source)), e.Event.Confidence, Link(e.Briefing));

    public IReadOnlyList<EventView> Events(IEnumerable<EventEntry> events) => events.Select(Event).ToList();

    public PositionView Position(PostEntry p) => new(
        p.Anchor, Link(p.Post.Institution) ?? new LinkView("", p.Post.Institution.Id), Link(p.Person), p.Post.Title,
        DateView.Of(p.Post.From), DateView.Of(p.Post.Until), p.Post.Confidence, SourceRefs(p.Person, p.Post.Sources.Select(c => c.Source)));

    /// <summary>A document's body as safe HTML (see <see cref="HtmlSafety.Safe"/>).</summary>
    public string BodyHtml(Document doc)
    {
        var md = BodyMarkdown.Parse(doc.Body);
        BodyMarkdown.RemoveUnsafeUrls(md);
        return HtmlSafety.Safe(doc.Body, BodyMarkdown.Render(md, new DocumentLinks(doc, index)));
    }

    private string InlineHtml(Document doc, string markdown)
    {
        var md = BodyMarkdown.ParseInline(markdown);
        BodyMarkdown.RemoveUnsafeUrls(md);
        return HtmlSafety.Safe(markdown, BodyMarkdown.Render(md, new DocumentLinks(doc, index, elsewhere: true), inline: true).Trim());
    }
}
