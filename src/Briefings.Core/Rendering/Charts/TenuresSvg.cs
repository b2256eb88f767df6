using System.Text;
using Briefings.Errors;
using Briefings.Model;
using static Briefings.Rendering.Charts.SvgText;

namespace Briefings.Rendering.Charts;

/// <summary>Draws <see cref="Tenures"/>: a row per position, its name above its bar, a year axis below. Reported
/// bounds are solid; an unreported end fades (a gradient) inside a dashed outline, as the legend says.</summary>
internal static class TenuresSvg
{
    private const double Width = 400, Left = 4, Right = 8, Row = 38, Bar = 12, Axis = 22;

    public static ChartView View(Tenures data, string id)
    {
        const string title = "Who held which post, and when";
        int open = data.Rows.Count(r => r.From is null || r.Until is null);
        var summary = $"{Wording.Count(data.Rows.Count, "position")}: "
            + string.Join("; ", data.Rows.Select(r => $"{r.Label}, {Span(r)}")) + "."
            + (open > 0 ? " A fading end is one the sources do not report." : "");
        var rows = data.Rows.Select(r => (IReadOnlyList<string>)[r.Person, r.Title ?? "", r.From?.ToDisplay() ?? "not reported", r.Until?.ToDisplay() ?? "not reported"]).ToList();
        var legend = new List<LegendItem> { new("tenure-known", "Dates reported") };
        if (open > 0) legend.Add(new LegendItem("tenure-open", "Start or end not reported"));
        return new ChartView(id, title, summary, Draw(data, id, title, summary), legend,
            new ChartTable("Positions held, with the dates the sources give", ["Person", "Post", "From", "Until"], rows));
    }

    private static string Span(Tenure r) => (r.From, r.Until) switch
    {
        ({ } f, { } u) => $"{f.ToDisplay()} to {u.ToDisplay()}",
        ({ } f, null) => $"from {f.ToDisplay()}, end not reported",
        (null, { } u) => $"until {u.ToDisplay()}, start not reported",
        _ => "dates not reported",
    };

    private static string Draw(Tenures data, string id, string title, string summary)
    {
        double height = data.Rows.Count * Row + Axis + 4, plotW = Width - Left - Right;
        double perYear = plotW / (data.EndYear - data.FirstYear);
        double X(double year) => Left + (year - data.FirstYear) * perYear;

        var svg = Open(id, Width, height, title, summary);
        // Gradients for the faded ends; ids are the chart's, so two charts on a page never share one.
        svg.Append("<defs><linearGradient id=\"").Append(id).Append("-fade-out\"><stop offset=\"0\" class=\"stop-solid\"/><stop offset=\"1\" class=\"stop-clear\"/></linearGradient>")
            .Append("<linearGradient id=\"").Append(id).Append("-fade-in\"><stop offset=\"0\" class=\"stop-clear\"/><stop offset=\"1\" class=\"stop-solid\"/></linearGradient></defs>");
        double axisY = data.Rows.Count * Row + 2;
        int every = Step(data.EndYear - data.FirstYear, 8);
        for (int year = data.FirstYear; year <= data.EndYear; year += every)
        {
            Line(svg, "grid", X(year), 0, X(year), axisY);
            Text(svg, "tick", X(year), axisY + 16, N(year), year == data.FirstYear ? "start" : year + every > data.EndYear ? "end" : "middle");
        }
        Line(svg, "axis", Left, axisY, Width - Right, axisY);
        for (int i = 0; i < data.Rows.Count; i++)
        {
            var r = data.Rows[i];
            double top = i * Row;
            Text(svg, "label", Left, top + 14, r.Label, "start");
            double from = r.From is { } f ? YearOf(f.FirstDay()) : data.FirstYear;
            double until = r.Until is { } u ? YearOf(u.LastDay().AddDays(1)) : data.EndYear;
            double x = X(from), w = Math.Max(X(until) - x, 3), y = top + 20;
            if (r.From is not null && r.Until is not null) Rect(svg, "tenure-known", x, y, w, Bar);
            else
            {
                var fill = r.From is null && r.Until is null ? "none" : $"url(#{id}-fade-{(r.From is null ? "in" : "out")})";
                svg.Append("<rect class=\"tenure-open\" fill=\"").Append(fill).Append("\" x=\"").Append(N(x)).Append("\" y=\"").Append(N(y))
                    .Append("\" width=\"").Append(N(w)).Append("\" height=\"").Append(N(Bar)).Append("\"/>");
            }
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>A day as a fractional year: 1 July 2019 is about 2019.5.</summary>
    private static double YearOf(DateOnly day) => day.Year + (day.DayOfYear - 1) / (DateTime.IsLeapYear(day.Year) ? 366.0 : 365.0);
}
