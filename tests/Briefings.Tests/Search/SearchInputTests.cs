using System.Text;
using Briefings.Search;
using Briefings.Site;
using Briefings.Tests.Support;

namespace Briefings.Tests.Search;

/// <summary>Pagefind is given each page without what it reads only to drop (the head's styles, scripts and preview
/// tags; every svg): the index must be the very one the whole pages give.</summary>
public sealed class SearchInputTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private static string Slim(string html) => Encoding.UTF8.GetString(SearchInput.Slim(Encoding.UTF8.GetBytes(html)).Span);

    [Fact]
    public void The_head_keeps_its_title_and_what_Pagefind_reads_and_nothing_else()
    {
        var slim = Slim("""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Kim &amp; Co</title>
            <link rel="stylesheet" href="/assets/site.css"><script type="application/ld+json">{"a":"\u003Cb\u003E"}</script>
            <style>a > b { color: red }</style><meta data-pagefind-filter="kind[content]" content="person"></head>
            <body><main data-pagefind-body><h1>Kim</h1><p>a &lt;svg&gt; is text here</p></main></body></html>
            """);
        Assert.Contains("<title>Kim &amp; Co</title>", slim);
        Assert.Contains("""<meta data-pagefind-filter="kind[content]" content="person">""", slim);
        Assert.DoesNotContain("stylesheet", slim);
        Assert.DoesNotContain("ld+json", slim);
        Assert.DoesNotContain("color: red", slim);
        Assert.StartsWith("<!doctype html><html lang=\"en\"><head>", slim);
        Assert.Contains("<body><main data-pagefind-body><h1>Kim</h1><p>a &lt;svg&gt; is text here</p></main></body></html>", slim);
    }

    [Fact]
    public void Every_svg_goes_with_the_svgs_inside_it_and_the_text_around_stays()
    {
        var slim = Slim("<body><p>before</p><svg viewBox=\"0 0 1 1\"><svg><text>inner</text></svg><text>outer</text></svg>" +
                        "<p>between</p><svg>\n<path d=\"M0\"/></svg><p>after</p><svgfoo>kept</svgfoo></body>");
        Assert.Equal("<body><p>before</p><p>between</p><p>after</p><svgfoo>kept</svgfoo></body>", slim);
    }

    [Fact]
    [Trait("Speed", "Slow")]
    public void Pagefind_writes_the_same_index_from_the_slimmed_pages_as_from_the_whole_ones()
    {
        var site = _temp["site"];
        var built = SiteBuilder.Build(new SiteBuilder.Options(RepoPaths.TestSite, site, ThemeDir: RepoPaths.Theme, Search: false));
        Assert.True(built.Succeeded);
        var pages = SiteFiles.List(site).Where(f => f.EndsWith(".html", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(Path.Combine(site, f)).Contains("data-pagefind-body", StringComparison.Ordinal)).ToList();
        // The test site has pages with charts and maps, whose svg the slimming takes out.
        Assert.Contains(pages, f => File.ReadAllText(Path.Combine(site, f)).Contains("<svg", StringComparison.Ordinal));

        var slimmed = SearchIndex.Build(site, RepoPaths.Theme);
        Assert.True(slimmed.Built, string.Join("\n", slimmed.Messages));
        var whole = _temp["whole"];
        IndexWhole(site, pages, whole);

        var files = SiteFiles.List(Path.Combine(site, SearchIndex.Folder)).Where(f => f != SearchIndex.BundlesFile).ToList();
        Assert.Equal(files, SiteFiles.List(whole));
        foreach (var f in files)
            Assert.True(File.ReadAllBytes(Path.Combine(site, SearchIndex.Folder, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(whole, f))),
                $"pagefind/{f} differs when Pagefind is given the whole pages");
    }

    /// <summary>Pagefind given the whole pages, in the same order, through the same service the build drives.</summary>
    private static void IndexWhole(string site, IReadOnlyList<string> pages, string output)
    {
        var command = PagefindLocator.Locate(RepoPaths.Theme).Command;
        Assert.NotNull(command);
        using var service = PagefindService.Start(command, RepoPaths.Theme);
        var created = service.Await(service.Send(w => { w.WriteString("type", "NewIndex"); w.WritePropertyName("config"); w.WriteRawValue(SearchStamp.Config); }));
        Assert.NotNull(created);
        int index = created.Value.GetProperty("payload").GetProperty("index_id").GetInt32();
        foreach (var page in pages)
            service.Send(w =>
            {
                w.WriteString("type", "AddFile");
                w.WriteNumber("index_id", index);
                w.WriteString("file_path", page);
                w.WriteString("file_contents", File.ReadAllBytes(Path.Combine(site, page)));
            });
        var written = service.Await(service.Send(w =>
        {
            w.WriteString("type", "WriteFiles");
            w.WriteNumber("index_id", index);
            w.WriteString("output_path", output);
        }));
        Assert.Equal("WriteFiles", written is { } done ? PagefindService.Type(done.GetProperty("payload")) : null);
        Assert.Empty(service.Errors());
    }

    public void Dispose() => _temp.Dispose();
}
