using System.Globalization;
using AngleSharp.Dom;
using Briefings.Site;
using Briefings.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Briefings.Tests.Site;

/// <summary>The charts of the test site: their figures are those counted here from the front matter of
/// Site/TestSite (read with YamlDotNet, not with the code under test), the bars are drawn to those figures, and
/// each chart has a text alternative and a table.</summary>
public sealed class ChartTests(TestSiteBuild site) : IClassFixture<TestSiteBuild>
{
    /// <summary>Every event of every briefing file: its year and type.</summary>
    private static List<(int Year, string Type)> FixtureEvents() =>
        Files("briefings").SelectMany(doc => Seq(doc, "events").OfType<YamlMappingNode>())
            .Select(e => (int.Parse(Scalar(e, "date")![..4], CultureInfo.InvariantCulture), Scalar(e, "type")!)).ToList();

    /// <summary>Every position of every person file: institution, person's name, title, from and until.</summary>
    private static List<(string Institution, string Person, string? Title, string? From, string? Until)> FixturePositions() =>
        Files("people").SelectMany(doc => Seq(doc, "positions").OfType<YamlMappingNode>()
            .Select(p => (Scalar(p, "institution")!, Scalar(doc, "name")!, Scalar(p, "title"), Scalar(p, "from"), Scalar(p, "until")))).ToList();

    [Theory]
    [InlineData("/")]
    [InlineData("/timeline/")]
    public void The_archive_chart_counts_every_event_of_the_archive_by_year_and_type(string url)
    {
        var expected = FixtureEvents().GroupBy(e => e.Year).OrderBy(g => g.Key)
            .ToDictionary(g => g.Key.ToString(CultureInfo.InvariantCulture), g => g.GroupBy(e => e.Type).ToDictionary(t => Label(t.Key), t => t.Count()));
        Assert.Equal(5, expected.Values.Sum(v => v.Values.Sum())); // the test site has five events, in 2019 and 2024
        var chart = Chart(site.Page(url), "Events per year");
        Assert.Equal(expected, TableCounts(chart));
        AssertBarsDrawnTo(chart, FixtureEvents().GroupBy(e => e.Type).ToDictionary(g => g.Key, g => g.Count()));
    }

    /// <summary>An entity page's chart counts the events the same page lists, and every page listing events has one.</summary>
    [Fact]
    public void An_entity_chart_counts_the_events_its_page_lists()
    {
        int checkedPages = 0;
        foreach (var url in EntityUrls())
        {
            var page = site.Page(url);
            var listed = page.Section("Events").QuerySelectorAll("li.event")
                .Select(li => (Year: li.QuerySelector("time")!.GetAttribute("datetime")![..4], Type: li.QuerySelector(".badge")!.Text())).ToList();
            var figure = page.Section("Events").QuerySelector("figure.chart");
            if (listed.Count == 0) { Assert.Null(figure); continue; }
            Assert.NotNull(figure);
            var expected = listed.GroupBy(e => e.Year).ToDictionary(g => g.Key, g => g.GroupBy(e => e.Type).ToDictionary(t => t.Key, t => t.Count()));
            Assert.Equal(expected, TableCounts(figure!));
            checkedPages++;
        }
        Assert.True(checkedPages >= 8, $"only {checkedPages} entity pages with events");
    }

