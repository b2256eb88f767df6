namespace Briefings.Markdown;

/// <summary>What the page being rendered knows about the links in its body.</summary>
public interface IBodyLinks
{
    /// <summary>The page URL and display name of an entity, or null if unknown.</summary>
    (string Url, string Name)? Mention(string id);

    /// <summary>The number of a source in the page's source list, or null if not listed.</summary>
    int? Citation(string sourceId);

    /// <summary>Where a citation of the source links: its entry in the source list, on this page or another.</summary>
    string SourceHref(string sourceId);

    /// <summary>Whether the first citation of each source carries the id its source-list entry links back to.
    /// Only the body's citations do: text shown on several pages (event summaries) must not repeat ids.</summary>
    bool AnchorsCitations { get; }
}
