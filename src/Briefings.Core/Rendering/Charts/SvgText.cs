using System.Globalization;
using System.Text;

namespace Briefings.Rendering.Charts;

/// <summary>Writing SVG by hand, the same bytes for the same chart on any machine: numbers in the invariant
/// culture, at most two decimals, text escaped as the templates escape it.</summary>
internal static class SvgText
{
    public static string N(double value) =>
        Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture) is var s && s == "-0" ? "0" : s;

    public static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Escape(string text) => Theme.Encoder.Encode(text);

    /// <summary>The opening tag of a chart: sized by its viewBox (CSS makes it as wide as its column), named by
    /// its title and description.</summary>
    /// <remarks>A picture whose marks are links (a network) is a group rather than an image, so that its links stay
    /// links for a screen reader: named by its title, described by its description.</remarks>
    public static StringBuilder Open(string id, double width, double height, string title, string summary, bool links = false) =>
        Open(id, 0, 0, width, height, title, summary, links);

    /// <summary>The same for a picture that shows part of a larger plane (a map): its viewBox starts at
    /// (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public static StringBuilder Open(string id, double x, double y, double width, double height, string title, string summary, bool links = false)
    {
        var svg = new StringBuilder(4096);
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" viewBox=\"").Append(N(x)).Append(' ').Append(N(y)).Append(' ')
            .Append(N(width)).Append(' ').Append(N(height));
        if (links) svg.Append("\" role=\"group\" aria-labelledby=\"").Append(id).Append("-title\" aria-describedby=\"").Append(id).Append("-desc\">");
        else svg.Append("\" role=\"img\" aria-labelledby=\"").Append(id).Append("-title ").Append(id).Append("-desc\">");
        svg
            .Append("<title id=\"").Append(id).Append("-title\">").Append(Escape(title)).Append("</title>")
            .Append("<desc id=\"").Append(id).Append("-desc\">").Append(Escape(summary)).Append("</desc>");
        return svg;
    }

    public static void Rect(StringBuilder svg, string cls, double x, double y, double w, double h) =>
        svg.Append("<rect class=\"").Append(cls).Append("\" x=\"").Append(N(x)).Append("\" y=\"").Append(N(y))
            .Append("\" width=\"").Append(N(w)).Append("\" height=\"").Append(N(h)).Append("\"/>");

    public static void Line(StringBuilder svg, string cls, double x1, double y1, double x2, double y2) =>
        svg.Append("<line class=\"").Append(cls).Append("\" x1=\"").Append(N(x1)).Append("\" y1=\"").Append(N(y1))
            .Append("\" x2=\"").Append(N(x2)).Append("\" y2=\"").Append(N(y2)).Append("\"/>");

    public static void Text(StringBuilder svg, string cls, double x, double y, string text, string anchor = "middle") =>
        svg.Append("<text class=\"").Append(cls).Append("\" x=\"").Append(N(x)).Append("\" y=\"").Append(N(y))
            .Append("\" text-anchor=\"").Append(anchor).Append("\">").Append(Escape(text)).Append("</text>");

    /// <summary>A step for axis labels that gives at most <paramref name="most"/> of them: 1, 2, 5, 10, 20, 50 ...</summary>
    public static int Step(int span, int most)
    {
        for (int scale = 1; ; scale *= 10)
            foreach (int m in (int[])[1, 2, 5])
                if (span <= most * m * scale) return m * scale;
    }
}
