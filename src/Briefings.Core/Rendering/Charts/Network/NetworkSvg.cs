using System.Text;
using Briefings.Errors;
using Briefings.Model;
using static Briefings.Rendering.Charts.SvgText;

namespace Briefings.Rendering.Charts.Network;

/// <summary>Draws a <see cref="Network"/>: a line per pair, as wide as what they share, and a dot per entity that
/// links to its page, named in full for a screen reader (the name drawn beside it may be shortened).</summary>
internal static class NetworkSvg
{
    private const double EgoWidth = 440, EgoHeight = 300, ArchiveWidth = 640, ArchiveHeight = 480;
    private const int EgoName = 20, ArchiveName = 26;

    /// <summary>How many of the archive's entities (the most reported) are named on a phone, where the chart is drawn
    /// at half its size: their names drawn larger and shorter, the others' left to their links and the table.</summary>
    private const int PhoneNames = 7, PhoneName = 15;

    public static ChartView View(Network network, string id)
    {
        var names = network.Nodes.Select(n => n.DisplayName).ToList();
        var strongest = network.Links.OrderByDescending(l => l.Count).ThenBy(l => l.A).ThenBy(l => l.B).First();
        string title, summary;
        if (network.Centre is not null)
        {
            title = $"Who {names[0]} works with";
            var ties = network.Links.Where(l => l.A == 0).ToList();
            summary = $"{names[0]} shares briefings or agreements with {Wording.Count(ties.Count, "person or institution", "people and institutions")} shown here, "
                + "the most with " + string.Join(", ", ties.Take(3).Select(l => $"{names[l.B]} ({l.Count})"))
                + $"; {Wording.Count(network.Links.Count - ties.Count, "other pair")} of them share some too. The table below gives every figure.";
        }
        else
        {
            title = $"The {Wording.Count(network.Nodes.Count, "person or institution", "people and institutions")} in most briefings, and who shares what";
            summary = $"Each is linked to the {Network.ArchiveLinksPerNode} it shares most briefings and agreements with ({Wording.Count(network.Links.Count, "link")}); "
                + $"the strongest tie is between {names[strongest.A]} and {names[strongest.B]} ({strongest.Count}). "
                + "The table below gives every figure.";
        }
        var rows = network.Links.OrderByDescending(l => l.Count).ThenBy(l => l.A).ThenBy(l => l.B)
            .Select(l => (IReadOnlyList<string>)[names[l.A], names[l.B], N(l.Briefings), N(l.Agreements)]).ToList();
        var kinds = network.Nodes.Select(n => n.Kind).Distinct().Order().ToList();
        var legend = kinds.Select(k => new LegendItem("node-" + k.Noun(), Labels.Of(k.Noun()))).ToList();
        legend.Add(new LegendItem("link-key", "Line: the wider, the more they share"));
        return new ChartView(id, title, summary, Draw(network, id, title, summary), legend,
            new ChartTable("Briefings and agreements shared, by pair", ["Entity", "With", "Briefings together", "Agreements together"], rows));
    }

    private static string Draw(Network network, string id, string title, string summary)
    {
        bool ego = network.Centre is not null;
        double width = ego ? EgoWidth : ArchiveWidth, height = ego ? EgoHeight : ArchiveHeight;
        var places = ego
            ? NetworkLayout.Radial(network.Nodes.Count, width / 2, height / 2, 72, 112)
            : NetworkLayout.Force(network, width, height, 75, 24);
        int most = network.Links.Max(l => l.Count);

        var svg = Open(id, width, height, title, summary, links: true);
        // Lines first, weakest first, so the strongest lie on top and the dots on all of them.
        foreach (var l in network.Links.OrderBy(l => l.Count).ThenBy(l => l.A).ThenBy(l => l.B))
        {
            svg.Append("<line class=\"link\" stroke-width=\"").Append(N(1 + 5.0 * l.Count / most)).Append("\" x1=\"").Append(N(places[l.A].X))
                .Append("\" y1=\"").Append(N(places[l.A].Y)).Append("\" x2=\"").Append(N(places[l.B].X)).Append("\" y2=\"").Append(N(places[l.B].Y)).Append("\"/>");
        }
        for (int i = 0; i < network.Nodes.Count; i++)
        {
            var node = network.Nodes[i];
            var (x, y) = places[i];
            var (lx, ly, anchor) = ego ? EgoLabel(i, x, y, width / 2, height / 2) : (x, y + 19, "middle");
            svg.Append("<a href=\"").Append(Escape(node.Url)).Append("\" aria-label=\"").Append(Escape($"{node.DisplayName} ({Labels.Of(node.Kind.Noun()).ToLowerInvariant()})")).Append("\">")
                .Append("<circle class=\"node node-").Append(node.Kind.Noun()).Append(i == 0 && ego ? " centre" : "").Append("\" cx=\"").Append(N(x)).Append("\" cy=\"").Append(N(y))
                .Append("\" r=\"").Append(i == 0 && ego ? "10" : "7").Append("\"/>");
            Text(svg, ego ? "label-small label-ego" : "label-small label-wide", lx, ly, Short(node.DisplayName, ego ? EgoName : ArchiveName), anchor);
            // Under the dot, or above it near the bottom, where a name of two lines would be cut off.
            if (!ego && i < PhoneNames) PhoneLabel(svg, x, y > height - 60 ? y - 36 : y + 27, node.DisplayName);
            svg.Append("</a>");
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Where an entity's name goes: under the centre, above or below a dot at the top or bottom, else on
    /// the outer side.</summary>
    private static (double X, double Y, string Anchor) EgoLabel(int i, double x, double y, double cx, double cy)
    {
        if (i == 0) return (x, y + 24, "middle");
        if (Math.Abs(x - cx) < 20) return (x, y < cy ? y - 12 : y + 22, "middle");
        return x > cx ? (x + 11, y + 4, "start") : (x - 11, y + 4, "end");
    }

    /// <summary>A name for a phone: on two lines of <see cref="PhoneName"/> characters at most, broken at a word
    /// ("Ministry of / Social Security"), the second cut to fit. The space between the lines stays in the text, so the
    /// words read as the link's name does (WCAG 2.5.3).</summary>
    private static void PhoneLabel(StringBuilder svg, double x, double y, string name)
    {
        int cut = name.Length <= PhoneName ? -1 : name.LastIndexOf(' ', PhoneName);
        var (first, second) = cut > 0 ? (name[..cut], Short(name[(cut + 1)..], PhoneName)) : (Short(name, PhoneName), null);
        svg.Append("<text class=\"label-phone\" x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append("\" text-anchor=\"middle\">").Append(Escape(first));
        if (second is not null) svg.Append(" <tspan x=\"").Append(N(x)).Append("\" dy=\"1.05em\">").Append(Escape(second)).Append("</tspan>");
        svg.Append("</text>");
    }

    /// <summary>A name cut at a word to fit, with an ellipsis; the full name is the link's.</summary>
    private static string Short(string name, int most)
    {
        if (name.Length <= most) return name;
        int cut = name.LastIndexOf(' ', most - 1);
        return name[..(cut > most / 2 ? cut : most - 1)].TrimEnd(',', ' ') + "…";
    }
}
