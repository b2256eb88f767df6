using AngleSharp.Dom;
using Briefings.Site;
using Briefings.Tests.Support;

namespace Briefings.Tests.Security;

/// <summary>The payload archive (<see cref="PayloadArchive"/>), built once with the checkout's theme for the tests of
/// the collection: the page checks and the browser.</summary>
public sealed class PayloadSite : IDisposable
{
    private readonly TempFolder _temp = new();

    public string InputDir => _temp["input"];
    public string OutputDir => _temp["site"];
    public SiteBuilder.Result Result { get; }

    public PayloadSite()
    {
        Directory.CreateDirectory(InputDir);
        PayloadArchive.Write(InputDir, Payloads.All);
        Result = SiteBuilder.Build(new SiteBuilder.Options(InputDir, OutputDir, ThemeDir: RepoPaths.Theme));
    }

    /// <summary>The build's errors, one a line, or empty.</summary>
    public string Errors => string.Join('\n', Result.Loaded.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()));

    /// <summary>Site URLs of every HTML page, in ordinal order ("/", "/people/p-1/", "/404.html").</summary>
    public IReadOnlyList<string> PageUrls() =>
        SiteFiles.List(OutputDir).Where(f => f.EndsWith(".html", StringComparison.Ordinal))
            .Select(f => "/" + (f.EndsWith("index.html", StringComparison.Ordinal) ? f[..^"index.html".Length] : f)).ToList();

    public IDocument Page(string url) => Html.Parse(File.ReadAllText(SiteFiles.FileOf(OutputDir, url)));

    /// <summary>The payload a page was made for (from "/briefings/b-12/" or "/people/p-12/"), or null for the pages of
    /// lists, which show many.</summary>
    public static Payload? PayloadOf(string url)
    {
        var segments = url.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2) return null;
        var id = segments[1];
        int dash = id.LastIndexOf('-');
        return dash > 0 && int.TryParse(id.AsSpan(dash + 1), out int n) && n >= 1 && n <= Payloads.All.Count ? Payloads.All[n - 1] : null;
    }

    public void Dispose() => _temp.Dispose();
}

[CollectionDefinition(Name)]
public sealed class PayloadSiteCollection : ICollectionFixture<PayloadSite>
{
    public const string Name = "payload site";
}
