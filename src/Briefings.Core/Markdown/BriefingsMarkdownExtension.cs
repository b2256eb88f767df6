using Briefings.Markdown.Citations;
using Briefings.Markdown.Mentions;
using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;

namespace Briefings.Markdown;

/// <summary>Registers the <c>[[id]]</c> and <c>[@src]</c> parsers ahead of Markdig's link parser. Their renderers
/// need the page's links, so <see cref="BodyMarkdown"/> adds them per page.</summary>
public sealed class BriefingsMarkdownExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<MentionParser>())
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new MentionParser());
        if (!pipeline.InlineParsers.Contains<CitationParser>())
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new CitationParser());
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer) { }
}
