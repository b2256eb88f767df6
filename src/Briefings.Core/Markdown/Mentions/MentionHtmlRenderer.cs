using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Briefings.Markdown.Mentions;

/// <summary>Renders a mention as a link to the entity's page, named as the archive names it.</summary>
public sealed class MentionHtmlRenderer(IBodyLinks links) : HtmlObjectRenderer<MentionInline>
{
    protected override void Write(HtmlRenderer renderer, MentionInline mention)
    {
        var target = links.Mention(mention.Id);
        var text = mention.Text ?? target?.Name ?? mention.Id;
        if (target is null || !renderer.EnableHtmlForInline)
        {
            renderer.WriteEscape(text);
            return;
        }
        renderer.Write("<a class=\"mention\" href=\"").WriteEscapeUrl(target.Value.Url).Write("\">");
        renderer.WriteEscape(text);
        renderer.Write("</a>");
    }
}
