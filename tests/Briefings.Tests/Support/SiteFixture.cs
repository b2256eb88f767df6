using System.Collections.Concurrent;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Briefings.Site;

namespace Briefings.Tests.Support;

/// <summary>An archive built once into a temp folder with the checkout's theme, shared by the tests of a class
/// (or a collection), without a search index unless asked for one. Pages are read as a reader's browser would:
/// parsed HTML, looked up by URL.</summary>
public abstract class SiteFixture : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly ConcurrentDictionary<string, IDocument> _pages = new(StringComparer.Ordinal);

    public string InputDir { get; }
    public string OutputDir => _temp["site"];
    public SiteBuilder.Result Result { get; }

    /// <param name="searchBundlePages">The most pages a bundle of the search index holds (see <see cref="Briefings.Search.SearchIndex"/>).</param>
    protected SiteFixture(string inputDir, bool search = false, int searchBundlePages = Briefings.Search.SearchIndex.BundlePages)
    {
        InputDir = inputDir;
        Result = SiteBuilder.Build(new SiteBuilder.Options(inputDir, OutputDir, ThemeDir: RepoPaths.Theme, Search: search, SearchBundlePages: searchBundlePages));
        if (!Result.Succeeded)
            throw new InvalidOperationException($"the archive at {inputDir} did not build:\n"
                + string.Join('\n', Result.Loaded.Diagnostics.Select(d => d.ToString())));
    }

    /// <summary>The file a URL of the site is served from: "/people/x/" is people/x/index.html.</summary>
    public string FileOf(string url) => SiteFiles.FileOf(OutputDir, url);

    public bool Exists(string url) => File.Exists(FileOf(url));

    /// <summary>The page at a site URL, parsed; fails the test if there is none.</summary>
    public IDocument Page(string url)
    {
        Assert.True(Exists(url), $"no page at {url} (expected {FileOf(url)})");
        return _pages.GetOrAdd(url, u => Html.Parse(File.ReadAllText(FileOf(u))));
    }

    public IReadOnlyList<string> HtmlFiles() => SiteFiles.List(OutputDir).Where(f => f.EndsWith(".html", StringComparison.Ordinal))
        .Select(f => Path.Combine(OutputDir, f)).ToList();

    public virtual void Dispose()
    {
        _temp.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The test site (tests/Briefings.Tests/Site/TestSite), built once for every test of the collection: the
/// crawler, the HTML checker and the page-safety checks.</summary>
public sealed class SharedTestSite() : SiteFixture(RepoPaths.TestSite);

[CollectionDefinition(Name)]
public sealed class SharedTestSiteCollection : ICollectionFixture<SharedTestSite>
{
    public const string Name = "test site build";
}

public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static IDocument Parse(string html) => Parser.ParseDocument(html);
}

/// <summary>Files of a built site.</summary>
public static class SiteFiles
{
    public static string FileOf(string outputDir, string url)
    {
        var path = Uri.UnescapeDataString(url.TrimStart('/'));
        if (path.Length == 0 || path.EndsWith('/')) path += "index.html";
        return Path.Combine(outputDir, path.Replace('/', Path.DirectorySeparatorChar));
    }

    /// <summary>Every file under a folder, as '/'-separated relative paths in ordinal order.</summary>
    public static IReadOnlyList<string> List(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal).ToList();
}

/// <summary>The test site with files of a test's own added (paths relative to the input folder), built once per
/// test class from a fresh input folder that is removed with the build.</summary>
public abstract class TestSiteWith(IReadOnlyDictionary<string, string> files) : SiteFixture(Write(Fresh(), files))
{
    /// <summary>Writes the test site into <paramref name="folder"/>, then <paramref name="files"/> over it.</summary>
    public static string Write(string folder, IReadOnlyDictionary<string, string> files)
    {
        TempFolder.Copy(RepoPaths.TestSite, folder);
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
        return folder;
    }

    private static string Fresh()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"briefings-input-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    public override void Dispose()
    {
        base.Dispose();
        try { Directory.Delete(InputDir, recursive: true); } catch (IOException) { }
    }
}
