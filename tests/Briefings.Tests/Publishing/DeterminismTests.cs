using Briefings.Tests.Support;

namespace Briefings.Tests.Publishing;

[Collection(PublishedSitesCollection.Name)]
public sealed class DeterminismTests(PublishedSites sites)
{
    /// <summary>Feeds, sitemap and data take every date from the content, and Pagefind is handed the pages in a
    /// fixed order: a second build of the same input, at another time, writes the same bytes, every file included
    /// (pagefind/ and the output's marker too).</summary>
    [Fact, Trait("Speed", "Slow")]
    public void Building_the_same_input_again_writes_the_same_bytes()
    {
        // Both with the search index (the shared fixture builds without it, for speed).
        var first = sites.Build("first", sites.Hostile.InputDir, search: true);
        var second = sites.Build("again", first.InputDir, search: true);
        var files = SiteFiles.List(first.OutputDir);
        Assert.Equal(files, SiteFiles.List(second.OutputDir));
        Assert.Contains("feed.xml", files);
        Assert.Contains("data/archive.json", files);
        Assert.Contains("pagefind/pagefind-entry.json", files);
        Assert.Contains(Briefings.Writing.OutputFolder.Marker, files);
        foreach (var f in files)
            Assert.True(File.ReadAllBytes(Path.Combine(first.OutputDir, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second.OutputDir, f))),
                $"{f} differs between two builds of the same input");
    }
}
