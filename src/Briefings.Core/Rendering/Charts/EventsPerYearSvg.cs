using System.Text;
using Briefings.Errors;
using static Briefings.Rendering.Charts.SvgText;

namespace Briefings.Rendering.Charts;

/// <summary>Draws <see cref="EventsPerYear"/>: one bar per year, a segment per type stacked from the axis up,
/// coloured by the type's class (<c>type-delegation</c>), which the stylesheet maps to a colour for light and
/// dark pages alike.</summary>
internal static class EventsPerYearSvg
{
    private const double Width = 400, Height = 170, Left = 28, Right = 6, Top = 8, Bottom = 22;

    public static ChartView View(EventsPerYear data, string id)
    {
        int total = 0, busiest = 0;
        for (int y = 0; y < data.Years; y++)
        {
            total += data.Total(y);
            if (data.Total(y) > data.Total(busiest)) busiest = y;
        }
        int last = data.FirstYear + data.Years - 1;
        var span = data.Years == 1 ? $"in {data.FirstYear}" : $"from {data.FirstYear} to {last}";
        var summary = $"{Wording.Count(total, "event")} {span}{(data.Years > 1 ? $", most in {data.FirstYear + busiest} ({data.Total(busiest)})" : "")}. "
            + "Types: " + string.Join(", ", data.Types.Select(Labels.Of)) + ". The table below gives every figure.";
        const string title = "Events per year, by type";

        var head = new List<string> { "Year" };
        head.AddRange(data.Types.Select(Labels.Of));
        head.Add("Total");
        var rows = new List<IReadOnlyList<string>>();
        for (int y = 0; y < data.Years; y++)
        {
            if (data.Total(y) == 0) continue;
            var row = new List<string> { N(data.FirstYear + y) };
            row.AddRange(data.Counts[y].Select(N));
            row.Add(N(data.Total(y)));
            rows.Add(row);
        }
        return new ChartView(id, title, summary, Draw(data, id, title, summary),
            data.Types.Select(t => new LegendItem("type-" + t, Labels.Of(t))).ToList(),
            new ChartTable("Events per year, by type", head, rows));
    }

    private static string Draw(EventsPerYear data, string id, string title, string summary)
    {
        int max = 0;
        for (int y = 0; y < data.Years; y++) max = Math.Max(max, data.Total(y));
        int tick = Step(max, 4);
        int top = (max + tick - 1) / tick * tick;
        double plotW = Width - Left - Right, plotH = Height - Top - Bottom, unit = plotH / top;
        double slot = plotW / data.Years, bar = Math.Min(slot * 0.72, 28), baseline = Top + plotH;

        var svg = Open(id, Width, Height, title, summary);
        for (int v = 0; v <= top; v += tick)
        {
            double y = baseline - v * unit;
            Line(svg, v == 0 ? "axis" : "grid", Left, y, Width - Right, y);
            Text(svg, "tick", Left - 5, y + 4, N(v), "end");
        }
        for (int y = 0; y < data.Years; y++)
        {
            double x = Left + slot * y + (slot - bar) / 2, stacked = 0;
            for (int t = 0; t < data.Types.Count; t++)
            {
                int n = data.Counts[y][t];
                if (n == 0) continue;
                Rect(svg, "type-" + data.Types[t], x, baseline - (stacked + n) * unit, bar, n * unit);
                stacked += n;
            }
        }
        // Year labels: every one when they fit, else every few, always starting at the first year.
        int every = Step(data.Years, 8);
        for (int y = 0; y < data.Years; y += every)
            Text(svg, "tick", Left + slot * y + slot / 2, Height - 6, N(data.FirstYear + y));
        return svg.Append("</svg>").ToString();
    }
}
