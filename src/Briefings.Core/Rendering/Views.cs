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

/// <summary>A reference from a fact to a numbered source of a page.</summary>
public sealed record SourceRefView(int Number, string Url, string Label);

public sealed record SourceView(
    int Number, string Anchor, string Url, string Title, string Publisher, DateView? Published, string? Author,
    string Language, DateView? Accessed, string? ArchiveUrl, string? Kind, string? BackAnchor);

public sealed record EventView(
    string Anchor, string Url, DateView Date, DateView? End, string Type, string SummaryHtml,
    LinkView? From, LinkView? To, IReadOnlyList<LinkView> Participants, IReadOnlyList<SourceRefView> Sources,
    string? Confidence, LinkView Briefing);

public sealed record BriefingItemView(string Url, string Title, DateView Date, string Summary, IReadOnlyList<LinkView> Countries);

public sealed record AgreementItemView(string Url, string Title, string Type, string Status, DateView? Signed, IReadOnlyList<LinkView> Parties);

public sealed record PositionView(
    string Anchor, LinkView Institution, LinkView Person, string? Title, DateView? From, DateView? Until,
    string? Confidence, IReadOnlyList<SourceRefView> Sources);

public sealed record FormerNameView(string Name, DateView? From, DateView? Until);

/// <summary>"Cite this page": what a journalist pastes into a footnote.</summary>
public sealed record CiteView(string Permalink, string Title, string Site, DateView? Date, DateView? Accessed);

public sealed record YearView(int Year, string Url, int Count);

public sealed record TagView(string Name, string Url, int Count);

/// <summary>A group of links under a heading (institutions by country).</summary>
public sealed record GroupView(string Heading, string? Url, IReadOnlyList<LinkView> Items);
