using System.Text.RegularExpressions;
using Briefings.Tests.Support;

namespace Briefings.Tests.Security;

/// <summary>Defence in depth: the Content-Security-Policy that netlify.toml sends is the one every page repeats in
/// a meta tag, and the theme gives it nothing to refuse: no inline script, style or event handler in any template,
/// and unescaped output (<c>| raw</c>) only where the program has made the HTML safe itself.</summary>
public sealed partial class PolicyTests
{
    private static string Templates => Path.Combine(RepoPaths.Theme, "templates");

    private static IEnumerable<string> TemplateFiles() =>
        Directory.EnumerateFiles(Templates, "*.liquid", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    /// <summary>Directive name to its sources, for comparing two policies whatever their order or spacing.</summary>
    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(d => d[0], d => d.Length > 1 ? string.Join(' ', d[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)) : "");

    private static string HeaderPolicy()
    {
        var match = HeaderLine().Match(File.ReadAllText(Path.Combine(RepoPaths.Root, "netlify.toml")));
        Assert.True(match.Success, "netlify.toml sends no Content-Security-Policy header");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("""^\s*Content-Security-Policy\s*=\s*"([^"]+)"\s*$""", RegexOptions.Multiline)]
    private static partial Regex HeaderLine();

    [Fact]
    public void The_meta_policy_of_every_page_is_the_deployed_header_policy()
    {
        var header = Directives(HeaderPolicy());
        var layout = Html.Parse(File.ReadAllText(Path.Combine(Templates, "layout.liquid")));
        var meta = layout.QuerySelector("meta[http-equiv='Content-Security-Policy']");
        Assert.NotNull(meta);
        var inPage = Directives(meta!.GetAttribute("content")!);

        // Browsers ignore these in a meta tag; they can only come with the header.
        string[] headerOnly = ["frame-ancestors", "report-uri", "report-to", "sandbox"];
        Assert.Equal(header.Where(d => !headerOnly.Contains(d.Key)).OrderBy(d => d.Key), inPage.OrderBy(d => d.Key));
        Assert.Equal("'self' 'wasm-unsafe-eval'", header["script-src"]);
        Assert.Equal("'self'", header["style-src"]);
        Assert.Equal("'none'", header["object-src"]);
        Assert.Equal("'self'", header["base-uri"]);
        Assert.Equal("'self'", header["form-action"]);
        Assert.Equal("'none'", header["frame-ancestors"]);
    }

    [Fact]
    public void The_meta_policy_comes_before_anything_it_governs()
    {
        var head = Html.Parse(File.ReadAllText(Path.Combine(Templates, "layout.liquid"))).Head!;
        var first = head.Children.First(e => e.LocalName is "meta" or "link" or "script" or "style" or "title" && e.GetAttribute("charset") is null && e.GetAttribute("name") != "viewport");
        Assert.Equal("Content-Security-Policy", first.GetAttribute("http-equiv"));
    }

    [Fact]
    public void No_template_holds_an_inline_script_style_or_event_handler()
    {
        var problems = new List<string>();
        foreach (var file in TemplateFiles())
        {
            var name = Path.GetRelativePath(Templates, file);
            var page = Html.Parse(File.ReadAllText(file));
            foreach (var script in page.QuerySelectorAll("script"))
                if (script.GetAttribute("type") != "application/ld+json" && (script.GetAttribute("src") is null || script.TextContent.Trim().Length > 0))
                    problems.Add($"{name}: inline script {script.OuterHtml}");
            foreach (var e in page.QuerySelectorAll("style")) problems.Add($"{name}: <style> element");
            foreach (var e in page.All)
                foreach (var a in e.Attributes)
                    if (a.Name == "style" || a.Name.StartsWith("on", StringComparison.Ordinal))
                        problems.Add($"{name}: {a.Name} attribute on <{e.LocalName}>");
            // A Liquid value inside a script or style element would need JavaScript or CSS escaping, not HTML escaping.
            foreach (var script in page.QuerySelectorAll("script[type='application/ld+json']"))
                if (!RawJsonLd().IsMatch(script.TextContent.Trim()))
                    problems.Add($"{name}: JSON-LD that is not the program's own serialisation: {script.TextContent.Trim()}");
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [GeneratedRegex(@"^\{\{\s*page\.preview\.json_ld\s*\|\s*raw\s*\}\}$")]
    private static partial Regex RawJsonLd();

    /// <summary>Fluid escapes every value for HTML unless a template says <c>| raw</c>; only the HTML the program made
    /// safe (rendered and sanitised Markdown) and its JSON-LD (serialised with '&lt;', '&gt;' and '&amp;' escaped) may
    /// pass unescaped.</summary>
    [Fact]
    public void Only_rendered_markdown_and_json_ld_are_written_unescaped()
    {
        // Correction notes and the summaries of facts on a source's page are inline Markdown rendered and sanitised as
        // event summaries are (ViewFactory.InlineHtml).
        string[] allowed = ["page.body", "e.summary_html", "f.summary_html", "c.note_html", "page.preview.json_ld", "chart.svg"];
        var raw = new List<string>();
        foreach (var file in TemplateFiles())
            foreach (Match m in RawOutput().Matches(File.ReadAllText(file)))
                raw.Add($"{Path.GetRelativePath(Templates, file)}: {m.Groups[1].Value}");
        Assert.NotEmpty(raw);
        Assert.All(raw, r => Assert.Contains(r.Split(": ")[1], allowed));
    }

    [GeneratedRegex(@"\{\{-?\s*([\w.]+)\s*\|\s*raw\s*-?\}\}")]
    private static partial Regex RawOutput();

    [Fact]
    public void No_template_outputs_unescaped_any_other_way()
    {
        foreach (var file in TemplateFiles())
        {
            var text = File.ReadAllText(file);
            // Filters that would build HTML from text are not used, nor raw blocks that could hide a value.
            Assert.DoesNotContain("{% raw", text, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\|\s*(markdownify|strip_html|newline_to_br)\b", text);
        }
    }
}

/// <summary>The test site, built: every page passes the same checks as the payload archive's pages.</summary>
[Collection(SharedTestSiteCollection.Name)]
public sealed class TestSitePageSafetyTests(SharedTestSite site)
{
    [Fact]
    public void No_page_of_the_test_site_holds_a_script_handler_style_frame_or_unsafe_url()
    {
        var problems = new List<string>();
        var pages = site.HtmlFiles();
        foreach (var file in pages)
            problems.AddRange(PageSafety.Problems(Html.Parse(File.ReadAllText(file)), Path.GetRelativePath(site.OutputDir, file)));
        Assert.True(pages.Count > 10);
        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(40)));
    }
}
