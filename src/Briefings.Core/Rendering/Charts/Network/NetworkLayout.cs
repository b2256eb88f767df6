using GraphShape.Algorithms.Layout;
using QuikGraph;

namespace Briefings.Rendering.Charts.Network;

/// <summary>Where each node of a network is drawn, in the chart's own units. Both layouts are deterministic: the
/// same network gives the same places on any machine (a fixed start, a fixed number of steps, a fixed seed, nodes
/// and links in the network's order, places rounded by the writer).</summary>
internal static class NetworkLayout
{
    /// <summary>An entity's network: the entity in the middle, its ties around it clockwise from the top, strongest
    /// first, on an ellipse narrow enough to leave room for the names beside them.</summary>
    public static (double X, double Y)[] Radial(int count, double cx, double cy, double rx, double ry)
    {
        var places = new (double X, double Y)[count];
        places[0] = (cx, cy);
        for (int i = 1; i < count; i++)
        {
            double angle = 2 * Math.PI * (i - 1) / (count - 1) - Math.PI / 2;
            places[i] = (cx + rx * Math.Cos(angle), cy + ry * Math.Sin(angle));
        }
        return places;
    }

    /// <summary>The archive's network: GraphShape's Kamada-Kawai layout (which spaces nodes by how many links apart they
    /// are, so a dense core does not collapse into a knot as Fruchterman-Reingold's did), started from a circle in node
    /// order (most reported first), with its random numbers seeded and its steps counted, then fitted into the box.</summary>
    public static (double X, double Y)[] Force(Network network, double width, double height, double marginX, double marginY)
    {
        var graph = new BidirectionalGraph<int, Edge<int>>();
        for (int i = 0; i < network.Nodes.Count; i++) graph.AddVertex(i);
        foreach (var link in network.Links) graph.AddEdge(new Edge<int>(link.A, link.B));
        var start = new Dictionary<int, GraphShape.Point>();
        for (int i = 0; i < network.Nodes.Count; i++)
        {
            double angle = 2 * Math.PI * i / network.Nodes.Count;
            start[i] = new GraphShape.Point(width / 2 + width / 3 * Math.Cos(angle), height / 2 + height / 3 * Math.Sin(angle));
        }
        var parameters = new KKLayoutParameters { Width = width, Height = height, MaxIterations = 200, ExchangeVertices = false };
        var layout = new KKLayoutAlgorithm<int, Edge<int>, BidirectionalGraph<int, Edge<int>>>(graph, start, parameters)
        {
            Rand = new Random(1),
        };
        layout.Compute();

        var places = new (double X, double Y)[network.Nodes.Count];
        double minX = double.MaxValue, maxX = double.MinValue, minY = double.MaxValue, maxY = double.MinValue;
        for (int i = 0; i < places.Length; i++)
        {
            var p = layout.VerticesPositions[i];
            places[i] = (p.X, p.Y);
            minX = Math.Min(minX, p.X); maxX = Math.Max(maxX, p.X);
            minY = Math.Min(minY, p.Y); maxY = Math.Max(maxY, p.Y);
        }
        double sx = (width - 2 * marginX) / Math.Max(maxX - minX, 1), sy = (height - 2 * marginY) / Math.Max(maxY - minY, 1);
        for (int i = 0; i < places.Length; i++)
            places[i] = (marginX + (places[i].X - minX) * sx, marginY + (places[i].Y - minY) * sy);
        return places;
    }
}
