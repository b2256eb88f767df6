using Briefings.Model;
using Briefings.Resolving;

namespace Briefings.Serving;

/// <summary>The outputs an edit changes: from the archive before and after, the facts that changed, then
/// every output that shows one of them in either version (a briefing leaving an actor's page is a change
/// to that page too).</summary>
public static class AffectedPages
{
    /// <summary>The URLs to render again or delete, or null when every page may have changed (site settings).
    /// Documents that are the same object in both archives are taken as unchanged without a look.</summary>
    public static IReadOnlySet<string>? Between(ArchiveIndex before, SiteGraph beforeGraph, ArchiveIndex after, SiteGraph afterGraph) =>
        ChangedKeys(before, after) is { } keys ? Showing(keys, beforeGraph, afterGraph) : null;

    /// <summary>The URLs that show any of the facts in either version of the site (or in the version before only,
    /// when the graph after is not built yet: a first part of the answer, all of it for most edits).</summary>
    public static IReadOnlySet<string> Showing(IReadOnlySet<SiteGraph.Key> keys, SiteGraph beforeGraph, SiteGraph? afterGraph)
    {
        if (keys.Count == 0) return new HashSet<string>();
        // A changed fact changes the views that show it (briefing items, events), and both change the pages.
        var all = new HashSet<SiteGraph.Key>(keys);
        all.UnionWith(beforeGraph.ViewsShowing(keys));
        if (afterGraph is not null) all.UnionWith(afterGraph.ViewsShowing(keys));
        var urls = new HashSet<string>(beforeGraph.PagesShowing(all), StringComparer.Ordinal);
        if (afterGraph is not null)
        {
            urls.UnionWith(afterGraph.PagesShowing(all));
            urls.UnionWith(afterGraph.PagesDifferingFrom(beforeGraph));
        }
        return urls;
    }

    /// <summary>The facts (<see cref="SiteGraph.Keys"/>) that differ, or null when the site settings do or a page of
    /// the site itself comes, goes or changes its title.</summary>
    public static IReadOnlySet<SiteGraph.Key>? ChangedKeys(ArchiveIndex before, ArchiveIndex after)
    {
        if (before.Archive.Site != after.Archive.Site) return null;
        var keys = new HashSet<SiteGraph.Key>();
        foreach (var id in before.ById.Keys.Union(after.ById.Keys))
        {
            var old = before.Find(id);
            var now = after.Find(id);
            if (ReferenceEquals(old, now)) continue;
            if (old is not null && now is not null && old.GetType() == now.GetType()
                && DocumentFacets.Whole(old) == DocumentFacets.Whole(now)) continue;
            keys.Add(SiteGraph.Keys.Whole(id));
            bool facet = old is null || now is null || old.GetType() != now.GetType() || DocumentFacets.Facet(old) != DocumentFacets.Facet(now);
            // Every page's footer names the site's pages, and every legend of confidence links to Methodology: a page
            // of the site that comes, goes or is retitled changes every page.
            if (facet && (old is SitePage || now is SitePage)) return null;
            if (facet)
            {
                keys.Add(SiteGraph.Keys.Facet(id));
                keys.Add(SiteGraph.Keys.AnyFacet);
            }
            var (ob, nb) = (old as Briefing, now as Briefing);
            if (ob is null && nb is null) continue;
            if (ob?.Date.Year != nb?.Date.Year) keys.Add(SiteGraph.Keys.Years);
            var oldTags = ob?.Tags ?? [];
            var newTags = nb?.Tags ?? [];
            // A briefing that comes or goes changes the count of each of its tags.
            var changedTags = ob is null || nb is null
                ? oldTags.Union(newTags, StringComparer.Ordinal)
                : oldTags.Except(newTags, StringComparer.Ordinal).Union(newTags.Except(oldTags, StringComparer.Ordinal), StringComparer.Ordinal);
            foreach (var t in changedTags) keys.Add(SiteGraph.Keys.Tag(t));
        }
        return keys;
    }
}
