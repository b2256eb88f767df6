using System.Text.Json;
using System.Xml.Linq;
using Briefings.Tests.Support;
using Xunit.Abstractions;

namespace Briefings.Tests.Security;

/// <summary>The payload archive builds, and no page of it holds anything that could run: every payload in every
/// field comes out as text, or as HTML from the allow-list with http(s) URLs only.</summary>
[Collection(PayloadSiteCollection.Name)]
public sealed class PayloadPageTests(PayloadSite site, ITestOutputHelper output)
{
    [Fact]
    public void The_corpus_covers_the_cheat_sheet_with_over_a_hundred_payloads_that_fit_every_field()
    {
        Assert.True(Payloads.All.Count >= 100, $"only {Payloads.All.Count} payloads");
        Assert.True(Payloads.Categories.Count >= 10, string.Join(", ", Payloads.Categories));
        Assert.All(Payloads.All, p => Assert.True(p.Text.Length < 180, $"{p} is too long for a name"));
        foreach (var c in Payloads.Categories)
            output.WriteLine($"{c}: {Payloads.All.Count(p => p.Category == c)}");
    }

    [Fact]
    public void The_archive_with_every_payload_in_every_field_builds()
    {
        Assert.True(site.Result.Succeeded, "the payload archive did not build:\n" + site.Errors);
        Assert.True(site.PageUrls().Count > 5 * Payloads.All.Count, $"only {site.PageUrls().Count} pages");
    }

    [Fact]
    public void No_page_holds_a_script_handler_style_frame_or_unsafe_url()
    {
        Assert.True(site.Result.Succeeded, site.Errors);
        var problems = new List<string>();
        var urls = site.PageUrls();
        foreach (var url in urls) problems.AddRange(PageSafety.Problems(site.Page(url), url));
        foreach (var p in problems.Take(10)) output.WriteLine(p);
        Assert.True(problems.Count == 0, $"{problems.Count} problems in {urls.Count} pages:\n" + string.Join('\n', problems.Take(40)));
    }

    /// <summary>A payload in a title or name is shown exactly as written: escaped, never parsed, never run as Liquid
    /// ("{{ 7*7 }}" stays "{{ 7*7 }}", not 49).</summary>
    [Fact]
    public void Titles_and_names_show_each_payload_as_its_literal_text()
    {
        Assert.True(site.Result.Succeeded, site.Errors);
        var wrong = new List<string>();
        foreach (var p in Payloads.All)
        {
            var shown = Payloads.AsShown(p.Text);
            foreach (var url in new[]
            {
                $"/briefings/{PayloadArchive.Briefing(p.Number)}/", $"/people/{PayloadArchive.Person(p.Number)}/",
                $"/institutions/{PayloadArchive.Institution(p.Number)}/", $"/agreements/{PayloadArchive.Agreement(p.Number)}/",
                $"/countries/{PayloadArchive.Country(p.Number)}/",
            })
            {
                var page = site.Page(url);
                var h1 = page.QuerySelector("main h1")?.TextContent;
                if (h1 != shown) wrong.Add($"{url}: h1 is '{h1}', not {p}");
                if (!Collapse(page.Title!).StartsWith(Collapse(shown) + " ·", StringComparison.Ordinal))
                    wrong.Add($"{url}: <title> is '{page.Title}', not {p}");
            }
            var briefing = site.Page($"/briefings/{PayloadArchive.Briefing(p.Number)}/");
            if (briefing.QuerySelector(".lede")?.TextContent != shown) wrong.Add($"briefing {p.Number}: summary is not {p}");
            if (!briefing.QuerySelectorAll(".sources li").Any(li => li.QuerySelector(".source-title")?.TextContent == shown))
                wrong.Add($"briefing {p.Number}: no source titled {p}");
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} texts not shown as written:\n" + string.Join('\n', wrong.Take(30)));
    }

    /// <summary>A title's text as a browser shows it in the tab: ASCII whitespace runs collapsed, ends trimmed.</summary>
    private static string Collapse(string s) => string.Join(' ', s.Split([' ', '\t', '\n', '\f', '\r'], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void Liquid_in_content_is_data_not_template()
    {
        Assert.True(site.Result.Succeeded, site.Errors);
        var home = site.Page("/");
        Assert.Equal(PayloadArchive.SiteTitle, home.QuerySelector("main h1")!.TextContent);
        var p = Payloads.All.First(x => x.Text == "{{ 7*7 }}");
        var page = site.Page($"/people/{PayloadArchive.Person(p.Number)}/");
        Assert.Equal("{{ 7*7 }}", page.QuerySelector("main h1")!.TextContent);
        Assert.Contains("{{ 7*7 }}", page.QuerySelector(".prose")!.TextContent);
        var raw = Payloads.All.First(x => x.Text.StartsWith("{% raw %}", StringComparison.Ordinal));
        Assert.Equal(raw.Text, site.Page($"/briefings/{PayloadArchive.Briefing(raw.Number)}/").QuerySelector("main h1")!.TextContent);
    }

    [Fact]
    public void Every_json_ld_block_parses_and_holds_the_payload_as_a_string()
    {
        Assert.True(site.Result.Succeeded, site.Errors);
        foreach (var p in Payloads.All)
        {
            var page = site.Page($"/briefings/{PayloadArchive.Briefing(p.Number)}/");
            var blocks = page.QuerySelectorAll("script[type='application/ld+json']");
            Assert.True(blocks.Length == 1, $"briefing {p.Number} has {blocks.Length} JSON-LD blocks (a payload may have closed or opened one)");
            using var json = JsonDocument.Parse(blocks[0].TextContent);
            Assert.Equal(p.Text.Trim(), json.RootElement.GetProperty("headline").GetString());
        }
    }

    [Fact]
    public void Every_feed_is_well_formed_xml_with_the_payload_as_text()
    {
        Assert.True(site.Result.Succeeded, site.Errors);
        var feeds = SiteFiles.List(site.OutputDir).Where(f => f.EndsWith("feed.xml", StringComparison.Ordinal)).ToList();
        Assert.True(feeds.Count > Payloads.All.Count, $"only {feeds.Count} feeds");
        XNamespace atom = "http://www.w3.org/2005/Atom";
        foreach (var feed in feeds)
        {
            var doc = XDocument.Load(Path.Combine(site.OutputDir, feed));
            foreach (var content in doc.Descendants(atom + "title").Concat(doc.Descendants(atom + "summary")))
                Assert.True(content.Attribute("type") is null || content.Attribute("type")!.Value == "text",
                    $"{feed}: a {content.Name.LocalName} of type {content.Attribute("type")?.Value}: feed readers would render it as HTML");
        }
        var person = Payloads.All.First(x => x.Text.StartsWith("<script>", StringComparison.Ordinal));
        var personFeed = XDocument.Load(Path.Combine(site.OutputDir, "people", PayloadArchive.Person(person.Number), "feed.xml"));
        Assert.Contains(personFeed.Descendants(atom + "entry"), e => e.Element(atom + "title")!.Value == person.Text);
    }

    [Fact]
    public void The_data_files_parse_and_hold_payloads_as_strings()
    {
        Assert.True(site.Result.Succeeded, site.Errors);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(site.OutputDir, "data", "archive.json")));
        var p = Payloads.All.First(x => x.Text.StartsWith("\"><script>", StringComparison.Ordinal));
        Assert.Contains(json.RootElement.EnumerateObject().SelectMany(Strings), s => s == p.Text);
    }

    private static IEnumerable<string> Strings(JsonProperty property) => Strings(property.Value);

    private static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => e.EnumerateObject().SelectMany(Strings),
        _ => [],
    };
}
