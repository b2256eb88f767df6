using Markdig.Syntax.Inlines;

namespace Briefings.Markdown.Citations;

/// <summary><c>[@a]</c> or <c>[@a; @b]</c>: citations of sources listed in the same file.</summary>
public sealed class CitationInline : LeafInline
{
    public required IReadOnlyList<string> SourceIds { get; init; }
}
