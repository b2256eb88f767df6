using System.Text;
using Briefings.Errors;
using Briefings.Model;
using static Briefings.Rendering.Charts.SvgText;

namespace Briefings.Rendering.Charts.Map;

/// <summary>Draws <see cref="Delegations"/> on the part of the world they cross: the countries there, an arc per
/// route from origin to destination, bending to its right (so a route and its return are two arcs), as thick as the
/// route is travelled, with an arrowhead at the destination. Sizes are in map units scaled to the part shown, so a
/// map of one region and a map of the world read alike.</summary>
internal static class DelegationMapSvg
{
    public static ChartView View(Delegations data, Country? country, string id)
    {
        var title = country is null ? "Delegations and visits, by route" : $"Delegations and visits from and to {country.Name}";
        var missing = data.Shown.Where(r => WorldMap.Of(r.From.Iso) is null || WorldMap.Of(r.To.Iso) is null).ToList();
        var (otherRoutes, otherDelegations) = data.Others;
        var summary = $"{Wording.Count(data.Total, "delegation")} on {Wording.Count(data.Routes.Count, "route")}; the most travelled: "
            + string.Join(", ", data.Routes.Take(3).Select(r => $"{r.From.Name} to {r.To.Name} ({r.Count})")) + "."
            + (otherRoutes > 0 ? $" Drawn are the {data.Shown.Count} most travelled; the other {Wording.Count(otherRoutes, "route")} ({Wording.Count(otherDelegations, "delegation")}) are counted together in the table and listed in the archive's data." : "")
            + (missing.Count > 0 ? $" Not drawn, for want of a shape at this scale: {string.Join(", ", missing.Select(r => $"{r.From.Name} to {r.To.Name}"))}." : "")
            + " The table below gives every figure.";
        var rows = data.Shown.Select(r => (IReadOnlyList<string>)[r.From.Name, r.To.Name, N(r.Count)]).ToList();
        if (otherRoutes > 0) rows.Add([$"The other {Wording.Count(otherRoutes, "route")}", "", N(otherDelegations)]);
        return new ChartView(id, title, summary, Draw(data, id, title, summary),
            [new LegendItem("arc-key", "Arc from the country of origin to the destination; the thicker, the more delegations")],
            new ChartTable("Delegations by route", ["From", "To", "Delegations"], rows));
    }

