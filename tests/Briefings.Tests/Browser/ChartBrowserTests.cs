using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Briefings.Tests.Browser;

/// <summary>The pages with charts (and a briefing, for the look of prose), at a phone's width and a desktop's, in
/// light and dark colour schemes: no WCAG 2.2 AA problem axe finds (its target-size rule included), no sideways
/// scrolling, every chart drawn with its text alternative and its table, and the page's colours those of the scheme.</summary>
[Trait("Speed", "Slow")]
[Collection(BrowserCollection.Name)]
public sealed class ChartBrowserTests(BrowserSite site, ITestOutputHelper output)
{
    private static readonly string[] ChartPages =
        ["/", "/timeline/", "/institutions/dprk-central-court/", "/people/kang-yun-sok/", "/countries/north-korea/", "/network/",
         "/briefings/2019-06-14-court-delegation-to-china/"];

    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    public static TheoryData<string, int, ColorScheme> Pages()
    {
        var data = new TheoryData<string, int, ColorScheme>();
        foreach (var path in ChartPages)
            foreach (var width in new[] { BrowserSite.Phone, BrowserSite.Desktop })
                foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
                    data.Add(path, width, scheme);
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_page_with_charts_is_accessible_and_fits_the_screen_in_either_colour_scheme(string path, int width, ColorScheme scheme)
    {
        await using var page = await site.OpenAsync(width, scheme);
        var response = await page.GoAsync(path);
        Assert.Equal(200, response!.Status);

        var axe = await page.Page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } });
        foreach (var v in axe.Violations)
            output.WriteLine($"axe {v.Impact} {v.Id} on {path} at {width}px {scheme}: {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html).Take(3))}");
        Assert.Empty(axe.Violations.Select(v => $"{v.Impact} {v.Id}: {v.Help} ({v.Nodes.Length} elements, e.g. {v.Nodes[0].Html})"));

        var widths = await page.Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{path} at {width}px ({scheme}) scrolls sideways: {widths[0]}px in a {widths[1]}px window");

        // The charts are drawn (a box of some size, marks in it) and named; their tables are there to open. A network
        // is a group of links rather than an image, named by its title and described by its description.
        var charts = await page.Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll("figure.chart")].map(f => {
              const svg = f.querySelector("svg.chart-svg"), box = svg.getBoundingClientRect();
              const ids = ((svg.getAttribute("aria-labelledby") || "") + " " + (svg.getAttribute("aria-describedby") || "")).trim().split(/ +/);
              const names = ids.map(id => document.getElementById(id)?.textContent || "");
              return [box.width > 200 && box.height > 40, svg.querySelectorAll("rect, circle, path.arc").length > 0,
                      ids.length === 2 && names.every(n => n.length > 0) && ["img", "group"].includes(svg.getAttribute("role")),
                      f.querySelectorAll("details table tbody tr").length > 0].join(",");
            })
            """);
        Assert.All(charts, c => Assert.Equal("true,true,true,true", c));
        if (path != ChartPages[^1]) Assert.NotEmpty(charts);

        // The scheme reaches the page: a dark background in dark mode, a light one in light mode.
        var background = await page.Page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        var rgb = background[(background.IndexOf('(') + 1)..background.IndexOf(')')].Split(',').Select(x => int.Parse(x.Trim())).ToArray();
        Assert.True(scheme == ColorScheme.Dark ? rgb.Sum() < 150 : rgb.Sum() > 600, $"{path} in {scheme}: body background {background}");
        page.AssertNoErrors();

        if (Environment.GetEnvironmentVariable("BRIEFINGS_SCREENSHOTS") is { Length: > 0 } folder)
        {
            var name = string.Concat(path.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_')).Trim('_');
            var file = Path.Combine(folder, $"{(name.Length == 0 ? "home" : name)}-{width}-{scheme.ToString().ToLowerInvariant()}");
            await page.Page.ScreenshotAsync(new() { Path = file + ".png" });
            if (charts.Length > 0) await page.Page.Locator("figure.chart").First.ScreenshotAsync(new() { Path = file + "-chart.png" });
        }
    }

    /// <summary>A network's names are readable on a phone (issue 15: at 375 px the archive's were 6 px high, an
    /// entity's 9): every name drawn is at least 11 px once the chart is scaled to the screen; an entity's network
    /// names every entity, the archive's at least its most reported.</summary>
    [Theory]
    [InlineData("/network/", BrowserSite.Phone)]
    [InlineData("/network/", BrowserSite.Desktop)]
    [InlineData("/people/kang-yun-sok/", BrowserSite.Phone)]
    [InlineData("/institutions/dprk-central-court/", BrowserSite.Phone)]
    public async Task A_network_names_its_entities_in_letters_a_reader_can_read(string path, int width)
    {
        await using var page = await site.OpenAsync(width, ColorScheme.Light);
        Assert.Equal(200, (await page.GoAsync(path))!.Status);
        var names = await page.Page.EvaluateAsync<string[]>("""
            () => {
              const svg = document.querySelector("svg[aria-labelledby='chart-network-title']");
              const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
              const shown = [...svg.querySelectorAll("a > text")].filter(t => getComputedStyle(t).display !== "none")
                .map(t => `${(parseFloat(getComputedStyle(t).fontSize) * scale).toFixed(1)} ${t.textContent}`);
              return [`${svg.querySelectorAll("circle").length} nodes`, ...shown];
            }
            """);
        output.WriteLine(string.Join("\n", names));
        int nodes = int.Parse(names[0].Split(' ')[0]);
        names = names[1..];
        if (path == "/network/") Assert.True(names.Length >= Math.Min(nodes, 7), $"{path} at {width}px names {names.Length} of {nodes} entities");
        else Assert.Equal(nodes, names.Length);
        Assert.All(names, n => Assert.True(double.Parse(n[..n.IndexOf(' ')], System.Globalization.CultureInfo.InvariantCulture) >= 11, $"{path} at {width}px: {n}"));
        page.AssertNoErrors();
    }
}
