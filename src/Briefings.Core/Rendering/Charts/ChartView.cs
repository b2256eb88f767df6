namespace Briefings.Rendering.Charts;

// What the chart partial (theme/templates/partials/chart-figure.liquid) draws: the picture, a legend in text, and
// the same figures as a table, so a screen reader, a printer and a reader who cannot tell the colours apart all
// have them.

/// <summary>A chart made by the build: an inline SVG (its own <c>&lt;title&gt;</c> and <c>&lt;desc&gt;</c>),
/// its legend and its table. <see cref="Svg"/> is markup written by the chart's writer, every text in it escaped.</summary>
public sealed record ChartView(string Id, string Title, string Summary, string Svg, IReadOnlyList<LegendItem> Legend, ChartTable Table);

/// <summary>One entry of a legend: the CSS class that colours (or dashes) the marks, and what they mean.</summary>
public sealed record LegendItem(string Class, string Label);

/// <summary>The chart's figures: a header row, then rows whose first cell names the row.</summary>
public sealed record ChartTable(string Caption, IReadOnlyList<string> Head, IReadOnlyList<IReadOnlyList<string>> Rows);
