using Briefings.Model;

namespace Briefings.Rendering;

// What templates see. Plain data, every string still unescaped except the *Html members, which are
// rendered from Markdown and sanitised. Templates reach members in snake case: {{ source.archive_url }}.

/// <summary>A date as written in <c>&lt;time datetime&gt;</c> and as read.</summary>
public sealed record DateView(string Iso, string Display)
{
    public static DateView? Of(PartialDate? d) => d is { } v ? new DateView(v.ToString(), v.ToDisplay()) : null;
}

/// <summary>A link to a document's page.</summary>
public sealed record LinkView(string Url, string Name, string? Note = null);

/// <summary>A reference from a fact to a numbered source of a page, with the words of the source that support the
/// fact when the content quotes them.</summary>
public sealed record SourceRefView(int Number, string Url, string Label, QuoteView? Quote = null);

/// <summary>A quoted passage of a source, in the source's language, with its English translation and where in the
/// source it is.</summary>
public sealed record QuoteView(string Text, string Language, string? Translation, string? Locator, string SourceUrl);

public sealed record SourceView(
    int Number, string Anchor, string Url, string Title, string Publisher, DateView? Published, string? Author,
    string Language, DateView? Accessed, string? ArchiveUrl, string? Kind, string? BackAnchor)
{
    /// <summary>The page of a catalog source, for a source the file cites from the catalog.</summary>
    public string? CatalogUrl { get; init; }
}

/// <summary>An event. <see cref="Anchor"/> is its id on its briefing's page, <see cref="ElsewhereId"/> its element id
/// on pages that list facts of several files, and <see cref="Url"/> its permanent address.</summary>
public sealed record EventView(
    string Anchor, string Url, DateView Date, DateView? End, string Type, string SummaryHtml,
    LinkView? From, LinkView? To, IReadOnlyList<LinkView> Participants, IReadOnlyList<SourceRefView> Sources,
    string? Confidence, LinkView Briefing)
{
    public string ElsewhereId { get; init; } = "";
    /// <summary>True when the content marks the reports of this fact as conflicting.</summary>
    public bool Conflict { get; init; }
    /// <summary>How thin the evidence is, when it is: "one source only", "state media only".</summary>
    public string? Evidence { get; init; }
    public IReadOnlyList<QuoteView> Quotes => [.. Sources.Select(s => s.Quote).OfType<QuoteView>()];
    /// <summary>The sources cited, each once, for the fact's "Sources:" line: a fact may quote one source twice.</summary>
    public IReadOnlyList<SourceRefView> Cited => [.. Sources.DistinctBy(s => s.Number)];
    /// <summary>What the fact is, for the spoken name of its link.</summary>
    public string Label => $"{Type}, {Date.Display}";
}

public sealed record BriefingItemView(string Url, string Title, DateView Date, string Summary, IReadOnlyList<LinkView> Countries);

public sealed record AgreementItemView(string Url, string Title, string Type, string Status, DateView? Signed, IReadOnlyList<LinkView> Parties)
{
    public string? Confidence { get; init; }
    public string? Evidence { get; init; }
    /// <summary>Never set: the archive marks conflicting reports on events only, but the confidence partial that
    /// agreements share with facts asks (and strict variables want every name a template asks for to exist).</summary>
    public bool Conflict => false;
}

/// <summary>A position held. Ids and address as for <see cref="EventView"/>.</summary>
public sealed record PositionView(
    string Anchor, LinkView Institution, LinkView Person, string? Title, DateView? From, DateView? Until,
    string? Confidence, IReadOnlyList<SourceRefView> Sources)
{
    public string Url { get; init; } = "";
    public string ElsewhereId { get; init; } = "";
    public string? Evidence { get; init; }
    /// <summary>Never set: as for <see cref="AgreementItemView.Conflict"/>, the archive marks conflicting reports on
    /// events only.</summary>
    public bool Conflict => false;
    public IReadOnlyList<QuoteView> Quotes => [.. Sources.Select(s => s.Quote).OfType<QuoteView>()];
    /// <summary>The sources cited, each once, for the fact's "Sources:" line: a fact may quote one source twice.</summary>
    public IReadOnlyList<SourceRefView> Cited => [.. Sources.DistinctBy(s => s.Number)];
    /// <summary>What the fact is, for the spoken name of its link.</summary>
    public string Label => $"{Person.Name}, {(Title is null ? "" : Title + ", ")}{Institution.Name}";
}

public sealed record FormerNameView(string Name, DateView? From, DateView? Until);

/// <summary>"Cite this page": what a journalist pastes into a footnote.</summary>
public sealed record CiteView(string Permalink, string Title, string Site, DateView? Date, DateView? Accessed);

public sealed record YearView(int Year, string Url, int Count);

public sealed record TagView(string Name, string Url, int Count);

/// <summary>A group of links under a heading (institutions by country).</summary>
public sealed record GroupView(string Heading, string? Url, IReadOnlyList<LinkView> Items);

/// <summary>A file of <c>/data/</c>, as its page lists it.</summary>
public sealed record DataFileView(string Url, string Name, string MediaType, string Description, IReadOnlyList<string> Columns);

/// <summary>A correction: when, what was wrong and what changed, and the page it corrects.</summary>
public sealed record CorrectionView(DateView Date, string NoteHtml, LinkView File);

/// <summary>A fact that rests on a catalog source, as the source's page lists it, with the words it quotes of it.</summary>
public sealed record SourcedFactView(
    string Kind, string Url, string Id, DateView? Date, string Label, string SummaryHtml, LinkView File, IReadOnlyList<QuoteView> Quotes,
    string? Confidence, string? Evidence)
{
    public bool Conflict { get; init; }
}

/// <summary>A catalog source as <c>/sources/</c> lists it.</summary>
public sealed record CatalogItemView(string Url, string Title, string Publisher, string? Kind, DateView? Published, int Facts, int Files);

/// <summary>The way among the pages of a split list: previous, next, and the page numbers around this one (with the
/// first and the last), a gap between them standing for the numbers left out.</summary>
public sealed record PagerView(int Number, int Count, string? Previous, string? Next, IReadOnlyList<PageLinkView> Links)
{
    /// <summary>How many numbers either side of the current page are linked: enough to walk, few enough that a list
    /// of a thousand pages keeps a short navigation.</summary>
    public const int Around = 2;

    public static PagerView Of(ListPage at)
    {
        var links = new List<PageLinkView>();
        int count = at.Of.Count;
        for (int n = 1; n <= count; n++)
        {
            if (n == 1 || n == count || Math.Abs(n - at.Number) <= Around)
                links.Add(new PageLinkView(n, at.Of.Url(n), n == at.Number));
            else if (links[^1].Url is not null)
                links.Add(new PageLinkView(0, null, false));
        }
        return new PagerView(at.Number, count, at.Previous, at.Next, links);
    }
}

/// <summary>A page number of a split list; no <see cref="Url"/> for a gap.</summary>
public sealed record PageLinkView(int Number, string? Url, bool Current);
