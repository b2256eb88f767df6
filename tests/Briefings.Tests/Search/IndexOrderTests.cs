using Briefings.Search;
using Briefings.Tests.Support;

namespace Briefings.Tests.Search;

/// <summary>Pagefind's index depends on the pages only, not on the order the file system lists them. On tmpfs a
/// folder lists its files in the order they were made, which parallel rendering varies from build to build; run
/// over the folder (<c>pagefind --site</c>), Pagefind numbered the pages in that order and two builds differed in
/// hundreds of index files.</summary>
public sealed class IndexOrderTests : IDisposable
{
    private readonly string _root = Path.Combine("/dev/shm", $"briefings-index-order-{Guid.NewGuid():N}");

    [Fact]
    public void The_same_pages_made_in_opposite_orders_give_the_same_index()
    {
        Assert.True(Directory.Exists("/dev/shm"), "this test needs /dev/shm (tmpfs), where a folder lists files in the order they were made");
        var source = _root + "/source";
        var built = Briefings.Site.SiteBuilder.Build(new Briefings.Site.SiteBuilder.Options(RepoPaths.TestSite, source, ThemeDir: RepoPaths.Theme, Search: false));
        Assert.True(built.Succeeded);
        var pages = SiteFiles.List(source).Where(f => f.EndsWith(".html", StringComparison.Ordinal)).ToList();
        Assert.True(pages.Count > 10);

        var forward = Copy(source, _root + "/forward", pages);
        var backward = Copy(source, _root + "/backward", Enumerable.Reverse(pages).ToList());
        Assert.NotEqual(Listed(forward), Listed(backward)); // the file system does list them in different orders

        var a = SearchIndex.Build(forward, RepoPaths.Theme);
        var b = SearchIndex.Build(backward, RepoPaths.Theme);

        Assert.True(a.Built && b.Built, string.Join("\n", a.Messages.Concat(b.Messages)));
        var files = SiteFiles.List(Path.Combine(forward, SearchIndex.Folder));
        Assert.Equal(files, SiteFiles.List(Path.Combine(backward, SearchIndex.Folder)));
        foreach (var f in files)
            Assert.True(File.ReadAllBytes(Path.Combine(forward, SearchIndex.Folder, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(backward, SearchIndex.Folder, f))),
                $"pagefind/{f} depends on the order the pages were written");
    }

    /// <summary>Copies the pages in the given order, folders made as they come.</summary>
    private static string Copy(string from, string to, IReadOnlyList<string> pages)
    {
        foreach (var page in pages)
        {
            var target = Path.Combine(to, page);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(from, page), target);
        }
        return to;
    }

    private static List<string> Listed(string dir) =>
        Directory.EnumerateFileSystemEntries(dir, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(dir, p)).ToList();

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