    [Theory]
    [InlineData("dprk-central-court")]
    [InlineData("dprk-central-public-prosecutors-office")]
    [InlineData("ministry-of-social-security")]
    [InlineData("russia-prosecutor-generals-office")]
    public void The_tenure_chart_shows_each_position_held_at_the_institution_with_its_reported_dates(string institution)
    {
        var positions = FixturePositions().Where(p => p.Institution == institution).ToList();
        Assert.NotEmpty(positions);
        var chart = Chart(site.Page($"/institutions/{institution}/"), "Who held which post");
        var rows = chart.QuerySelectorAll("table tbody tr").Select(tr => tr.Children.Select(c => c.Text()).ToList()).ToList();
        Assert.Equal(
            positions.Select(p => $"{p.Person}|{p.Title}|{Display(p.From)}|{Display(p.Until)}").Order(StringComparer.Ordinal),
            rows.Select(r => string.Join('|', r)).Order(StringComparer.Ordinal));
        // A bound the sources do not give is drawn as such: a dashed, fading bar, which the legend explains.
        var bars = chart.QuerySelectorAll("svg rect").ToList();
        Assert.Equal(positions.Count, bars.Count);
        int open = positions.Count(p => p.From is null || p.Until is null);
        Assert.Equal(open, bars.Count(b => b.ClassList.Contains("tenure-open")));
        Assert.Equal(positions.Count - open, bars.Count(b => b.ClassList.Contains("tenure-known")));
        if (open > 0) Assert.Contains("not reported", chart.QuerySelector(".chart-legend")!.Text());
    }

    [Fact]
    public void An_institution_where_no_one_held_a_post_has_no_tenure_chart()
    {
        Assert.DoesNotContain(FixturePositions(), p => p.Institution == "kcna");
        Assert.Null(site.Page("/institutions/kcna/").QuerySelector("#chart-tenures"));
    }

    /// <summary>Every chart of the site is an image with a name and a description (a network, whose dots are links,
    /// a group named and described the same way), a legend, and a table with a caption and headers; nothing in it
    /// loads from elsewhere or runs, and its only links are a network's, to pages of the site.</summary>
    [Fact]
    public void Every_chart_has_a_text_alternative_a_legend_and_a_table()
    {
        var figures = site.HtmlFiles().SelectMany(f => Html.Parse(File.ReadAllText(f)).QuerySelectorAll("figure.chart").Select(fig => (File: f, Figure: fig))).ToList();
        Assert.True(figures.Count >= 12, $"only {figures.Count} charts on the test site");
        foreach (var (file, figure) in figures)
        {
            var svg = figure.QuerySelector("svg")!;
            bool network = svg.GetAttribute("role") == "group";
            Assert.Equal(network ? "group" : "img", svg.GetAttribute("role"));
            var names = $"{svg.GetAttribute("aria-labelledby")} {svg.GetAttribute("aria-describedby")}".Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(id => svg.Owner!.GetElementById(id)).ToList();
            Assert.Equal(["title", "desc"], names.Select(n => n?.LocalName));
            Assert.All(names, n => Assert.True(n!.Text().Length > 10, $"{file}: an empty chart name"));
            Assert.All(names, n => Assert.Same(svg, n!.ParentElement));
            Assert.Empty(svg.QuerySelectorAll("script, image, use, foreignObject, [style]"));
            Assert.All(svg.QuerySelectorAll("[href]"), a =>
            {
                Assert.True(network && a.LocalName == "a", $"{file}: a link in a chart that is not a network's node: {a.OuterHtml}");
                Assert.Matches("^/(people|institutions)/[a-z0-9-]+/$", a.GetAttribute("href")!);
                Assert.False(string.IsNullOrWhiteSpace(a.GetAttribute("aria-label")), $"{file}: a node without a name");
            });
            if (network) Assert.NotEmpty(svg.QuerySelectorAll("a[href]"));
            Assert.NotEmpty(figure.QuerySelectorAll(".chart-legend .chart-key"));
            var table = figure.QuerySelector("details table")!;
            Assert.False(string.IsNullOrWhiteSpace(table.QuerySelector("caption")?.Text()), $"{file}: a chart table without caption");
            Assert.NotEmpty(table.QuerySelectorAll("thead th[scope=col]"));
            Assert.All(table.QuerySelectorAll("tbody tr"), tr => Assert.Equal("row", tr.Children[0].GetAttribute("scope")));
        }
    }

