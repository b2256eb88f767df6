using Briefings.Tests.Support;

namespace Briefings.Tests.Publishing;

[Collection(PublishedSitesCollection.Name)]
public sealed class DeterminismTests(PublishedSites sites)
{
    /// <summary>Feeds, sitemap and data take every date from the content: a second build of the same input, at
    /// another time, writes the same bytes (Pagefind's index is its own business and is left out).</summary>
    [Fact]
    public void Building_the_same_input_again_writes_the_same_bytes()
    {
        var first = sites.Hostile;
        var second = sites.Build("again", first.InputDir);
        var files = SiteFiles.List(first.OutputDir).Where(f => !f.StartsWith("pagefind/", StringComparison.Ordinal)).ToList();
        Assert.Equal(files, SiteFiles.List(second.OutputDir).Where(f => !f.StartsWith("pagefind/", StringComparison.Ordinal)));
        Assert.Contains("feed.xml", files);
        Assert.Contains("data/archive.json", files);
        foreach (var f in files)
            Assert.True(File.ReadAllBytes(Path.Combine(first.OutputDir, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second.OutputDir, f))),
                $"{f} differs between two builds of the same input");
    }
}
