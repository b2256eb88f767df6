using AngleSharp.Html.Parser;
using Briefings.Search;
using Briefings.Site;
using Briefings.Tests.Support;

namespace Briefings.Tests.Search;

/// <summary>A build whose indexed pages did not change keeps the earlier build's search index instead of running
/// Pagefind again; the index it keeps is the one Pagefind would make, byte for byte, and a change to one indexed page,
/// or an earlier index changed by hand, makes it afresh.</summary>
[Trait("Speed", "Slow")]
public sealed class IndexReuseTests : IDisposable
{
    private const string Edited = "briefings/2024/2024-07-24-krasnov-in-pyongyang.md";
    private readonly TempFolder _temp = new();

    [Fact]
    public void An_unchanged_index_is_kept_and_is_byte_identical_to_a_fresh_one()
    {
        var first = Build(RepoPaths.TestSite, _temp["site"]);
        Assert.False(first.Reused);
        var second = Build(RepoPaths.TestSite, _temp["site"]);
        Assert.True(second.Reused, string.Join("\n", second.Messages));
        Assert.Contains(second.Messages, m => m.StartsWith("search: the index of ", StringComparison.Ordinal) && m.Contains("kept from the earlier build"));

        var fresh = Build(RepoPaths.TestSite, _temp["fresh"]);
        Assert.False(fresh.Reused);
        AssertSameFiles(_temp["fresh"], _temp["site"]);
    }

    [Fact]
    public void A_change_to_one_indexed_page_makes_the_index_again()
    {
        var input = _temp["input"];
        TempFolder.Copy(RepoPaths.TestSite, input);
        Build(input, _temp["site"]);
        var before = Bytes(_temp["site"]);
        Assert.DoesNotContain(Fragments(_temp["site"]), text => text.Contains("zinc smelter", StringComparison.Ordinal));

        var file = Path.Combine(input, Edited);
        File.WriteAllText(file, File.ReadAllText(file) + "\nThe delegation also toured a zinc smelter.\n");
        var rebuilt = Build(input, _temp["site"]);

        Assert.False(rebuilt.Reused);
        Assert.Contains(rebuilt.Messages, m => m.StartsWith("search: indexed ", StringComparison.Ordinal)
            && m.Contains("changed since the earlier build: briefings/2024-07-24-krasnov-in-pyongyang/index.html"));
        Assert.NotEqual(before, Bytes(_temp["site"]));
        // The word added is in the index: Pagefind's fragments are gzipped JSON of each page's text.
        Assert.Contains(Fragments(_temp["site"]), text => text.Contains("zinc smelter", StringComparison.Ordinal));
        Build(input, _temp["fresh"]);
        AssertSameFiles(_temp["fresh"], _temp["site"]);
    }

    [Fact]
    public void An_earlier_index_changed_by_hand_is_made_again()
    {
        Build(RepoPaths.TestSite, _temp["site"]);
        File.AppendAllText(Path.Combine(_temp["site"], SearchIndex.Folder, "pagefind-entry.json"), " ");

        var rebuilt = Build(RepoPaths.TestSite, _temp["site"]);

        Assert.False(rebuilt.Reused);
        Assert.Contains(rebuilt.Messages, m => m.Contains("the earlier index did not match its record"));
        Build(RepoPaths.TestSite, _temp["fresh"]);
        AssertSameFiles(_temp["fresh"], _temp["site"]);
    }

    [Fact]
    public void Pagefind_is_given_the_pages_it_indexes_and_no_other()
    {
        Build(RepoPaths.TestSite, _temp["site"]);
        var parser = new HtmlParser();
        var pages = SiteFiles.List(_temp["site"]).Where(f => f.EndsWith(".html", StringComparison.Ordinal)).ToList();
        var results = pages.Where(p => parser.ParseDocument(File.ReadAllText(Path.Combine(_temp["site"], p))).QuerySelector("[data-pagefind-body]") is not null).ToList();
        Assert.InRange(results.Count, 10, pages.Count - 5); // lists, redirects, search and 404 are not search results

        // The stamp has one digest per page Pagefind was given, and the index counts as many pages.
        var stamp = SearchStamp.Read(_temp["site"]);
        Assert.NotNull(stamp);
        Assert.Equal(results.Count, Assert.Single(stamp.Bundles).Pages.Count);
        using var entry = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_temp["site"], SearchIndex.Folder, "pagefind-entry.json")));
        Assert.Equal(results.Count, entry.RootElement.GetProperty("languages").EnumerateObject().Sum(l => l.Value.GetProperty("page_count").GetInt32()));
    }

    private static SearchIndex.Outcome Build(string input, string output)
    {
        var result = SiteBuilder.Build(new SiteBuilder.Options(input, output, ThemeDir: RepoPaths.Theme));
        Assert.True(result.Succeeded);
        Assert.True(result.Search is { Built: true }, string.Join("\n", result.Search?.Messages ?? []));
        return result.Search!;
    }

    private static void AssertSameFiles(string expected, string actual)
    {
        var files = SiteFiles.List(expected);
        Assert.Equal(files, SiteFiles.List(actual));
        Assert.Contains(SearchStamp.FileName, files);
        foreach (var f in files)
            Assert.True(File.ReadAllBytes(Path.Combine(expected, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, f))), $"{f} differs");
    }

    private static Dictionary<string, string> Bytes(string site) =>
        SiteFiles.List(Path.Combine(site, SearchIndex.Folder)).ToDictionary(f => f, f => Convert.ToHexString(File.ReadAllBytes(Path.Combine(site, SearchIndex.Folder, f))));

    private static IEnumerable<string> Fragments(string site) =>
        Directory.EnumerateFiles(Path.Combine(site, SearchIndex.Folder, "fragment")).Select(f =>
        {
            using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(f), System.IO.Compression.CompressionMode.Decompress);
            using var reader = new StreamReader(gzip);
            return reader.ReadToEnd();
        }).ToList();

    public void Dispose() => _temp.Dispose();
}
