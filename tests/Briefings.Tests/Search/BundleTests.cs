using System.Text.Json;
using Briefings.Search;
using Briefings.Site;
using Briefings.Tests.Support;

namespace Briefings.Tests.Search;

/// <summary>A large archive's index is made in bundles of at most so many pages, one Pagefind at a time: here the test
/// site with bundles of a few pages. Every search result is in exactly one bundle, in the order of the paths; the
/// search page is told the other bundles; two builds write the same bytes; and an edit to one page makes only its
/// bundle again.</summary>
[Trait("Speed", "Slow")]
public sealed class BundleTests : IDisposable
{
    private const int Size = 5;
    private const string Edited = "briefings/2024/2024-07-24-krasnov-in-pyongyang.md";
    private readonly TempFolder _temp = new();

    [Fact]
    public void Every_search_result_is_in_exactly_one_bundle_in_the_order_of_the_paths()
    {
        var site = _temp["site"];
        var outcome = Build(RepoPaths.TestSite, site);
        var expected = SearchResults(site);
        int count = (expected.Count + Size - 1) / Size;
        Assert.InRange(count, 3, 20);
        Assert.Contains(outcome.Messages, m => m.StartsWith($"search: indexed {expected.Count} pages in {count} bundles of at most {Size} ", StringComparison.Ordinal));

        // The search page is told the bundles after the first, each inside pagefind/.
        var others = Enumerable.Range(2, count - 1).Select(b => $"/pagefind/{b}/").ToList();
        Assert.Equal(others, PagefindBundles.Merged(site));
        var bundles = new[] { "/pagefind/" }.Concat(others).ToList();
        Assert.False(Directory.Exists(Path.Combine(site, "pagefind", (count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))));

        // Bundle b holds pages b*Size to (b+1)*Size - 1 of the search results in ordinal order of their paths.
        var held = bundles.Select(b => PagefindBundles.Urls(site, b)).ToList();
        for (int b = 0; b < count; b++)
            Assert.Equal(expected.Skip(b * Size).Take(Size).Order(StringComparer.Ordinal), held[b].Order(StringComparer.Ordinal));
        Assert.Equal(expected.Order(StringComparer.Ordinal), held.SelectMany(h => h).Order(StringComparer.Ordinal));
        foreach (var bundle in bundles)
            Assert.Equal(PagefindBundles.Urls(site, bundle).Count, PageCount(site, bundle));

        // Two builds of the same input: the same files, byte for byte.
        Build(RepoPaths.TestSite, _temp["again"]);
        AssertSameFiles(site, _temp["again"]);
    }

    [Fact]
    public void A_small_archive_is_one_bundle_with_nothing_to_merge()
    {
        var outcome = Build(RepoPaths.TestSite, _temp["site"], SearchIndex.BundlePages);
        Assert.Empty(PagefindBundles.Merged(_temp["site"]));
        Assert.DoesNotContain(Directory.EnumerateDirectories(Path.Combine(_temp["site"], "pagefind")), d => Path.GetFileName(d).All(char.IsAsciiDigit));
        Assert.Contains(outcome.Messages, m => m.StartsWith($"search: indexed {SearchResults(_temp["site"]).Count} pages with Pagefind ", StringComparison.Ordinal));
    }

    [Fact]
    public void An_edit_to_one_page_makes_only_its_bundle_again()
    {
        var input = _temp["input"];
        TempFolder.Copy(RepoPaths.TestSite, input);
        var site = _temp["site"];
        Build(input, site);
        var results = SearchResults(site);
        int count = (results.Count + Size - 1) / Size;
        var unchanged = Build(input, site);
        Assert.True(unchanged.Reused, string.Join("\n", unchanged.Messages));
        Assert.Contains(unchanged.Messages, m => m.StartsWith($"search: the index of {results.Count} pages in {count} bundles of at most {Size} is unchanged", StringComparison.Ordinal));

        const string page = "/briefings/2024-07-24-krasnov-in-pyongyang/";
        int edited = results.IndexOf(page) / Size;
        var before = BundleBytes(site, count);
        var file = Path.Combine(input, Edited);
        File.WriteAllText(file, File.ReadAllText(file) + "\nThe delegation also toured a zinc smelter.\n");
        var rebuilt = Build(input, site);

        Assert.False(rebuilt.Reused);
        Assert.Contains(rebuilt.Messages, m => m.StartsWith($"search: indexed {results.Count} pages in {count} bundles of at most {Size}, {count - 1} kept from the earlier build ", StringComparison.Ordinal)
            && m.Contains("changed since the earlier build: briefings/2024-07-24-krasnov-in-pyongyang/index.html", StringComparison.Ordinal));
        var after = BundleBytes(site, count);
        for (int b = 0; b < count; b++)
            if (b == edited) Assert.NotEqual(before[b], after[b]);
            else Assert.Equal(before[b], after[b]);
        Assert.Contains(PagefindBundles.Fragments(site, PagefindBundles.Folder(edited)), f => f.GetProperty("content").GetString()!.Contains("zinc smelter", StringComparison.Ordinal));

        // What was kept and what was made again is what a fresh build makes.
        Build(input, _temp["fresh"]);
        AssertSameFiles(_temp["fresh"], site);
    }

    private static SearchIndex.Outcome Build(string input, string output, int size = Size)
    {
        var result = SiteBuilder.Build(new SiteBuilder.Options(input, output, ThemeDir: RepoPaths.Theme, SearchBundlePages: size));
        Assert.True(result.Succeeded);
        Assert.True(result.Search is { Built: true }, string.Join("\n", result.Search?.Messages ?? []));
        return result.Search!;
    }

    /// <summary>The URLs of the pages that are search results (they carry data-pagefind-body), in ordinal order of their files.</summary>
    private static List<string> SearchResults(string site) =>
        SiteFiles.List(site).Where(f => f.EndsWith(".html", StringComparison.Ordinal))
            .Where(f => Html.Parse(File.ReadAllText(Path.Combine(site, f))).QuerySelector("[data-pagefind-body]") is not null)
            .Order(StringComparer.Ordinal)
            .Select(f => "/" + f[..^"index.html".Length]).ToList();

    private static int PageCount(string site, string bundle)
    {
        using var entry = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(site, bundle.Trim('/'), "pagefind-entry.json")));
        return entry.RootElement.GetProperty("languages").EnumerateObject().Sum(l => l.Value.GetProperty("page_count").GetInt32());
    }

    /// <summary>Each bundle's own files (the first bundle's without the others inside it) and their bytes.</summary>
    private static List<string> BundleBytes(string site, int count) =>
        Enumerable.Range(0, count).Select(b =>
        {
            var folder = Path.Combine(site, PagefindBundles.Folder(b).Trim('/'));
            var files = SiteFiles.List(folder).Where(f => b > 0 || !(f.Split('/')[0].All(char.IsAsciiDigit) || f == SearchIndex.BundlesFile));
            return string.Join("\n", files.Select(f => f + " " + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, f))))));
        }).ToList();

    private static void AssertSameFiles(string expected, string actual)
    {
        var files = SiteFiles.List(expected).Where(f => f.StartsWith("pagefind/", StringComparison.Ordinal) || f == SearchStamp.FileName).ToList();
        Assert.Equal(files, SiteFiles.List(actual).Where(f => f.StartsWith("pagefind/", StringComparison.Ordinal) || f == SearchStamp.FileName));
        Assert.Contains("pagefind/2/pagefind-entry.json", files);
        foreach (var f in files)
            Assert.True(File.ReadAllBytes(Path.Combine(expected, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, f))), $"{f} differs");
    }

    public void Dispose() => _temp.Dispose();
}
