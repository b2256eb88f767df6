using Briefings.Tests.Site;
using Briefings.Tests.Support;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Briefings.Tests.Site.EvidenceSite;

namespace Briefings.Tests.Browser;

/// <summary>The evidence site (<see cref="EvidenceSite"/>) served and opened in Chromium.</summary>
public sealed class EvidenceBrowserSite : BrowserSite
{
    protected override SiteFixture CreateSite() => new EvidenceSiteBuild();
    protected override bool NeedsSearch => false;
}

[CollectionDefinition(Name)]
public sealed class EvidenceBrowserCollection : ICollectionFixture<EvidenceBrowserSite>
{
    public const string Name = "evidence browser";
}

/// <summary>A fact's address opened in a browser, as a journalist's link would open it: the fact highlighted and in
/// view, at a phone's width and a desktop's; the quote, the source page, the corrections page and the site's own
/// pages accessible, in the light colour scheme and the dark one.</summary>
[Trait("Speed", "Slow")]
[Collection(EvidenceBrowserCollection.Name)]
public sealed class EvidenceBrowserTests(EvidenceBrowserSite site, ITestOutputHelper output)
{
    /// <summary>The templates these tests check, which the real archive may not use (see PageChecksTests).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> PagesByTemplate = new Dictionary<string, string[]>
    {
        ["source"] = [Wire],
        ["corrections"] = ["/corrections/"],
        ["page"] = ["/about/", "/methodology/"],
        ["data"] = ["/data/"],
        ["briefing"] = [Exchange],
        ["person"] = [Official],
    };

    public static TheoryData<string, int, ColorScheme> Pages()
    {
        var data = new TheoryData<string, int, ColorScheme>();
        foreach (var path in PagesByTemplate.Values.SelectMany(p => p).Distinct())
            foreach (var width in new[] { BrowserSite.Phone, BrowserSite.Desktop })
                foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
                    data.Add(path, width, scheme);
        return data;
    }

    /// <summary>Quotes, corrections, conflict and confidence badges are drawn with the theme's colours, so axe's
    /// contrast rule holds in the dark scheme as in the light one.</summary>
    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_is_accessible_fits_the_screen_and_has_no_console_error(string path, int width, ColorScheme scheme)
    {
        await using var page = await site.OpenAsync(width, scheme);
        await PageChecksTests.CheckAsync(page, path, width, 200, output);
    }

    /// <summary>The last fact of the briefing, so that the page must scroll to it.</summary>
    private const string Address = Exchange + "#event-2020-05-03-signing";