    /// <summary>A second build of the same archive writes every chart, and every page, in the same bytes.</summary>
    [Fact]
    public void Charts_are_the_same_bytes_in_a_second_build()
    {
        using var temp = new TempFolder();
        Assert.True(SiteBuilder.Build(new SiteBuilder.Options(site.InputDir, temp.Path, ThemeDir: RepoPaths.Theme)).Succeeded);
        var pages = SiteFiles.List(site.OutputDir).Where(f => f.EndsWith(".html", StringComparison.Ordinal)).ToList();
        Assert.Contains(pages, f => File.ReadAllText(Path.Combine(site.OutputDir, f)).Contains("<figure class=\"chart\"", StringComparison.Ordinal));
        Assert.Equal(pages, SiteFiles.List(temp.Path).Where(f => f.EndsWith(".html", StringComparison.Ordinal)));
        foreach (var f in pages)
            Assert.True(File.ReadAllBytes(Path.Combine(site.OutputDir, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(temp.Path, f))),
                $"{f} differs between two builds of the same input");
    }

    /// <summary>The bars: the height of each type's segments, in all, is its share of all the events.</summary>
    private static void AssertBarsDrawnTo(IElement chart, Dictionary<string, int> byType)
    {
        var heights = chart.QuerySelectorAll("svg rect").GroupBy(r => r.ClassName!)
            .ToDictionary(g => g.Key, g => g.Sum(r => double.Parse(r.GetAttribute("height")!, CultureInfo.InvariantCulture)));
        Assert.Equal(byType.Keys.Select(t => "type-" + t).Order(), heights.Keys.Order());
        double unit = heights.Values.Sum() / byType.Values.Sum();
        foreach (var (type, count) in byType)
            Assert.Equal(count * unit, heights["type-" + type], 1);
    }

    /// <summary>A chart's table as year → type label → count, leaving out the Total column and zeros.</summary>
    private static Dictionary<string, Dictionary<string, int>> TableCounts(IElement chart)
    {
        var head = chart.QuerySelectorAll("table thead th").Select(th => th.Text()).ToList();
        Assert.Equal("Year", head[0]);
        Assert.Equal("Total", head[^1]);
        var result = new Dictionary<string, Dictionary<string, int>>();
        foreach (var tr in chart.QuerySelectorAll("table tbody tr"))
        {
            var cells = tr.Children.Select(c => c.Text()).ToList();
            var counts = new Dictionary<string, int>();
            for (int i = 1; i < head.Count - 1; i++)
                if (int.Parse(cells[i], CultureInfo.InvariantCulture) is var n && n > 0) counts[head[i]] = n;
            Assert.Equal(counts.Values.Sum(), int.Parse(cells[^1], CultureInfo.InvariantCulture));
            result[cells[0]] = counts;
        }
        return result;
    }

    private static IElement Chart(IDocument page, string title)
    {
        var figure = page.QuerySelectorAll("figure.chart").FirstOrDefault(f => f.QuerySelector("figcaption")!.Text().StartsWith(title, StringComparison.Ordinal));
        Assert.True(figure is not null, $"no chart '{title}' on {page.Title}");
        return figure!;
    }

    private IEnumerable<string> EntityUrls() =>
        new[] { "countries", "institutions", "people", "agreements" }.SelectMany(kind =>
            Directory.EnumerateFiles(Path.Combine(site.InputDir, kind), "*.md").Order(StringComparer.Ordinal)
                .Select(f => $"/{kind}/{Path.GetFileNameWithoutExtension(f)}/"));

    // The event types of the test site as a reader sees them.
    private static string Label(string type) => char.ToUpperInvariant(type[0]) + type[1..];

    private static string Display(string? date) => date is null ? "not reported" : Model.PartialDate.Parse(date).ToDisplay();

    private static IEnumerable<YamlMappingNode> Files(string folder) =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.TestSite, folder), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => File.ReadAllText(f).Split("---\n")[1])
            .Select(yaml => { var s = new YamlStream(); s.Load(new StringReader(yaml)); return (YamlMappingNode)s.Documents[0].RootNode; });

    private static IEnumerable<YamlNode> Seq(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlSequenceNode seq ? seq.Children : [];

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? ((YamlScalarNode)node).Value : null;
}
