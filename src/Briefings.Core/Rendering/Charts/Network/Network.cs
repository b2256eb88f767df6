using Briefings.Model;
using Briefings.Resolving;

namespace Briefings.Rendering.Charts.Network;

/// <summary>Who works with whom: people and institutions (news outlets and countries aside, as "Appears most often
/// with" leaves them out), and for each pair the briefings (their events included) and agreements both appear in.
/// Bounded so a large archive stays quick: an entity's network is it and its <see cref="ArchiveIndex.TieCount"/>
/// strongest ties; the archive's is its <see cref="ArchiveNodes"/> most reported entities.</summary>
public sealed record Network(IReadOnlyList<Document> Nodes, IReadOnlyList<Link> Links, string? Centre)
{
    public const int ArchiveNodes = 30;

    /// <summary>An entity's network: itself first, then its ties, strongest first; every pair of them that shares
    /// something is a link. Null when it has no tie.</summary>
    public static Network? Of(ArchiveIndex index, string id)
    {
        var ties = index.TiesOf(id);
        if (ties.Count == 0) return null;
        var nodes = new List<Document> { index.ById[id] };
        nodes.AddRange(ties.Select(t => t.Entity));
        return new Network(nodes, LinksAmong(index, nodes), id);
    }

    /// <summary>The archive's network: the people and institutions in most briefings (then by id) that have a tie.</summary>
    public static Network? OfArchive(ArchiveIndex index)
    {
        var nodes = index.Archive.Documents.Where(d => index.IsTie(d.Id) && index.TiesOf(d.Id).Count > 0)
            .OrderByDescending(d => index.BriefingsOf(d.Id).Count).ThenBy(d => d.Id, StringComparer.Ordinal)
            .Take(ArchiveNodes).ToList();
        var links = Strongest(LinksAmong(index, nodes), nodes.Count);
        // The busiest entities may each share their ties only with entities outside them: then there is nothing to draw.
        return links.Count == 0 ? null : new Network(nodes, links, null);
    }

    /// <summary>How many of its strongest links each node of the archive's network keeps: drawn all, thirty of the
    /// busiest entities are a knot of lines in which no tie can be followed.</summary>
    public const int ArchiveLinksPerNode = 3;

    /// <summary>The links that are among the <see cref="ArchiveLinksPerNode"/> strongest of either end (ties broken by
    /// the order of the nodes), in their order.</summary>
    private static List<Link> Strongest(List<Link> links, int nodes)
    {
        var keep = new HashSet<Link>();
        for (int n = 0; n < nodes; n++)
            keep.UnionWith(links.Where(l => l.A == n || l.B == n)
                .OrderByDescending(l => l.Count).ThenBy(l => l.A == n ? l.B : l.A).Take(ArchiveLinksPerNode));
        return links.Where(keep.Contains).ToList();
    }

    /// <summary>Every pair of nodes of which one is among the other's ties, with what they share, in node order. The
    /// ties were counted once for the whole archive; counting every pair's shared briefings again on each page
    /// doubled the CPU time of a 10,000-briefing build, since the busiest entities are in most networks.</summary>
    private static List<Link> LinksAmong(ArchiveIndex index, List<Document> nodes)
    {
        var links = new List<Link>();
        for (int a = 0; a < nodes.Count; a++)
            for (int b = a + 1; b < nodes.Count; b++)
                if ((TieBetween(index, nodes[a].Id, nodes[b].Id) ?? TieBetween(index, nodes[b].Id, nodes[a].Id)) is { } tie)
                    links.Add(new Link(a, b, tie.Briefings, tie.Agreements));
        return links;
    }

    private static Tie? TieBetween(ArchiveIndex index, string id, string other)
    {
        foreach (var t in index.TiesOf(id))
            if (t.Entity.Id == other) return t;
        return null;
    }

    /// <summary>The chart of an entity's network, or null when it has no tie.</summary>
    public static ChartView? Chart(ArchiveIndex index, string entityId, string id = "chart-network") =>
        Of(index, entityId) is { } network ? NetworkSvg.View(network, id) : null;

    /// <summary>The chart of the archive's network, or null when no two of its entities share anything.</summary>
    public static ChartView? ArchiveChart(ArchiveIndex index, string id = "chart-network") =>
        OfArchive(index) is { } network ? NetworkSvg.View(network, id) : null;
}

/// <summary>Two nodes (their places in <see cref="Network.Nodes"/>) and what they share.</summary>
public sealed record Link(int A, int B, int Briefings, int Agreements)
{
    public int Count => Briefings + Agreements;
}
