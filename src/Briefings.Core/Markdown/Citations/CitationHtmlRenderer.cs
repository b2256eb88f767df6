using Briefings.Model;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Briefings.Markdown.Citations;

/// <summary>Renders citations as numbered references into the page's source list. The first citation of each
/// source carries an id, so the source list can link back to where it was first cited.</summary>
public sealed class CitationHtmlRenderer(IBodyLinks links) : HtmlObjectRenderer<CitationInline>
{
    private readonly HashSet<string> _anchored = new(StringComparer.Ordinal);

    protected override void Write(HtmlRenderer renderer, CitationInline citation)
    {
        if (!renderer.EnableHtmlForInline) return;
        renderer.Write("<sup class=\"cite\">");
        foreach (var id in citation.SourceIds)
        {
            if (links.Citation(id) is not { } n) continue;
            renderer.Write("<a href=\"").WriteEscapeUrl(links.SourceHref(id)).Write('"');
            if (links.AnchorsCitations && _anchored.Add(id)) renderer.Write(" id=\"").Write(SiteUrls.CitationAnchor(id)).Write('"');
            renderer.Write(" aria-label=\"source ").Write(n.ToString(System.Globalization.CultureInfo.InvariantCulture)).Write("\">[")
                .Write(n.ToString(System.Globalization.CultureInfo.InvariantCulture)).Write("]</a>");
        }
        renderer.Write("</sup>");
    }
}
