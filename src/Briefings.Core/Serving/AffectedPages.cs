using Briefings.Model;
using Briefings.Resolving;

namespace Briefings.Serving;

/// <summary>The outputs an edit changes: from the archive before and after, the facts that changed (documents by
/// <see cref="DocumentFacets"/>, relations by <see cref="ArchiveIndex.ChangedRelations"/>), then every output that
/// read one of them when last built, every output that is new and every one that is gone. A page that comes to list a
/// document it did not read before does so through a relation of the index, which then changed too.</summary>
public static class AffectedPages
{
    /// <summary>The URLs to render again or delete, or null when every page may have changed (site settings).
    /// <paramref name="afterUrls"/> are the outputs of the site after the edit.</summary>
    public static IReadOnlySet<string>? Between(ArchiveIndex before, ArchiveIndex after, SiteGraph graph, IEnumerable<string> afterUrls) =>
        ChangedFacts(before, after) is { } facts ? Showing(facts, graph, afterUrls) : null;

    /// <summary>The outputs that read any of the facts, and those that come or go.</summary>
    public static HashSet<string> Showing(IReadOnlySet<Fact> facts, SiteGraph graph, IEnumerable<string> afterUrls)
    {
        var urls = graph.PagesReading(facts);
        var after = afterUrls.ToHashSet(StringComparer.Ordinal);
        urls.UnionWith(after.Where(u => !graph.Knows(u)));
        urls.UnionWith(graph.Urls.Where(u => !after.Contains(u)));
        return urls;
    }

    /// <summary>The facts that differ, or null when the site settings do or a page of the site itself comes, goes or
    /// changes its title.</summary>
    public static IReadOnlySet<Fact>? ChangedFacts(ArchiveIndex before, ArchiveIndex after)
    {
        if (before.Site != after.Site) return null;
        var facts = new HashSet<Fact>();
        foreach (var id in before.ById.Keys.Union(after.ById.Keys))
        {
            var old = before.ById.GetValueOrDefault(id);
            var now = after.ById.GetValueOrDefault(id);
            if (ReferenceEquals(old, now)) continue;
            if (old is not null && now is not null && old.GetType() == now.GetType()
                && DocumentFacets.Whole(old) == DocumentFacets.Whole(now)) continue;
            facts.Add(Fact.Whole(id));
            bool facet = old is null || now is null || old.GetType() != now.GetType() || DocumentFacets.Facet(old) != DocumentFacets.Facet(now);
            // Every page's footer names the site's pages, and every legend of confidence links to Methodology: a page
            // of the site that comes, goes or is retitled changes every page.
            if (facet && (old is SitePage || now is SitePage)) return null;
            if (facet)
            {
                facts.Add(Fact.Facet(id));
                facts.Add(Fact.AnyFacet);
            }
        }
        if (facts.Count > 0) facts.UnionWith(ArchiveIndex.ChangedRelations(before, after));
        return facts;
    }
}
