using System.Text.RegularExpressions;
using Briefings.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Briefings.Tests.Browser;

/// <summary>/search/ in Chromium, on the Pagefind index of the test site: a reader finds a person by any
/// spelling of the name, in Hangul, or a briefing by a word of its text, and narrows by kind, country and year.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Speed", "Slow")]
public sealed partial class SearchTests(BrowserSite site, ITestOutputHelper output)
{
    /// <summary>How far down the list the right page may be and still count as found at a glance.</summary>
    private const int TopResults = 3;

    public static TheoryData<string, string, string> Queries() => new()
    {
        { "a romanized name", "Kang Yun Sok", "/people/kang-yun-sok/" },
        { "a Hangul name", "강윤석", "/people/kang-yun-sok/" },
        { "an alias", "Kim Myong-gil", "/people/kim-myong-gil/" },
        { "a word written only in an alias", "Myonggil", "/people/kim-myong-gil/" },
        { "an institution's native name", "국가보위성", "/institutions/dprk-ministry-of-state-security/" },
        { "a word of a briefing's body", "programme", "/briefings/2019-11-02-security-ministry-talks/" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Search_finds_the_page(string what, string query, string expected)
    {
        await using var page = await site.OpenAsync(BrowserSite.Desktop);
        await page.GoAsync("/search/?q=" + Uri.EscapeDataString(query));
        var results = await page.ResultPathsAsync();
        output.WriteLine($"{what}: “{query}” → {await page.Page.Locator("#search-status").TextContentAsync()}: {string.Join(", ", results)}");

        Assert.Contains(expected, results.Take(TopResults));
        Assert.All(results, r => Assert.Matches(DocumentPage(), r));
        Assert.Equal(query, await page.Page.InputValueAsync("#search-q"));
        // The hit is shown in context, marked.
        var marked = await page.Page.Locator("#search-results li").First.Locator("mark").AllTextContentsAsync();
        Assert.NotEmpty(marked);

        await page.Page.Locator($"#search-results a[href='{expected}']").ClickAsync();
        await page.ArrivedAsync(expected);
        page.AssertNoErrors();
    }

    [Fact]
    public async Task Filters_narrow_the_results_by_kind_country_and_year()
    {
        await using var page = await site.OpenAsync(BrowserSite.Desktop);
        await page.GoAsync("/search/?q=court&kind=Briefing&year=2019");
        var briefings2019 = await page.ResultPathsAsync();
        output.WriteLine($"court, Briefing, 2019 → {string.Join(", ", briefings2019)}");
        Assert.NotEmpty(briefings2019);
        Assert.All(briefings2019, r => Assert.StartsWith("/briefings/2019-", r));
        Assert.Equal("Briefing", await page.Page.InputValueAsync("#search-filter-kind"));
        Assert.Equal("2019", await page.Page.InputValueAsync("#search-filter-year"));

        // With no words at all, the filters alone list what they match.
        await page.GoAsync("/search/?kind=Person&country=Russia");
        var russians = await page.ResultPathsAsync();
        output.WriteLine($"Person, Russia → {string.Join(", ", russians)}");
        Assert.Contains("/people/igor-krasnov/", russians);
        Assert.All(russians, r => Assert.StartsWith("/people/", r));
        Assert.DoesNotContain("/people/kang-yun-sok/", russians);
        page.AssertNoErrors();
    }

    /// <summary>What the script adds once the index has loaded (the filters in place of the no-script note, then the
    /// results) moves nothing a reader already sees: Chromium's own layout-shift entries, read after two frames. The
    /// footer moved by 0.11 on the empty page and 0.21 with results, costing 3 and 10 Lighthouse points.</summary>
    [Theory]
    [InlineData(BrowserSite.Phone, "/search/")]
    [InlineData(BrowserSite.Phone, "/search/?q=court")]
    [InlineData(BrowserSite.Desktop, "/search/?q=court")]
    public async Task Nothing_on_the_search_page_moves_once_the_index_has_loaded(int width, string path)
    {
        await using var page = await site.OpenAsync(width);
        await page.GoAsync(path);
        var shifts = await page.Page.EvaluateAsync<double[]>(
            """
            () => new Promise(resolve => {
              const values = [];
              const observer = new PerformanceObserver(list => { for (const e of list.getEntries()) values.push(e.value); });
              observer.observe({ type: "layout-shift", buffered: true });
              requestAnimationFrame(() => requestAnimationFrame(() => {
                for (const e of observer.takeRecords()) values.push(e.value);
                observer.disconnect();
                resolve(values);
              }));
            })
            """);
        output.WriteLine($"{path} at {width} px: layout shifts [{string.Join(", ", shifts)}]");
        Assert.True(await page.Page.Locator("#search-fallback").IsHiddenAsync(), "the index loaded");
        Assert.Equal(0, shifts.Sum(), 3);
        page.AssertNoErrors();
    }

    [Fact]
    public async Task A_search_that_finds_nothing_says_so()
    {
        await using var page = await site.OpenAsync(BrowserSite.Phone);
        await page.GoAsync("/search/?q=zzzyxq");
        Assert.Empty(await page.ResultPathsAsync());
        Assert.StartsWith("No results for “zzzyxq”", await page.Page.Locator("#search-status").TextContentAsync());
        page.AssertNoErrors();
    }

    /// <summary>The index is made in bundles (<see cref="SearchTestSite.BundlePages"/> pages each): a search finds the
    /// pages of the first bundle and of the last, merged, and the filters count the pages of every bundle.</summary>
    [Fact]
    public async Task Search_finds_pages_of_every_bundle_and_the_filters_count_them_all()
    {
        var merged = PagefindBundles.Merged(site.Site.OutputDir);
        Assert.NotEmpty(merged);
        var bundles = new[] { "/pagefind/" }.Concat(merged).ToList();
        var held = bundles.Select(b => PagefindBundles.Fragments(site.Site.OutputDir, b)).ToList();
        Assert.All(held, h => Assert.InRange(h.Count, 1, SearchTestSite.BundlePages));

        await using var page = await site.OpenAsync(BrowserSite.Desktop);
        foreach (var bundle in new[] { held[0], held[^1] })
        {
            // A page of the bundle, found by its title.
            var fragment = bundle.OrderBy(f => f.GetProperty("url").GetString(), StringComparer.Ordinal).First();
            var (url, title) = (fragment.GetProperty("url").GetString()!, fragment.GetProperty("meta").GetProperty("title").GetString()!);
            await page.GoAsync("/search/?q=" + Uri.EscapeDataString(title));
            var results = await page.ResultPathsAsync();
            output.WriteLine($"“{title}” → {string.Join(", ", results)}");
            Assert.Contains(url, results.Take(TopResults));
        }

        // The kind filter counts the people of every bundle, not those of the first alone.
        static int People(List<System.Text.Json.JsonElement> fragments) => fragments.Count(f => f.TryGetProperty("filters", out var filters)
            && filters.TryGetProperty("kind", out var kind) && kind.EnumerateArray().Any(k => k.GetString() == "Person"));
        int people = held.Sum(People);
        Assert.True(people > People(held[0]), "the people are all in the first bundle: the test would not see a merge fail");
        var options = await page.Page.Locator("#search-filter-kind option").AllTextContentsAsync();
        Assert.Contains($"Person ({people})", options);
        page.AssertNoErrors();
    }

    /// <summary>A bundle with no page that has one of the words would, searched on its own, ignore that word and list
    /// its pages that have the others: merged, every result has every word, as with one index of the whole site.</summary>
    [Fact]
    public async Task Every_result_of_merged_bundles_has_every_word()
    {
        var bundles = new[] { "/pagefind/" }.Concat(PagefindBundles.Merged(site.Site.OutputDir)).ToList();
        var held = bundles.Select(b => PagefindBundles.Fragments(site.Site.OutputDir, b)).ToList();
        var content = held.SelectMany(h => h).ToDictionary(f => f.GetProperty("url").GetString()!, f => f.GetProperty("content").GetString()!.ToLowerInvariant());
        bool Has(System.Text.Json.JsonElement f, string word) => f.GetProperty("content").GetString()!.Contains(word, StringComparison.OrdinalIgnoreCase);
        // The case the test is about: a bundle without "programme" that has pages with "security".
        Assert.Contains(held, h => !h.Any(f => Has(f, "programme")) && h.Any(f => Has(f, "security")));

        await using var page = await site.OpenAsync(BrowserSite.Desktop);
        await page.GoAsync("/search/?q=" + Uri.EscapeDataString("programme security"));
        var results = await page.ResultPathsAsync();
        output.WriteLine($"programme security → {string.Join(", ", results)}");
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Contains("programme", content[r], StringComparison.Ordinal));
        Assert.All(results, r => Assert.Contains("security", content[r], StringComparison.Ordinal));
        page.AssertNoErrors();
    }

    /// <summary>Only briefings and entity pages are indexed: not the lists, the timeline, the search page or the 404.</summary>
    [GeneratedRegex("^/(briefings/[0-9]{4}-[a-z0-9-]+|people/[a-z0-9-]+|institutions/[a-z0-9-]+|countries/[a-z0-9-]+|agreements/[a-z0-9-]+)/$")]
    private static partial Regex DocumentPage();
}
