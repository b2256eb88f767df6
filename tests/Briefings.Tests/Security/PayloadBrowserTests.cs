using Briefings.Tests.Browser;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Briefings.Tests.Security;

/// <summary>Every page of the payload archive, opened in Chromium: no payload runs. A payload that runs opens a
/// dialog (alert, confirm, prompt), calls print() or sets window.__xss; each page is watched for all four, and for
/// leaving the page (a refresh or a script navigating away).
/// The first pass turns the Content-Security-Policy off, so it tests escaping and sanitising alone; the second
/// keeps the deployed policy on and counts what it had to refuse, which must be nothing.</summary>
[Collection(PayloadSiteCollection.Name)]
[Trait("Speed", "Slow")]
public sealed class PayloadBrowserTests(PayloadSite site, ITestOutputHelper output) : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private StaticServer? _server;

    // Runs before any page script: print() has no dialog in headless Chromium, so it sets the sentinel instead;
    // Content-Security-Policy refusals are counted where the page can see them.
    private const string Watch = """
        window.print = () => { window.__xss = "print"; };
        window.__cspRefusals = [];
        document.addEventListener("securitypolicyviolation", e => window.__cspRefusals.push(e.violatedDirective + " " + e.blockedURI));
        """;

    public async Task InitializeAsync()
    {
        Assert.True(site.Result.Succeeded, site.Errors);
        Assert.True(File.Exists(BrowserSite.ChromiumPath), $"no Chromium at {BrowserSite.ChromiumPath}: apt-get install -y chromium (the tests never download a browser)");
        _server = await StaticServer.StartAsync(site.OutputDir);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserSite.ChromiumPath,
            Headless = true,
            // No host but 127.0.0.1 resolves, so a request a payload makes elsewhere fails at once and reaches nobody.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
        });
    }

    // Every page, a section of the site per test case: a few thousand pages in one test ran longer than the test
    // host's hang limit (five minutes without a test ending) on a busy machine. "other" is every page of no named
    // section, so the cases together visit every page.
    private static readonly string[] Sections = ["briefings", "people", "institutions", "countries", "agreements"];
    public static TheoryData<string> SectionNames => new(Sections.Append("other"));

    [Theory]
    [MemberData(nameof(SectionNames))]
    public Task No_payload_runs_on_any_page_even_without_the_content_security_policy(string section) => VisitAll(section, bypassPolicy: true);

    [Theory]
    [MemberData(nameof(SectionNames))]
    public Task No_page_makes_the_content_security_policy_refuse_anything(string section) => VisitAll(section, bypassPolicy: false);

    /// <summary>Search results show titles and excerpts of pages full of payloads, drawn by the site's own script.</summary>
    [Fact]
    public async Task Search_results_full_of_payloads_run_nothing()
    {
        Assert.True(site.Result.Search is { Built: true }, "no search index: " + string.Join(" / ", site.Result.Search?.Messages ?? []));
        string[] queries = ["/search/?q=script", "/search/?q=onerror", "/search/?q=javascript", "/search/?q=svg", "/search/?q=7*7"];

        var ran = await Visit(_server!, queries, bypassPolicy: true, results: true);

        Assert.True(ran.Count == 0, string.Join('\n', ran.Select(r => $"{r.Url}: {r.What}")));
    }

    private async Task VisitAll(string section, bool bypassPolicy)
    {
        var urls = site.PageUrls().Where(u => SectionOf(u) == section).ToList();
        Assert.NotEmpty(urls);
        var ran = await Visit(_server!, urls, bypassPolicy);

        // The report: payloads tried and how many ran, by category.
        output.WriteLine($"{(bypassPolicy ? "without" : "with")} the Content-Security-Policy: {urls.Count} pages of {section}");
        foreach (var category in Payloads.Categories)
        {
            var tried = Payloads.All.Where(p => p.Category == category).ToList();
            int executed = tried.Count(p => ran.Any(r => PayloadSite.PayloadOf(r.Url) == p));
            output.WriteLine($"  {category,-20} tried {tried.Count,3}, ran {executed}");
        }
        output.WriteLine($"  list pages (many payloads each): ran {ran.Count(r => PayloadSite.PayloadOf(r.Url) is null)}");
        Assert.True(ran.Count == 0, $"{ran.Count} pages ran a payload:\n" + string.Join('\n', ran.Take(30).Select(r => $"{r.Url}: {r.What} ({PayloadSite.PayloadOf(r.Url)})")));
    }

    private static string SectionOf(string url)
    {
        var first = url.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return first is not null && Sections.Contains(first) ? first : "other";
    }

    /// <summary>The watch itself works: pages that do run code, each in one of the ways it looks for, are all caught.</summary>
    [Fact]
    public async Task The_watch_catches_code_that_runs()
    {
        using var temp = new Support.TempFolder();
        var pages = new Dictionary<string, string>
        {
            ["alert"] = "<script>alert(1)</script>",
            ["confirm"] = "<img src=x onerror=confirm(1)>",
            ["print"] = "<script>print()</script>",
            ["sentinel"] = "<svg onload=window.__xss=1>",
            ["refresh"] = "<meta http-equiv=refresh content=\"0;url=/alert/\">",
            ["outside"] = "<link rel=stylesheet href=https://evil.example/x.css>",
        };
        foreach (var (name, html) in pages)
        {
            Directory.CreateDirectory(temp[name]);
            File.WriteAllText(Path.Combine(temp[name], "index.html"), $"<!DOCTYPE html><html><head><title>{name}</title></head><body>{html}</body></html>");
        }
        await using var server = await StaticServer.StartAsync(temp.Path);

        var ran = await Visit(server, pages.Keys.Select(k => $"/{k}/").ToList(), bypassPolicy: true);

        Assert.Equal(pages.Keys.Select(k => $"/{k}/").Order(), ran.Select(r => r.Url).Distinct().Order());
    }

    /// <summary>Opens the pages, a few tabs at a time, and returns what ran on each.</summary>
    private async Task<List<(string Url, string What)>> Visit(StaticServer server, IReadOnlyList<string> urls, bool bypassPolicy, bool results = false)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BypassCSP = bypassPolicy }).WaitAsync(BrowserSite.Limit);
        await context.AddInitScriptAsync(Watch);
        const int Tabs = 3;
        var runs = await Task.WhenAll(Enumerable.Range(0, Tabs).Select(t =>
            VisitInTab(context, server, urls.Where((_, i) => i % Tabs == t).ToList(), bypassPolicy, results)));
        await context.CloseAsync().WaitAsync(BrowserSite.Limit);
        return runs.SelectMany(r => r).OrderBy(r => r.Url, StringComparer.Ordinal).ToList();
    }

    private static async Task<List<(string Url, string What)>> VisitInTab(IBrowserContext context, StaticServer server, IReadOnlyList<string> urls, bool bypassPolicy, bool results)
    {
        var page = await context.NewPageAsync().WaitAsync(BrowserSite.Limit);
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            lock (dialogs) dialogs.Add($"{dialog.Type}: {dialog.Message}");
            await dialog.DismissAsync();
        };
        // Nothing leaves 127.0.0.1: the browser resolves no other host (see InitializeAsync). An http(s) image is what
        // the URL policy allows in a body (and the reader's browser would fetch it); any other request elsewhere (a
        // script, a style, a frame, a form, a navigation) is a payload at work. Requests are watched, not intercepted:
        // routing every request through Playwright made each page cost about a second of CPU.
        var outside = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.StartsWith(server.Url.AbsoluteUri, StringComparison.Ordinal)) return;
            bool allowedImage = request.ResourceType == "image" && request.Url.StartsWith("https://", StringComparison.Ordinal);
            if (!allowedImage) lock (outside) outside.Add($"{request.ResourceType} {request.Url}");
        };
        // A page that leaves itself (a refresh, a script setting location) is caught by its navigation, which may
        // begin while the watch is being read: counting the main frame's navigations does not race with it.
        int navigations = 0;
        page.FrameNavigated += (_, frame) => { if (frame == page.MainFrame) Interlocked.Increment(ref navigations); };
        var ran = new List<(string Url, string What)>();
        foreach (var url in urls)
        {
            int dialogsBefore, outsideBefore;
            lock (dialogs) dialogsBefore = dialogs.Count;
            lock (outside) outsideBefore = outside.Count;
            var address = new Uri(server.Url, url).AbsoluteUri;
            // The search page is waited for by its results, not its load event (see BrowserPage.GoAsync).
            await page.GotoAsync(address, new PageGotoOptions { WaitUntil = results ? WaitUntilState.DOMContentLoaded : WaitUntilState.Load });
            int navigationsAfterLoad = Volatile.Read(ref navigations);
            if (results)
            {
                // The search page draws its results after loading its index; there must be some to draw.
                await page.WaitForFunctionAsync("() => document.querySelectorAll('#search-results li').length > 0", null,
                    new PageWaitForFunctionOptions { Timeout = 20_000 });
            }
            // Handlers such as onfocus, the onerror of images and refreshes fire just after load.
            await page.WaitForTimeoutAsync(results ? 300 : 50);
            var (sentinel, refusals, leaving) = await ReadWatch(page);
            lock (dialogs) if (dialogs.Count > dialogsBefore) ran.Add((url, "dialog: " + dialogs[^1]));
            if (sentinel is not null) ran.Add((url, $"window.__xss = {sentinel}"));
            if (leaving || page.Url != address || Volatile.Read(ref navigations) != navigationsAfterLoad)
                ran.Add((url, $"navigated to {page.Url}"));
            if (!bypassPolicy && refusals.Length > 0) ran.Add((url, "the policy refused " + string.Join("; ", refusals)));
            lock (outside) if (outside.Count > outsideBefore) ran.Add((url, "asked outside 127.0.0.1 for " + outside[^1]));
        }
        await page.CloseAsync().WaitAsync(BrowserSite.Limit);
        return ran;
    }

    /// <summary>The sentinel and the policy's refusals, or that the page left itself while they were read.</summary>
    private static async Task<(string? Sentinel, string[] Refusals, bool Leaving)> ReadWatch(IPage page)
    {
        try
        {
            var sentinel = await page.EvaluateAsync<string?>("() => window.__xss === undefined ? null : String(window.__xss)");
            var refusals = await page.EvaluateAsync<string[]>("() => window.__cspRefusals || []");
            return (sentinel, refusals, false);
        }
        catch (PlaywrightException e) when (e.Message.Contains("Execution context was destroyed", StringComparison.Ordinal))
        {
            // Polled in the page, not Playwright's load-state wait, which can miss a new document's events (see
            // BrowserPage.ArrivedAsync).
            await page.WaitForFunctionAsync("() => document.readyState !== 'loading'", null, new PageWaitForFunctionOptions { PollingInterval = 50 });
            return (null, [], true);
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync().WaitAsync(BrowserSite.Limit);
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }
}
