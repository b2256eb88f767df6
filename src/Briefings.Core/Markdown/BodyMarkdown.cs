using Briefings.Markdown.Citations;
using Briefings.Markdown.Mentions;
using Briefings.Model;
using Markdig;
using Markdig.Extensions.Tables;
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

    public static MarkdownDocument Parse(string markdown) => WithoutAlignment(Markdig.Markdown.Parse(markdown, Pipeline));

    public static MarkdownDocument ParseInline(string markdown) => Markdig.Markdown.Parse(markdown, InlinePipeline);

    /// <summary>Parses a body, or with <paramref name="inline"/> an event summary, or says why it cannot be rendered
    /// quickly and safely (see <see cref="BodyLimits"/>). Texts that pass can be rendered without an exception.</summary>
    public static MarkdownDocument? TryParse(string markdown, bool inline, out BodyLimits.Refusal? refusal)
    {
        refusal = BodyLimits.BeforeParse(markdown);
        if (refusal is not null) return null;
        MarkdownDocument doc;
        try { doc = inline ? ParseInline(markdown) : Parse(markdown); }
        catch (ArgumentException)
        {
            // Markdig refuses input nested deeper than it can parse (thousands of '[') by throwing.
            refusal = new BodyLimits.Refusal(BodyLimits.Problem.TooDeep, "Markdown nested too deeply to be read (runaway brackets, quotes, lists or emphasis)", 0, 0);
            return null;
        }
        refusal = BodyLimits.AfterParse(doc);
        return refusal is null ? doc : null;
    }

    /// <summary>Markdig aligns table columns with style attributes, which the Content-Security-Policy refuses to apply;
    /// leaving them out keeps every page free of inline styles.</summary>
    private static MarkdownDocument WithoutAlignment(MarkdownDocument doc)
    {
        // Tables are blocks: the inlines, most of the tree, need not be walked.
        var pending = new Stack<ContainerBlock>();
        pending.Push(doc);
        while (pending.Count > 0)
            foreach (var block in pending.Pop())
            {
                if (block is Table table)
                    foreach (var column in table.ColumnDefinitions) column.Alignment = null;
                if (block is ContainerBlock container) pending.Push(container);
            }
        return doc;
    }

    /// <summary>What reading needs to know of a parsed text, found in one walk: its mentions and citations with
    /// their file positions (and ids written where a citation was likely meant), what rendering will remove
    /// (<see cref="RemoveUnsafeUrls"/>, the sanitiser), and citations that cannot be read (<see cref="CitationMistakes"/>),
    /// each with its 0-based line and column in the text.</summary>
    public sealed record Inspection(
        BodyReferences References,
        IReadOnlyList<(string Url, int Line, int Column)> UnsafeUrls,
        IReadOnlyList<(string What, int Line, int Column)> UnsafeHtml,
        IReadOnlyList<(string Message, int Line, int Column)> MiswrittenCitations);

    /// <param name="text">The text <paramref name="doc"/> was parsed from.</param>
    /// <param name="firstLine">The file line of the text's first line.</param>
    public static Inspection Inspect(MarkdownDocument doc, string text, int firstLine, int firstColumn = 1)
    {
        var mentions = new List<Ref>();
        var citations = new List<Ref>();
        var urls = new List<(string, int, int)>();
        var html = new List<(string, int, int)>();
        var mistakes = new CitationMistakes(text);
        foreach (var node in Nodes(doc))
        {
            mistakes.Add(node);
            var at = new Position(firstLine + node.Line, (node.Line == 0 ? firstColumn : 1) + node.Column);
            if (node is MentionInline m) mentions.Add(new Ref(m.Id, at));
            else if (node is CitationInline c) citations.AddRange(c.SourceIds.Select(id => new Ref(id, at)));
            else if (UnsafeUrl(node) is { } url) urls.Add((url, node.Line, node.Column));
            else if (RawHtml(node) is { } raw)
                foreach (var what in HtmlSafety.Removals(raw)) html.Add((what, node.Line, node.Column));
        }
        mistakes.Finish();
        var loose = mistakes.Loose.Select(l =>
            new LooseCitation(new Ref(l.Id, new Position(firstLine + l.Line, (l.Line == 0 ? firstColumn : 1) + l.Column)), l.Written)).ToList();
        return new Inspection(new BodyReferences(mentions, citations) { Loose = loose }, urls, html, mistakes.Miswritten);
    }

    /// <summary>Every node under <paramref name="root"/>, in document order, found the way the HTML renderer finds
    /// them (first child, next sibling). Markdig's own Descendants() walks other links, which Markdig's
    /// Inline.InsertBefore leaves stale: after it, Descendants() skipped nodes the renderer still wrote.</summary>
    public static IEnumerable<MarkdownObject> Nodes(MarkdownObject root)
    {
        foreach (var (node, depth) in Walk(root))
            if (depth > 0) yield return node;
    }

    /// <summary><paramref name="root"/> (at depth 0) and every node under it with its depth, in the order of
    /// <see cref="Nodes"/>; stopping early stops the walk, so a limit on depth or size costs no more than it counts.</summary>
    public static IEnumerable<(MarkdownObject Node, int Depth)> Walk(MarkdownObject root)
    {
        var pending = new Stack<(MarkdownObject Node, int Depth)>();
        var inlines = new List<Inline>();
        pending.Push((root, 0));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            yield return (node, depth);
            // Children go on the stack last first, so that they come off in document order.
            if (node is ContainerBlock blocks)
                for (int i = blocks.Count - 1; i >= 0; i--) pending.Push((blocks[i], depth + 1));
            else if (node is LeafBlock { Inline: { } inline })
                pending.Push((inline, depth + 1));
            else if (node is ContainerInline container)
            {
                inlines.Clear();
                for (var child = container.FirstChild; child is not null; child = child.NextSibling) inlines.Add(child);
                for (int i = inlines.Count - 1; i >= 0; i--) pending.Push((inlines[i], depth + 1));
            }
        }
    }

    /// <summary>The raw HTML a node holds (an HTML block's lines, an inline tag), or null.</summary>
    public static string? RawHtml(MarkdownObject node) => node switch
    {
        HtmlBlock b => b.Lines.ToString(),
        HtmlInline i => i.Tag,
        _ => null,
    };

    /// <summary>Unlinks links and drops images whose URL is not allowed (see <see cref="UrlPolicy"/>), from inline
    /// links, reference links and their definitions, and autolinks (e-mail addresses included: mailto: is not
    /// allowed).</summary>
    public static void RemoveUnsafeUrls(MarkdownDocument doc)
    {
        // All nodes first: the tree changes below.
        foreach (var node in Nodes(doc).Where(n => UnsafeUrl(n) is not null).ToList())
        {
            switch (node)
            {
                case LinkInline link:
                    if (!link.IsImage)
                    {
                        // The link's text stays, in place. InsertAfter in reverse order: InsertBefore corrupts the tree.
                        var children = link.ToList();
                        for (int i = children.Count - 1; i >= 0; i--)
                        {
                            children[i].Remove();
                            link.InsertAfter(children[i]);
                        }
                    }
                    link.Remove();
                    break;
                case AutolinkInline auto:
                    auto.ReplaceBy(new LiteralInline(auto.Url));
                    break;
                case LinkReferenceDefinition def:
                    def.Url = "";
                    break;
            }
        }
    }

    /// <summary>The URL of a link, image, autolink or reference definition that the URL policy does not allow;
    /// null for any other node.</summary>
    private static string? UnsafeUrl(MarkdownObject node) => node switch
    {
        LinkInline link => (link.GetDynamicUrl?.Invoke() ?? link.Url) is { } url && !UrlPolicy.IsAllowedInBody(url) ? url : null,
        AutolinkInline auto => (auto.IsEmail ? "mailto:" + auto.Url : auto.Url) is var target && !UrlPolicy.IsAllowedInBody(target) ? target : null,
        LinkReferenceDefinition { Url: { } url } when !UrlPolicy.IsAllowedInBody(url) => url,
        _ => null,
    };

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
