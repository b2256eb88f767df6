namespace Briefings.Markdown;

/// <summary>What the page being rendered knows about the links in its body.</summary>
public interface IBodyLinks
{
    /// <summary>The page URL and display name of an entity, or null if unknown.</summary>
    (string Url, string Name)? Mention(string id);

    /// <summary>The number of a source in the page's source list, or null if not listed.</summary>
    int? Citation(string sourceId);

    /// <summary>The anchor id of a source in the page's source list.</summary>
    string SourceAnchor(string sourceId);
}
