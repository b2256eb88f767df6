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
    public static IReadOnlySet<string>? Between(ArchiveIndex before, SiteGraph beforeGraph, ArchiveIndex after, SiteGraph afterGraph)
    {
        var keys = ChangedKeys(before, after);
        if (keys is null) return null;
        var urls = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            urls.UnionWith(beforeGraph.PagesShowing(key));
            urls.UnionWith(afterGraph.PagesShowing(key));
        }
        return urls;
    }

    /// <summary>The facts (<see cref="SiteGraph.Keys"/>) that differ, or null when the site settings do.</summary>
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
            keys.Add(SiteGraph.Keys.Anything);
            if (old is null || now is null || old.GetType() != now.GetType() || DocumentFacets.Facet(old) != DocumentFacets.Facet(now))
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
