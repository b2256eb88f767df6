using Briefings.Search;
using Briefings.Site;
using Briefings.Tests.Support;

namespace Briefings.Tests.Search;

/// <summary>The build's search step: Pagefind's index written beside the pages, the same bytes every time, and a
/// build that still succeeds, saying why, when there is no Pagefind.</summary>
[Trait("Speed", "Slow")]
public sealed class SearchIndexTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void The_index_is_written_and_two_builds_write_the_same_bytes()
    {
        var first = Build(_temp["first"]);
        var second = Build(_temp["second"]);
        Assert.True(first.Search is { Built: true }, string.Join("\n", first.Search?.Messages ?? []));
        Assert.Contains(first.Search!.Messages, m => m.StartsWith("search: indexed ", StringComparison.Ordinal));

        var files = SiteFiles.List(_temp["first"]).Where(f => f.StartsWith("pagefind/", StringComparison.Ordinal)).ToList();
        Assert.Contains("pagefind/pagefind.js", files);
        Assert.Contains(files, f => f.StartsWith("pagefind/filter/", StringComparison.Ordinal));
        Assert.Equal(files, SiteFiles.List(_temp["second"]).Where(f => f.StartsWith("pagefind/", StringComparison.Ordinal)));
        foreach (var f in files)
            Assert.True(File.ReadAllBytes(Path.Combine(_temp["first"], f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_temp["second"], f))),
                $"{f} differs between two builds of the same input");
    }

    [Fact]
    public void Without_Pagefind_the_build_succeeds_and_says_how_to_get_it()
    {
        Assert.True(Environment.GetEnvironmentVariable(PagefindLocator.EnvironmentVariable) is null,
            $"this test needs {PagefindLocator.EnvironmentVariable} unset: it names a Pagefind to use");
        // A checkout whose theme has no npm manifest: nothing to install Pagefind from.
        var input = _temp["checkout/input"];
        var theme = _temp["checkout/theme"];
        TempFolder.Copy(RepoPaths.TestSite, input);
        TempFolder.Copy(Path.Combine(RepoPaths.Theme, "templates"), Path.Combine(theme, "templates"));
        TempFolder.Copy(Path.Combine(RepoPaths.Theme, "assets"), Path.Combine(theme, "assets"));
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        int exit = Cli.Cli.Run(["build", "--input", input, "--output", _temp["site"]], stdout, stderr);

        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.Contains("search index not built: Pagefind not found, and ", stderr.ToString());
        Assert.Contains($"has no package.json to install it from; set {PagefindLocator.EnvironmentVariable} to a Pagefind program", stderr.ToString());
        Assert.True(File.Exists(Path.Combine(_temp["site"], "search", "index.html")));
        Assert.False(Directory.Exists(Path.Combine(_temp["site"], SearchIndex.Folder)));
    }

    private static SiteBuilder.Result Build(string output)
    {
        var result = SiteBuilder.Build(new SiteBuilder.Options(RepoPaths.TestSite, output, ThemeDir: RepoPaths.Theme));
        Assert.True(result.Succeeded);
        return result;
    }

    public void Dispose() => _temp.Dispose();
}
