using Briefings.Markdown;
using Briefings.Model;
using Briefings.Resolving;

namespace Briefings.Rendering;

/// <summary>The links of one document's body: mentions resolve against the whole archive, citations
/// against the document's own numbered source list.</summary>
/// <param name="elsewhere">True for text shown beyond the document's own page (event summaries): citations then
/// link to the document's page and carry no anchor ids.</param>
public sealed class DocumentLinks(Document doc, ArchiveIndex index, bool elsewhere = false) : IBodyLinks
{
    private readonly Dictionary<string, int> _numbers = index.ListedSources(doc)
        .Select((s, i) => (s.Id, Number: i + 1)).DistinctBy(x => x.Id).ToDictionary(x => x.Id, x => x.Number, StringComparer.Ordinal);

    public (string Url, string Name)? Mention(string id) =>
        index.Find(id) is { } d ? (d.Url, d.DisplayName) : null;

    public int? Citation(string sourceId) => _numbers.TryGetValue(sourceId, out var n) ? n : null;

    public string SourceHref(string sourceId) => SiteUrls.At(elsewhere ? doc.Url : "", SiteUrls.SourceAnchor(sourceId));

    public bool AnchorsCitations => !elsewhere;
}