    private static string Draw(Delegations data, string id, string title, string summary)
    {
        var routes = data.Shown.Select(r => (Route: r, From: WorldMap.Of(r.From.Iso), To: WorldMap.Of(r.To.Iso)))
            .Where(r => r.From is not null && r.To is not null).ToList();
        var points = routes.SelectMany(r => new[] { r.From!, r.To! }).DistinctBy(s => s.Iso).ToList();
        var (x, y, w, h) = View(points);
        // The picture is always ViewWidth units wide, a pixel each as a wide chart shows it, so that CSS can size the
        // place names (larger on a phone, as the network's labels are); the map's own plane is fitted into it by one
        // transform, and k is one of those pixels in the map's units.
        double k = w / ViewWidth;
        var svg = Open(id, ViewWidth, h / k, title, summary);
        svg.Append("<g transform=\"matrix(").Append(N(1 / k)).Append(" 0 0 ").Append(N(1 / k)).Append(' ').Append(N(-x / k)).Append(' ').Append(N(-y / k)).Append(")\">");
        svg.Append("<defs><marker id=\"").Append(id).Append("-arrow\" viewBox=\"0 0 10 10\" refX=\"7\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"")
            .Append(N(11 * k)).Append("\" markerHeight=\"").Append(N(11 * k)).Append("\" orient=\"auto\">")
            .Append("<path class=\"arrow\" d=\"M0,0L10,5L0,10z\"/></marker></defs>");
        var involved = points.Select(p => p.Iso).ToHashSet(StringComparer.Ordinal);
        foreach (var s in WorldMap.All)
            if (s.Right >= x && s.Left <= x + w && s.Bottom >= y && s.Top <= y + h)
                svg.Append("<path class=\"land").Append(involved.Contains(s.Iso) ? " involved" : "").Append("\" vector-effect=\"non-scaling-stroke\" d=\"")
                    .Append(s.Path).Append("\"/>");
        int most = routes.Count == 0 ? 1 : routes.Max(r => r.Route.Count);
        // Least travelled first (the routes come most travelled first), so a busy route lies on top.
        foreach (var (route, from, to) in Enumerable.Reverse(routes))
        {
            double dx = to!.X - from!.X, dy = to.Y - from.Y;
            // The control point lies off the middle, to the right of the way travelled.
            double cx = (from.X + to.X) / 2 - dy * 0.25, cy = (from.Y + to.Y) / 2 + dx * 0.25;
            // The arc stops short of the destination's point, so the arrowhead does not hide it.
            double back = 3 * k / Math.Max(Math.Sqrt((to.X - cx) * (to.X - cx) + (to.Y - cy) * (to.Y - cy)), 1e-9);
            double ex = to.X - (to.X - cx) * back, ey = to.Y - (to.Y - cy) * back;
            svg.Append("<path class=\"arc\" marker-end=\"url(#").Append(id).Append("-arrow)\" stroke-width=\"").Append(N((1.2 + 4.0 * route.Count / most) * k))
                .Append("\" d=\"M").Append(N(from.X)).Append(',').Append(N(from.Y)).Append('Q').Append(N(cx)).Append(',').Append(N(cy))
                .Append(' ').Append(N(ex)).Append(',').Append(N(ey)).Append("\"/>");
        }
        var names = data.Shown.SelectMany(r => new[] { r.From, r.To }).DistinctBy(c => c.Iso).ToDictionary(c => c.Iso.ToUpperInvariant(), c => c.Name);
        var ordered = points.OrderBy(p => p.Y).ThenBy(p => p.Iso, StringComparer.Ordinal).ToList();
        foreach (var p in ordered)
            svg.Append("<circle class=\"place\" cx=\"").Append(N(p.X)).Append("\" cy=\"").Append(N(p.Y)).Append("\" r=\"").Append(N(3 * k)).Append("\"/>");
        svg.Append("</g><g class=\"places\">");
        // A name goes above its point, or below it when a name already placed (from the top down) would be in the way;
        // its distance from the point is in ems, as its size is the stylesheet's.
        var placed = new List<(double X, double Y)>();
        foreach (var p in ordered)
        {
            double px = (p.X - x) / k, py = (p.Y - y) / k;
            bool below = placed.Any(q => Math.Abs(q.X - px) < 70 && Math.Abs(q.Y - (py - 6)) < 15);
            placed.Add((px, below ? py + 16 : py - 6));
            svg.Append("<text class=\"place-name\" x=\"").Append(N(px)).Append("\" y=\"").Append(N(py)).Append("\" dy=\"").Append(below ? "1.2em" : "-0.45em")
                .Append("\" text-anchor=\"middle\">").Append(Escape(names[p.Iso])).Append("</text>");
        }
        return svg.Append("</g></svg>").ToString();
    }

    /// <summary>The width of the picture in its own units: a pixel each on a chart of that width.</summary>
    private const double ViewWidth = 560;

    /// <summary>The part of the world to show: the countries' points with room around them, never narrower than a
    /// region (about the width of China), wider than tall, and inside the world.</summary>
    private static (double X, double Y, double W, double H) View(IReadOnlyList<Shape> points)
    {
        if (points.Count == 0) return (0, 0, WorldMap.Width, WorldMap.Height);
        double x0 = points.Min(p => p.X), x1 = points.Max(p => p.X), y0 = points.Min(p => p.Y), y1 = points.Max(p => p.Y);
        double w = Math.Max(x1 - x0, 120) * 1.4 + 40, h = Math.Max(y1 - y0, 60) * 1.4 + 40;
        w = Math.Max(w, h * 1.4);
        h = Math.Max(h, w / 1.8);
        w = Math.Min(w, WorldMap.Width);
        h = Math.Min(h, WorldMap.Height);
        double x = Math.Clamp((x0 + x1 - w) / 2, 0, WorldMap.Width - w), y = Math.Clamp((y0 + y1 - h) / 2, 0, WorldMap.Height - h);
        return (Math.Round(x), Math.Round(y), Math.Round(w), Math.Round(h));
    }
}