    [Theory]
    [InlineData(BrowserSite.Phone, ColorScheme.Light)]
    [InlineData(BrowserSite.Desktop, ColorScheme.Light)]
    [InlineData(BrowserSite.Phone, ColorScheme.Dark)]
    [InlineData(BrowserSite.Desktop, ColorScheme.Dark)]
    public async Task Opening_a_fact_address_highlights_the_fact_and_shows_it(int width, ColorScheme scheme)
    {
        await using var page = await site.OpenAsync(width, scheme);
        await page.GoAsync(Address);
        var fact = await FactStateAsync(page, "event-2020-05-03-signing");
        Assert.True(fact.Target, "the fact is not the :target of its address");
        Assert.True(fact.InView, $"the fact is not in view at {width}px: top {fact.Top}, bottom {fact.Bottom}, window {fact.Height}, header ends at {fact.HeaderBottom}");
        Assert.NotEqual(fact.OtherBackground, fact.Background);
        Assert.NotEqual("none", fact.Outline);
        // The highlighted fact's text stays readable on its highlight, in either scheme.
        var axe = await page.Page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "rule", Values = ["color-contrast"] } });
        Assert.Empty(axe.Violations.SelectMany(v => v.Nodes).Select(n => $"{scheme}: {n.Html}"));
        page.AssertNoErrors();
    }

    [Theory]
    [InlineData(BrowserSite.Phone)]
    [InlineData(BrowserSite.Desktop)]
    public async Task The_link_to_a_fact_on_an_entity_page_opens_the_fact_at_its_address(int width)
    {
        await using var page = await site.OpenAsync(width);
        await page.GoAsync("/institutions/china-supreme-peoples-court/");
        var link = page.Page.Locator("[id='2020-05-04-evidence-court-exchange--event-2020-05-03-signing'] a.fact-link");
        Assert.StartsWith("Link to this fact", await link.InnerTextAsync());
        await link.ClickAsync();
        await page.ArrivedAsync(Exchange);
        Assert.EndsWith(Address, page.Page.Url, StringComparison.Ordinal);
        var fact = await FactStateAsync(page, "event-2020-05-03-signing");
        Assert.True(fact.Target && fact.InView, $"after the click the fact is target: {fact.Target}, in view: {fact.InView}");
        page.AssertNoErrors();
    }

    [Theory]
    [InlineData(BrowserSite.Phone)]
    [InlineData(BrowserSite.Desktop)]
    public async Task A_quote_is_visible_in_its_language_beside_its_translation(int width)
    {
        await using var page = await site.OpenAsync(width);
        await page.GoAsync(Exchange);
        var quote = page.Page.Locator("#court-exchange-talks figure.quote");
        Assert.True(await quote.IsVisibleAsync());
        Assert.Equal("ko", await quote.Locator("blockquote").GetAttributeAsync("lang"));
        Assert.Equal(TalksQuote, (await quote.Locator("blockquote").InnerTextAsync()).Trim());
        Assert.Contains(TalksTranslation, await quote.Locator(".translation").InnerTextAsync());
        var box = await quote.BoundingBoxAsync();
        Assert.True(box is not null && box.Width <= width, $"the quote is {box?.Width}px wide in a {width}px window");
    }

    private sealed record FactState(bool Target, bool InView, double Top, double Bottom, double Height, double HeaderBottom,
        string Background, string OtherBackground, string Outline);

    /// <summary>Whether the element is the page's :target, where it is in the window (below a sticky header, if the
    /// header sticks), and how it is drawn beside another fact of the page.</summary>
    private static async Task<FactState> FactStateAsync(BrowserPage page, string id)
    {
        // Scrolling to the target happens after load; wait for it to settle.
        await page.Page.WaitForFunctionAsync("id => document.getElementById(id) && document.getElementById(id).matches(':target')", id);
        await page.Page.WaitForTimeoutAsync(100);
        var values = await page.Page.EvaluateAsync<System.Text.Json.JsonElement>("""
            id => {
              const el = document.getElementById(id);
              const r = el.getBoundingClientRect();
              const header = document.querySelector('.site-header');
              const position = header ? getComputedStyle(header).position : 'static';
              const headerBottom = header && (position === 'sticky' || position === 'fixed') ? header.getBoundingClientRect().bottom : 0;
              const other = [...document.querySelectorAll('.fact')].find(f => f !== el);
              const style = getComputedStyle(el);
              return {
                target: el.matches(':target'),
                inView: r.top >= headerBottom - 1 && r.top < innerHeight && r.bottom > 0,
                top: r.top, bottom: r.bottom, height: innerHeight, headerBottom,
                background: style.backgroundColor,
                other: other ? getComputedStyle(other).backgroundColor : '',
                outline: style.outlineStyle,
              };
            }
            """, id);
        return new FactState(values.GetProperty("target").GetBoolean(), values.GetProperty("inView").GetBoolean(),
            values.GetProperty("top").GetDouble(), values.GetProperty("bottom").GetDouble(), values.GetProperty("height").GetDouble(),
            values.GetProperty("headerBottom").GetDouble(), values.GetProperty("background").GetString()!,
            values.GetProperty("other").GetString()!, values.GetProperty("outline").GetString()!);
    }
}
