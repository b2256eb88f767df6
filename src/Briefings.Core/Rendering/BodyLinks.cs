using Briefings.Markdown;
using Briefings.Model;
using Briefings.Resolving;

namespace Briefings.Rendering;

/// <summary>The links of one document's body: mentions resolve against the whole archive, citations
/// against the document's own numbered source list.</summary>
public sealed class DocumentLinks(Document doc, ArchiveIndex index) : IBodyLinks
{
    private readonly Dictionary<string, int> _numbers = doc.Sources
        .Select((s, i) => (s.Id, Number: i + 1)).DistinctBy(x => x.Id).ToDictionary(x => x.Id, x => x.Number, StringComparer.Ordinal);

    public (string Url, string Name)? Mention(string id) =>
        index.Find(id) is { } d ? (d.Url, d.DisplayName) : null;

    public int? Citation(string sourceId) => _numbers.TryGetValue(sourceId, out var n) ? n : null;

    public string SourceAnchor(string sourceId) => SourceAnchorOf(sourceId);

    public static string SourceAnchorOf(string sourceId) => $"source-{sourceId}";
}
