using AngleSharp.Dom;
using Briefings.Markdown;
using Briefings.Model;
using Briefings.Rendering;
using Briefings.Resolving;
using Briefings.Site;
using Briefings.Tests.Fixtures;
using Briefings.Tests.Support;

namespace Briefings.Tests.Security;

/// <summary>Bodies rendered as the site renders them (Kim Myong Gil's page of the valid fixture, through
/// <see cref="ViewFactory.BodyHtml"/>): one URL policy for every way Markdown writes a link, and the sanitiser
/// wherever raw HTML can be.</summary>
public sealed class MarkdownSafetyTests : IDisposable
{
    private readonly ArchiveFixture _archive = new();
    private readonly ArchiveIndex _index;
    private readonly ViewFactory _views;
    private readonly Model.Document _kim;

    public MarkdownSafetyTests()
    {
        var loaded = ArchiveLoader.Load(_archive.Root);
        Assert.False(loaded.HasErrors);
        _index = new ArchiveIndex(loaded.Archive);
        _views = new ViewFactory(_index);
        _kim = loaded.Archive.Documents.Single(d => d.Id == "kim-myong-gil");
    }

    private string Body(string markdown) => _views.BodyHtml(_kim with { Body = markdown });

    private static IDocument Parse(string html) => Html.Parse(html);

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](jav&#x61;script:alert(1))")]
    [InlineData("[x](&#106;avascript:alert(1))")]
    [InlineData("[x](jav&#x09;ascript:alert(1))")]
    [InlineData("[x](  javascript:alert(1))")]
    [InlineData("[x](<javascript:alert(1)>)")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("![x](data:image/svg+xml,<svg onload=alert(1)>)")]
    [InlineData("![x](data:image/png;base64,AAAA)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("<JAVASCRIPT:alert(1)>")]
    [InlineData("<someone@example.org>")]
    [InlineData("ftp://files.example.org/x")]
    [InlineData("[x][r]\n\n[r]: javascript:alert(1) \"title\"")]
    [InlineData("[x][r]\n\n[r]: <javascript:alert(1)>")]
    [InlineData("[x](//evil.example/)")]
    [InlineData("[x](/\\evil.example/)")]
    [InlineData("[x](relative/page)")]
    [InlineData("[x](https:evil.example)")]
    // Removing the first links once hid the raw HTML after them from the check for raw HTML (Markdig's
    // Inline.InsertBefore leaves its Descendants() walk stale), so this <img> reached the page unsanitised.
    [InlineData("A [link](<javascript:x>), an ![image](<javascript:x>), then <img src=x onerror=alert(1)> and a [reference][r].\n\n[r]: <javascript:x>")]
    [InlineData("[a](javascript:x) [b](javascript:x) <b onclick=alert(1)>x</b> <javascript:y>")]
    public void Unsafe_urls_are_removed_wherever_Markdown_writes_a_link(string markdown)
    {
        var html = Body(markdown);

        Assert.Empty(PageSafety.Problems(Parse(html), html));
    }

    [Fact]
    public void Safe_links_and_images_are_kept()
    {
        var page = Parse(Body("[a](https://example.org/a) [b](/people/kim-myong-gil/) [c](#sources) <https://example.org/auto> www.example.org ![i](https://example.org/i.png)"));

        Assert.Equal(["https://example.org/a", "/people/kim-myong-gil/", "#sources", "https://example.org/auto", "http://www.example.org"],
            page.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!));
        Assert.Equal("https://example.org/i.png", page.QuerySelector("img")!.GetAttribute("src"));
    }

    /// <summary>The first of the two layers alone. Markdig makes raw HTML and autolinks only from a '&lt;'; without one,
    /// it writes only its own tags, with text escaped and every URL through the URL filter. So every payload body with
    /// its '&lt;' taken out, rendered without the sanitiser, must already be safe; the sanitiser that every body then
    /// goes through is the second layer.</summary>
    [Fact]
    public void Without_a_less_than_sign_Markdown_writes_nothing_unsafe_even_unsanitised()
    {
        var problems = new List<string>();
        foreach (var p in Payloads.All)
        {
            var md = BodyMarkdown.Parse(PayloadArchive.Body(p).Replace("<", ""));
            BodyMarkdown.RemoveUnsafeUrls(md);
            var html = BodyMarkdown.Render(md, new DocumentLinks(_kim, _index));
            problems.AddRange(PageSafety.Problems(Parse(html), p.ToString()));
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>The URL filter on its own, without the sanitiser behind it: unlinking the first links once left Markdig's
    /// tree walk stale, so the autolink after them kept its javascript: URL.</summary>
    [Theory]
    [InlineData("A [link](<javascript:x>), an ![image](<javascript:x>), an autolink <javascript:y> and a [reference][r].\n\n[r]: <javascript:x>")]
    [InlineData("*[a](javascript:x)* [b](javascript:x) **<javascript:y>** [c](javascript:z)")]
    public void The_url_filter_alone_removes_every_unsafe_link_of_a_paragraph(string markdown)
    {
        var md = BodyMarkdown.Parse(markdown);
        BodyMarkdown.RemoveUnsafeUrls(md);
        var html = BodyMarkdown.Render(md, new DocumentLinks(_kim, _index));

        Assert.Empty(Parse(html).QuerySelectorAll("a, img"));
    }

    /// <summary>The second layer for texts without a '&lt;': had the URL filter let a link through, the sanitiser still
    /// runs and removes it.</summary>
    [Theory]
    [InlineData("<p><a href=\"javascript:alert(1)\">x</a></p>")]
    [InlineData("<p><img src=\"data:image/svg+xml,x\" alt=\"x\"></p>")]
    [InlineData("<p><a href=\"java&#x09;script:alert(1)\">x</a></p>")]
    [InlineData("<p><a href=\"//evil.example/\">x</a></p>")]
    public void A_url_that_slipped_through_the_filter_still_sends_the_html_to_the_sanitiser(string rendered)
    {
        var safe = HtmlSafety.Safe("x", rendered);

        Assert.NotEqual(rendered, safe);
        Assert.Empty(PageSafety.Problems(Parse(safe), safe));
    }

    [Fact]
    public void Markdig_output_with_allowed_urls_only_is_kept_as_written()
    {
        const string rendered = "<p><a href=\"https://example.org/?a=1&amp;b=2\" title=\"t\">x</a> <a class=\"mention\" href=\"/people/x/\">X</a><sup class=\"cite\"><a href=\"#source-s\" id=\"cite-s\" aria-label=\"source 1\">[1]</a></sup></p>";

        Assert.Same(rendered, HtmlSafety.Safe("text without a less-than sign", rendered));
    }

    [Fact]
    public void Citations_keep_their_back_link_anchor_when_the_body_is_sanitised()
    {
        var page = Parse(Body("Some <b>bold</b> claim [@kcna-kim-2019]."));

        var link = page.QuerySelector("sup.cite a")!;
        Assert.Equal("cite-kcna-kim-2019", link.Id);
        Assert.Equal("source 1", link.GetAttribute("aria-label"));
        Assert.NotNull(page.QuerySelector("b"));
    }

    [Fact]
    public void Contributor_html_cannot_name_elements_or_forge_a_citation_anchor_elsewhere()
    {
        var page = Parse(Body("<a id=\"main\" name=\"x\" href=\"/\">home</a> <span id=\"cite-kcna-kim-2019\">x</span> <sup class=\"cite\"><a id=\"sources\" aria-label=\"click me\">x</a></sup>"));

        Assert.Empty(page.QuerySelectorAll("[name]"));
        Assert.Empty(page.QuerySelectorAll("[id]"));
        Assert.Empty(page.QuerySelectorAll("[aria-label]"));
    }

    [Fact]
    public void Aligned_table_columns_get_no_style_attribute()
    {
        var page = Parse(Body("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |"));

        Assert.Equal(6, page.QuerySelectorAll("th, td").Length);
        Assert.Empty(page.QuerySelectorAll("[style]"));
    }

    [Fact]
    public void Every_tag_and_attribute_of_the_allow_list_is_kept_and_docs_html_md_lists_exactly_them()
    {
        const string everything = """
            <div><p><a href="/x">a</a> <abbr>b</abbr> <b>b</b> <cite>c</cite> <code>c</code> <del>d</del> <dfn>d</dfn> <em>e</em>
            <i>i</i> <ins>i</ins> <kbd>k</kbd> <mark>m</mark> <q>q</q> <s>s</s> <samp>s</samp> <small>s</small> <span>s</span>
            <strong>s</strong> <sub>s</sub> <sup>s</sup> <time datetime="2019">t</time> <u>u</u> <var>v</var> <img src="/i.png" alt="a"><br></p></div>
            <blockquote>q</blockquote><details><summary>s</summary>d</details><dl><dt>t</dt><dd>d</dd></dl><figure>f<figcaption>c</figcaption></figure>
            <h2>h</h2><h3>h</h3><h4>h</h4><h5>h</h5><h6>h</h6><hr><ol start="2" reversed><li>l</li></ol><ul><li>l</li></ul><pre>p</pre>
            <table><caption>c</caption><thead><tr><th scope="col">h</th></tr></thead><tbody><tr><td colspan="1" rowspan="1">d</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>
            """;
        var removed = new List<string>();
        var kept = Parse(HtmlSafety.Sanitize(everything, removed.Add));
        Assert.Empty(removed);
        foreach (var tag in HtmlSafety.AllowedTags)
            Assert.True(kept.QuerySelector(tag) is not null, $"<{tag}> is on the allow-list but not kept (or not in this test's sample)");
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "html.md"));
        foreach (var tag in HtmlSafety.AllowedTags)
            Assert.Contains($"`<{tag}>`", doc);
        foreach (var attribute in HtmlSafety.AllowedAttributes)
            Assert.Contains($"`{attribute}`", doc);
    }

    public void Dispose() => _archive.Dispose();
}
