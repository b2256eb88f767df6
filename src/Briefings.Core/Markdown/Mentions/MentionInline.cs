using Markdig.Syntax.Inlines;

namespace Briefings.Markdown.Mentions;

/// <summary><c>[[id]]</c> or <c>[[id|text]]</c>: a link to an entity's page.</summary>
public sealed class MentionInline : LeafInline
{
    public required string Id { get; init; }
    /// <summary>The text after '|', or null to show the entity's name.</summary>
    public string? Text { get; init; }
}
