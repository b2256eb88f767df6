using Briefings.Markdown.Citations;
using Briefings.Markdown.Mentions;
using Briefings.Model;
using Briefings.Reading;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Briefings.Markdown;

/// <summary>The one Markdown pipeline of the site, built once: parsing bodies, finding their references,
/// removing unsafe URLs, and rendering with a page's links.</summary>
public static class BodyMarkdown
{
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoLinks()
        .UsePreciseSourceLocation()
        .Use<BriefingsMarkdownExtension>()
        .Build();

    // Inline Markdown (event summaries) must not open blocks: no headings or lists from a summary.
    private static readonly MarkdownPipeline InlinePipeline = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .Use<BriefingsMarkdownExtension>()
        .Build();

    public static MarkdownDocument Parse(string markdown) => Markdig.Markdown.Parse(markdown, Pipeline);

    public static MarkdownDocument ParseInline(string markdown) => Markdig.Markdown.Parse(markdown, InlinePipeline);

    /// <summary>Mentions and citations with their file positions; <paramref name="firstLine"/> is the file line of the text's first line.</summary>
    public static BodyReferences Collect(MarkdownDocument doc, int firstLine, int firstColumn = 1)
    {
        var mentions = new List<Ref>();
        var citations = new List<Ref>();
        foreach (var node in doc.Descendants())
        {
            var at = new Position(firstLine + node.Line, (node.Line == 0 ? firstColumn : 1) + node.Column);
            if (node is MentionInline m) mentions.Add(new Ref(m.Id, at));
            else if (node is CitationInline c) citations.AddRange(c.SourceIds.Select(id => new Ref(id, at)));
        }
        return new BodyReferences(mentions, citations);
    }

    /// <summary>Unlinks links and drops images whose URL is not allowed (see <see cref="UrlPolicy"/>),
    /// returning what it removed and where.</summary>
    public static List<(string Url, int Line, int Column)> RemoveUnsafeUrls(MarkdownDocument doc)
    {
        var removed = new List<(string, int, int)>();
        foreach (var link in doc.Descendants<LinkInline>().ToList())
        {
            if (link.Url is null || UrlPolicy.IsAllowedInBody(link.Url)) continue;
            removed.Add((link.Url, link.Line, link.Column));
            if (link.IsImage) { link.Remove(); continue; }
            var children = link.ToList();
            foreach (var child in children) { child.Remove(); link.InsertBefore(child); }
            link.Remove();
        }
        foreach (var auto in doc.Descendants<AutolinkInline>().ToList())
        {
            if (auto.IsEmail || UrlPolicy.IsAllowedInBody(auto.Url)) continue;
            removed.Add((auto.Url, auto.Line, auto.Column));
            auto.ReplaceBy(new LiteralInline(auto.Url));
        }
        foreach (var def in doc.Descendants<LinkReferenceDefinition>().ToList())
            if (def.Url is not null && !UrlPolicy.IsAllowedInBody(def.Url))
            {
                removed.Add((def.Url, def.Line, def.Column));
                def.Url = "";
            }
        return removed;
    }

    /// <summary>True when the document holds raw HTML, which must then be sanitised.</summary>
    public static bool HasRawHtml(MarkdownDocument doc) =>
        doc.Descendants().Any(n => n is HtmlBlock or HtmlInline);

    public static string Render(MarkdownDocument doc, IBodyLinks links, bool inline = false)
    {
        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { ImplicitParagraph = inline };
        (inline ? InlinePipeline : Pipeline).Setup(renderer);
        renderer.ObjectRenderers.Add(new MentionHtmlRenderer(links));
        renderer.ObjectRenderers.Add(new CitationHtmlRenderer(links));
        renderer.Render(doc);
        writer.Flush();
        return writer.ToString();
    }
}
