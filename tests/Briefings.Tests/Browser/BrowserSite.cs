using Briefings.Tests.Support;
using Microsoft.Playwright;

namespace Briefings.Tests.Browser;

/// <summary>The test site with the search tests' own files (Browser/SearchSite), built once with its search index, served on 127.0.0.1 and opened in Debian's
/// Chromium through Playwright. Playwright never downloads a browser here: the tests use /usr/bin/chromium and
/// fail, with a message saying what to install, when it is not there.</summary>
public class BrowserSite : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const int Phone = 375;
    public const int Desktop = 1280;

    /// <summary>Playwright gives opening and closing a context or a page no timeout of its own; a browser that
    /// stopped answering once hung a whole test run (a fresh clone, stop 10). Now that is a failed test.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private StaticServer? _server;

    public SiteFixture Site { get; private set; } = null!;

    /// <summary>The site to serve: the test site with the search tests' files, unless a subclass serves another.</summary>
    protected virtual SiteFixture CreateSite() => new SearchTestSite();
    /// <summary>Whether the pages name an icon (<c>&lt;link rel="icon"&gt;</c>).</summary>
    /// <summary>Whether the tests of this site search it: only then must the build have written an index.</summary>
    protected virtual bool NeedsSearch => true;

    public bool NamesAnIcon { get; private set; }
    public Uri Url => _server!.Url;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath),
            $"no Chromium at {ChromiumPath}: the browser tests need Debian's package (`apt-get install -y chromium`, as .ci/run does); they never download a browser");
        Site = CreateSite();
        Assert.True(!NeedsSearch || Site.Result.Search is { Built: true },
            "the build wrote no search index, so search cannot be tested: " + string.Join(" / ", Site.Result.Search?.Messages ?? ["no search outcome"]));
        NamesAnIcon = Site.Page("/").QuerySelector("link[rel~='icon']") is not null;
        _server = await StaticServer.StartAsync(Site.OutputDir);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    /// <summary>A fresh page (its own context: no history, no cache) at a viewport width, recording the console
    /// errors and uncaught exceptions the page causes.</summary>
    public async Task<BrowserPage> OpenAsync(int width, ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = width < 600 ? 812 : 900 },
            ReducedMotion = ReducedMotion.Reduce,
            ColorScheme = colorScheme,
        }).WaitAsync(Limit);
        var page = await context.NewPageAsync().WaitAsync(Limit);
        return new BrowserPage(this, context, page);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync().WaitAsync(Limit);
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        (Site as IDisposable)?.Dispose();
    }
}

/// <summary>One open page and what went wrong in it.</summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly BrowserSite _site;
    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];

    public IPage Page { get; }

    /// <summary>Console errors (a script error, a resource that failed, a Content-Security-Policy refusal) and
    /// uncaught exceptions, with where they came from.</summary>
    public IReadOnlyList<string> Errors
    {
        get { lock (_errors) return _errors.ToList(); }
    }

    public BrowserPage(BrowserSite site, IBrowserContext context, IPage page)
    {
        _site = site;
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !IsDefaultIconRequest(message.Location))
                lock (_errors) _errors.Add($"console error: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => { lock (_errors) _errors.Add($"uncaught: {error}"); };
    }

    /// <summary>Chromium asks for /favicon.ico, some time after a page loads, when the page names no icon; the
    /// site has none yet, so whether that 404 is logged depends on timing. An icon the page does name is not excused.</summary>
    private bool IsDefaultIconRequest(string location) =>
        !_site.NamesAnIcon && location.StartsWith(new Uri(_site.Url, "/favicon.ico").AbsoluteUri + ":", StringComparison.Ordinal);

    public void AssertNoErrors()
    {
        var errors = Errors;
        Assert.True(errors.Count == 0, $"{errors.Count} errors in {Page.Url}:\n" + string.Join("\n", errors));
    }

    /// <summary>Goes to a site path ("/people/x/") and waits until the page and its scripts have loaded. The
    /// search page is waited for by its document and then its answer: its load event has been seen (rarely, and
    /// only on a loaded machine) never to fire while the Pagefind module loads, and the answer is what counts.</summary>
    public async Task<IResponse?> GoAsync(string path)
    {
        bool search = path.StartsWith("/search/", StringComparison.Ordinal);
        var response = await Page.GotoAsync(new Uri(_site.Url, path).AbsoluteUri,
            new PageGotoOptions { WaitUntil = search ? WaitUntilState.DOMContentLoaded : WaitUntilState.Load });
        if (search) await SearchDoneAsync();
        return response;
    }

    /// <summary>Waits until the page shows <paramref name="pathAndQuery"/> ("/people/x/") and has loaded, by asking
    /// the page itself. Playwright's own wait after a click or a key (WaitForURL with a load state) reads the load
    /// states its client keeps from the browser's events, and on a loaded machine it missed a new document's
    /// "domcontentloaded": the wait timed out with the page long there ("load" logged; CI of stops 9 and 10). A
    /// function polled in the page is run again in each new document, so it cannot miss one.</summary>
    public Task ArrivedAsync(string pathAndQuery) => pathAndQuery.StartsWith("/search/", StringComparison.Ordinal)
        ? SearchDoneAsync()
        : Page.WaitForFunctionAsync(
            "wanted => location.pathname + location.search === wanted && document.readyState === 'complete'",
            pathAndQuery, new PageWaitForFunctionOptions { PollingInterval = 50 });

    /// <summary>Waits until the search page has said what it found (or that it cannot search); polled in the page
    /// like <see cref="ArrivedAsync"/>, so it may start before the search page is there.</summary>
    public Task SearchDoneAsync() => Page.WaitForFunctionAsync(
        """
        () => {
          if (location.pathname !== "/search/" || !document.getElementById("search-status")) return false;
          const status = document.getElementById("search-status").textContent;
          const asked = [...new URLSearchParams(location.search).values()].some(v => v);
          if (!asked) return document.getElementById("search-fallback").hidden || status;
          return status && status !== "Searching…";
        }
        """,
        null, new PageWaitForFunctionOptions { Timeout = 15_000, PollingInterval = 50 });

    /// <summary>Site paths ("/people/x/") of the search results, in order.</summary>
    public async Task<IReadOnlyList<string>> ResultPathsAsync() =>
        (await Page.Locator("#search-results li h2 a").EvaluateAllAsync<string[]>("links => links.map(a => new URL(a.href).pathname)")).ToList();

    public async ValueTask DisposeAsync() => await _context.CloseAsync().WaitAsync(BrowserSite.Limit);
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSite>
{
    public const string Name = "browser";
}

/// <summary>The test site with the files only the search tests need (Browser/SearchSite) added, built with its
/// search index.</summary>
/// <remarks>Its index is made in bundles of <see cref="BundlePages"/> pages, as a large archive's is, so that every
/// search test searches the bundles merged: briefings are in the first bundle, people in the last.</remarks>
public sealed class SearchTestSite() : SiteFixture(Prepare(), search: true, searchBundlePages: BundlePages)
{
    public const int BundlePages = 8;

    private static string Prepare()
    {
        var input = Path.Combine(Path.GetTempPath(), $"briefings-search-site-{Guid.NewGuid():N}");
        TempFolder.Copy(RepoPaths.TestSite, input);
        TempFolder.Copy(Path.Combine(RepoPaths.Root, "tests", "Briefings.Tests", "Browser", "SearchSite"), input);
        return input;
    }

    public override void Dispose()
    {
        base.Dispose();
        Directory.Delete(InputDir, recursive: true);
    }
}
