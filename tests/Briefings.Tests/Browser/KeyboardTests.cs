using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Briefings.Tests.Browser;

/// <summary>The site with a keyboard alone, as someone who cannot use a mouse reaches it: every stop visibly
/// focused, the skip link first, the search box reachable, a search answered with links to follow.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Speed", "Slow")]
public sealed class KeyboardTests(BrowserSite site, ITestOutputHelper output)
{
    private const int MaxTabs = 60;

    [Theory]
    [InlineData(BrowserSite.Phone)]
    [InlineData(BrowserSite.Desktop)]
    public async Task The_skip_link_comes_first_and_leads_past_the_header(int width)
    {
        await using var page = await site.OpenAsync(width);
        await page.GoAsync("/");

        var first = await TabAsync(page.Page);
        Assert.True(first.Classes.Contains("skip-link"), $"the first Tab stop is {first}, not the skip link");
        AssertVisible(first);

        await page.Page.Keyboard.PressAsync("Enter");
        var afterSkip = await TabAsync(page.Page);
        Assert.True(afterSkip.InMain, $"after the skip link, Tab goes to {afterSkip}, not into the main content");
        AssertVisible(afterSkip);
        page.AssertNoErrors();
    }

    [Theory]
    [InlineData(BrowserSite.Phone)]
    [InlineData(BrowserSite.Desktop)]
    public async Task The_search_box_and_a_result_are_reached_with_the_keyboard(int width)
    {
        await using var page = await site.OpenAsync(width);
        await page.GoAsync("/people/");

        var box = await TabUntilAsync(page.Page, f => f.Id == "site-search-q", "the search box in the header");
        Assert.Equal("input", box.Tag);

        await page.Page.Keyboard.TypeAsync("Kang Yun Sok");
        await page.Page.Keyboard.PressAsync("Enter");
        await page.SearchDoneAsync();
        Assert.Contains("/search/?q=Kang", page.Page.Url, StringComparison.Ordinal);
        Assert.NotEmpty(await page.ResultPathsAsync());

        var result = await TabUntilAsync(page.Page, f => f.InResults && f.Tag == "a", "a search result");
        await page.Page.Keyboard.PressAsync("Enter");
        await page.ArrivedAsync(result.Href!);
        page.AssertNoErrors();
    }

    /// <summary>Presses Tab until the focus is on what is wanted, checking that each stop on the way is visibly focused.</summary>
    private async Task<Focus> TabUntilAsync(IPage page, Func<Focus, bool> wanted, string what)
    {
        var stops = new List<Focus>();
        for (int i = 0; i < MaxTabs; i++)
        {
            var focus = await TabAsync(page);
            stops.Add(focus);
            AssertVisible(focus);
            if (wanted(focus))
            {
                output.WriteLine($"{what}: reached in {stops.Count} Tab presses: {string.Join(" → ", stops)}");
                return focus;
            }
        }
        Assert.Fail($"{MaxTabs} Tab presses did not reach {what}; the stops were {string.Join(" → ", stops)}");
        return null!;
    }

    private static async Task<Focus> TabAsync(IPage page)
    {
        await page.Keyboard.PressAsync("Tab");
        return Focus.From(await page.EvaluateAsync<JsonElement>(Focus.Script));
    }

    /// <summary>A focus a sighted keyboard user can see: an outline of at least 2px (or a shadow) on an element that
    /// is on the screen.</summary>
    private static void AssertVisible(Focus f)
    {
        Assert.True(f.Outlined, $"{f} has no visible focus indicator (outline {f.Outline})");
        Assert.True(f.OnScreen, $"{f} is focused but not on the screen");
    }

    private sealed record Focus(string Tag, string Id, string Classes, string? Href, string Text, string Outline, bool Outlined, bool OnScreen, bool InMain, bool InResults)
    {
        public const string Script = """
            () => {
              const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
              return {
                tag: e.tagName.toLowerCase(), id: e.id, classes: typeof e.className === "string" ? e.className : "",
                href: e.getAttribute("href"), text: (e.textContent || e.value || "").trim().slice(0, 40),
                outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
                outlined: (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== "none",
                onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
                inMain: !!e.closest("main"), inResults: !!e.closest("#search-results"),
              };
            }
            """;

        public static Focus From(JsonElement j) => new(
            j.GetProperty("tag").GetString()!, j.GetProperty("id").GetString()!, j.GetProperty("classes").GetString()!,
            j.GetProperty("href").GetString(), j.GetProperty("text").GetString()!, j.GetProperty("outline").GetString()!,
            j.GetProperty("outlined").GetBoolean(), j.GetProperty("onScreen").GetBoolean(),
            j.GetProperty("inMain").GetBoolean(), j.GetProperty("inResults").GetBoolean());

        public override string ToString() => $"<{Tag}{(Id.Length > 0 ? "#" + Id : "")}{(Classes.Length > 0 ? "." + Classes.Replace(' ', '.') : "")}> “{Text}”";
    }
}
