using Briefings.Site;
using Briefings.Tests.Support;

namespace Briefings.Tests.Site;

/// <summary>What a build leaves on disk: the same bytes for the same input, and on failure, nothing touched.</summary>
public sealed class BuildOutputTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static SiteBuilder.Result Build(string input, string output, bool search = false) =>
        SiteBuilder.Build(new SiteBuilder.Options(input, output, ThemeDir: RepoPaths.Theme, Search: search));

    /// <summary>Every file of a folder with its bytes.</summary>
    private static Dictionary<string, byte[]> Snapshot(string dir) =>
        SiteFiles.List(dir).ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(dir, f)), StringComparer.Ordinal);

    private static void AssertSameFiles(string expectedDir, string actualDir)
    {
        var expected = Snapshot(expectedDir);
        var actual = Snapshot(actualDir);
        Assert.Equal(expected.Keys, actual.Keys);
        var differing = expected.Keys.Where(f => !expected[f].AsSpan().SequenceEqual(actual[f])).ToList();
        Assert.True(differing.Count == 0, $"files differ between {expectedDir} and {actualDir}:\n  " + string.Join("\n  ", differing));
    }

    private string CopyOfTestSite()
    {
        var input = _temp["input"];
        TempFolder.Copy(RepoPaths.TestSite, input);
        return input;
    }

    private IReadOnlyList<string> StagingLeftovers() =>
        Directory.EnumerateFileSystemEntries(_temp.Path).Select(Path.GetFileName).Where(n => n!.Contains("-staging-", StringComparison.Ordinal)).ToList()!;

    /// <summary>With the search index, whose files must be as fixed as the pages.</summary>
    [Fact]
    [Trait("Speed", "Slow")]
    public void Two_builds_of_the_test_site_are_byte_identical()
    {
        var first = Build(RepoPaths.TestSite, _temp["first"], search: true);
        var second = Build(RepoPaths.TestSite, _temp["second"], search: true);
        Assert.True(first.Succeeded && second.Succeeded);
        Assert.True(SiteFiles.List(_temp["first"]).Count > 50);
        AssertSameFiles(_temp["first"], _temp["second"]);
    }

    [Fact]
    public void A_failed_build_leaves_the_previous_output_exactly_as_it_was()
    {
        var input = CopyOfTestSite();
        var output = _temp["site"];
        Assert.True(Build(input, output).Succeeded);
        var before = Snapshot(output);
        Assert.NotEmpty(before);

        var person = Path.Combine(input, "people", "zhou-qiang.md");
        File.WriteAllText(person, File.ReadAllText(person).Replace("country: china", "country: atlantis"));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = Cli.Cli.Run(["build", "--input", input, "--output", output], stdout, stderr);

        Assert.True(exit == 1, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.Contains("zhou-qiang.md", stdout.ToString());
        Assert.False(Build(input, output).Succeeded);
        var after = Snapshot(output);
        Assert.Equal(before.Keys, after.Keys);
        Assert.All(before, kv => Assert.True(kv.Value.AsSpan().SequenceEqual(after[kv.Key]), $"{kv.Key} changed"));
        Assert.Empty(StagingLeftovers());
    }

    [Fact]
    public void A_build_of_a_smaller_archive_leaves_no_stale_files()
    {
        var input = CopyOfTestSite();
        var output = _temp["site"];
        Assert.True(Build(input, output).Succeeded);
        Assert.True(File.Exists(Path.Combine(output, "briefings", "2024", "index.html")));

        File.Delete(Path.Combine(input, "briefings", "2024", "2024-07-24-krasnov-in-pyongyang.md"));
        Assert.True(Build(input, output).Succeeded);
        Assert.True(Build(input, _temp["fresh"]).Succeeded);

        Assert.False(Directory.Exists(Path.Combine(output, "briefings", "2024")));
        Assert.False(Directory.Exists(Path.Combine(output, "briefings", "2024-07-24-krasnov-in-pyongyang")));
        Assert.False(Directory.Exists(Path.Combine(output, "tags", "prosecution")));
        Assert.Empty(StagingLeftovers());
        // The output is exactly what a build into an empty folder gives.
        AssertSameFiles(_temp["fresh"], output);
    }
}
