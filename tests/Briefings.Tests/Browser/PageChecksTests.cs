using Briefings.Tests.Support;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Xunit.Abstractions;

namespace Briefings.Tests.Browser;

/// <summary>Every page template of the test site, at a phone's width and a desktop's, in Chromium: no serious
/// or critical WCAG 2.1 AA problem that axe finds, no sideways scrolling, nothing in the console.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Speed", "Slow")]
public sealed class PageChecksTests(BrowserSite site, ITestOutputHelper output)
{
    /// <summary>A page drawn by each template (permalinks of the test site).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> PagesByTemplate = new Dictionary<string, string[]>
    {
        ["home"] = ["/"],
        ["briefings"] = ["/briefings/", "/briefings/2019/"],
        ["briefing"] = ["/briefings/2019-06-14-court-delegation-to-china/"],
        ["countries"] = ["/countries/"],
        ["country"] = ["/countries/north-korea/"],
        ["country-members"] = ["/countries/north-korea/people/"],
        ["institutions"] = ["/institutions/"],
        ["institution"] = ["/institutions/dprk-central-court/"],
        ["people"] = ["/people/"],
        ["person"] = ["/people/kang-yun-sok/"],
        ["agreements"] = ["/agreements/"],
        ["agreement"] = ["/agreements/dprk-china-court-mou-2019/"],
        ["timeline"] = ["/timeline/", "/timeline/type/delegation/"],
        ["entity-briefings"] = ["/people/kang-yun-sok/briefings/"],
        ["entity-events"] = ["/countries/north-korea/events/"],
        ["entity-agreements"] = ["/countries/north-korea/agreements/"],
        ["network"] = ["/network/"],
        ["tags"] = ["/tags/"],
        ["tag"] = ["/tags/courts/"],
        ["sources"] = ["/sources/"],
        ["publisher"] = ["/sources/publishers/example-wire/"],
        ["data"] = ["/data/"],
        ["corrections"] = ["/corrections/"],
        ["search"] = ["/search/", "/search/?q=Kang+Yun+Sok", "/search/?q=%EA%B0%95%EC%9C%A4%EC%84%9D&kind=Person"],
        // Served for any missing address, as Netlify does; a nested one shows the page's links still work there.
        ["404"] = ["/people/no-such-person/"],
    };

    /// <summary>Templates with nothing to look at: a redirect page is left at once.</summary>
    private static readonly string[] NotPages = ["layout", "redirect"];

    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
    private static readonly string[] Blocking = ["serious", "critical"];

    public static TheoryData<string, int> Pages()
    {
        var data = new TheoryData<string, int>();
        foreach (var path in PagesByTemplate.Values.SelectMany(p => p))
            foreach (var width in new[] { BrowserSite.Phone, BrowserSite.Desktop })
                data.Add(path, width);
        return data;
    }

    [Fact]
    public void Every_page_template_is_checked()
    {
        var templates = Directory.EnumerateFiles(Path.Combine(RepoPaths.Theme, "templates"), "*.liquid")
            .Select(Path.GetFileNameWithoutExtension).Except(NotPages).Order(StringComparer.Ordinal).ToList();
        Assert.Empty(templates.Except(PagesByTemplate.Keys).Except(EvidenceBrowserTests.PagesByTemplate.Keys));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_is_accessible_fits_the_screen_and_has_no_console_error(string path, int width)
    {
        await using var page = await site.OpenAsync(width);
        await CheckAsync(page, path, width, path.StartsWith("/people/no-such", StringComparison.Ordinal) ? 404 : 200, output);
    }

    /// <summary>Opens a page and asserts what every page must be: the status expected, no serious or critical axe
    /// violation, no sideways scrolling, nothing in the console. With BRIEFINGS_SCREENSHOTS set to a folder, saves a
    /// screenshot there to look at.</summary>
    internal static async Task CheckAsync(BrowserPage page, string path, int width, int status, ITestOutputHelper output)
    {
        var response = await page.GoAsync(path);
        Assert.NotNull(response);
        Assert.Equal(status, response!.Status);
        var axe = await page.Page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } });
        foreach (var v in axe.Violations)
            output.WriteLine($"axe {v.Impact} {v.Id} on {path} at {width}px: {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html).Take(3))}");
        output.WriteLine($"axe summary {path} {width}px: " + (axe.Violations.Length == 0 ? "no violations"
            : string.Join(", ", axe.Violations.GroupBy(v => v.Impact).Select(g => $"{g.Count()} {g.Key}"))));
        var blocking = axe.Violations.Where(v => Blocking.Contains(v.Impact)).Select(v => $"{v.Impact} {v.Id}: {v.Help} ({v.Nodes.Length} elements, e.g. {v.Nodes[0].Html})");
        Assert.Empty(blocking);

        var widths = await page.Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var (scrollWidth, innerWidth) = (widths[0], widths[1]);
        Assert.True(scrollWidth <= innerWidth, $"{path} at {width}px scrolls sideways: the page is {scrollWidth}px wide in a {innerWidth}px window");

        var errors = page.Errors.Where(e => !IsTheMissingPageItself(e, response.Status)).ToList();
        Assert.True(errors.Count == 0, $"errors in {path} at {width}px:\n" + string.Join("\n", errors));

        if (Environment.GetEnvironmentVariable("BRIEFINGS_SCREENSHOTS") is { Length: > 0 } folder)
        {
            var name = string.Concat(path.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_')).Trim('_');
            await page.Page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{(name.Length == 0 ? "home" : name)}-{width}.png") });
        }
    }

    /// <summary>Chromium reports a page served with status 404 in the console; that is the point of the 404 page.</summary>
    private static bool IsTheMissingPageItself(string error, int status) =>
        status == 404 && error.Contains("status of 404", StringComparison.Ordinal) && error.Contains("no-such-person", StringComparison.Ordinal);
}
