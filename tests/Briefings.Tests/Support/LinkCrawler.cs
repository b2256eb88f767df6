using AngleSharp.Dom;

namespace Briefings.Tests.Support;

/// <summary>A link of a built site that leads nowhere: the page it is on, where it points, and why it fails.</summary>
public sealed record BrokenLink(string Page, string Href, string Problem)
{
    public override string ToString() => $"{Page}: {Href} ({Problem})";
}

/// <summary>Follows every internal link of a built site, offline: each must lead to a file of the output and,
/// with a #fragment, to an element with that id in the target page. Internal means root-relative, same-page,
/// relative, or absolute on the site's own base URL (canonical links, "cite this page").</summary>
public sealed class LinkCrawler
{
    private static readonly Uri Local = new("https://site.invalid/");
    private readonly string _outputDir;
    private readonly Uri? _baseUrl;
    private readonly Dictionary<string, IDocument?> _parsed = new(StringComparer.Ordinal);

    public LinkCrawler(string outputDir, string? baseUrl = null)
    {
        _outputDir = outputDir;
        _baseUrl = baseUrl is null ? null : new Uri(baseUrl.TrimEnd('/') + "/");
    }

    /// <summary>How many links were followed, to show the crawl did something.</summary>
    public int Followed { get; private set; }

    public IReadOnlyList<BrokenLink> Crawl()
    {
        var broken = new List<BrokenLink>();
        foreach (var file in SiteFiles.List(_outputDir).Where(f => f.EndsWith(".html", StringComparison.Ordinal)))
        {
            var pageUrl = "/" + (file.EndsWith("index.html", StringComparison.Ordinal) ? file[..^"index.html".Length] : file);
            var page = Load(pageUrl)!;
            foreach (var href in Links(page))
            {
                if (Internal(pageUrl, href) is not { } target) continue;
                Followed++;
                if (Problem(target) is { } problem) broken.Add(new BrokenLink(pageUrl, href, problem));
            }
        }
        return broken;
    }

    private static IEnumerable<string> Links(IDocument page) =>
        page.QuerySelectorAll("[href]").Select(e => e.GetAttribute("href")!)
            .Concat(page.QuerySelectorAll("[src]").Select(e => e.GetAttribute("src")!))
            .Concat(page.QuerySelectorAll("form[action]").Select(e => e.GetAttribute("action")!));

    /// <summary>The link as a URL of this site, or null when it points elsewhere.</summary>
    private Uri? Internal(string pageUrl, string href)
    {
        href = href.Trim();
        if (_baseUrl is not null && href.StartsWith(_baseUrl.AbsoluteUri, StringComparison.Ordinal))
            href = "/" + href[_baseUrl.AbsoluteUri.Length..];
        if (!Uri.TryCreate(new Uri(Local, pageUrl), href, out var url)) return new Uri(Local, "/unparsable-link");
        return url.Scheme == Local.Scheme && url.Authority == Local.Authority ? url : null;
    }

    private string? Problem(Uri target)
    {
        var file = SiteFiles.FileOf(_outputDir, target.AbsolutePath);
        if (!File.Exists(file))
            return target.AbsolutePath.EndsWith('/') || Directory.Exists(file) ? $"no page {Path.GetRelativePath(_outputDir, file)}" : "no such file";
        if (target.Fragment.Length <= 1) return null;
        var id = Uri.UnescapeDataString(target.Fragment[1..]);
        if (Load(target.AbsolutePath) is not { } doc) return "fragment into a file that is not HTML";
        return doc.GetElementById(id) is null ? $"no element with id '{id}' on {target.AbsolutePath}" : null;
    }

    private IDocument? Load(string url)
    {
        if (_parsed.TryGetValue(url, out var doc)) return doc;
        var file = SiteFiles.FileOf(_outputDir, url);
        doc = file.EndsWith(".html", StringComparison.Ordinal) ? Html.Parse(File.ReadAllText(file)) : null;
        _parsed[url] = doc;
        return doc;
    }
}
