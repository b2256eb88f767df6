using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Briefings.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Briefings.Tests.Site;

/// <summary>The networks and the delegation maps of the test site: their tables hold the figures counted here from the
/// front matter and bodies of Site/TestSite (read with YamlDotNet and a regular expression, not with the code under
/// test), each node is a named link to its entity's page, and every chart has its text alternative.</summary>
public sealed partial class NetworkMapTests(TestSiteBuild site) : IClassFixture<TestSiteBuild>
{
    private const int TieCount = 8; // ArchiveIndex.TieCount: the ties an entity's network shows

    // ------------------------------------------------------------------ what the files say

    private sealed record Fixture(
        Dictionary<string, (string Name, string Kind)> Entities,   // people and institutions other than news outlets
        List<HashSet<string>> Briefings,                          // each briefing's people and institutions
        List<HashSet<string>> Agreements,                         // each agreement's parties
        Dictionary<string, string> CountryNames,
        List<(string From, string To)> Delegations);

    private static Fixture Read()
    {
        var entities = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var (id, doc, _) in Files("people")) entities[id] = (Scalar(doc, "name")!, "person");
        foreach (var (id, doc, _) in Files("institutions"))
            if (Scalar(doc, "type") != "media") entities[id] = (Scalar(doc, "name")!, "institution");
        var countries = Files("countries").ToDictionary(f => f.Id, f => Scalar(f.Doc, "name")!);

        var briefings = new List<HashSet<string>>();
        var delegations = new List<(string, string)>();
        foreach (var (_, doc, body) in Files("briefings"))
        {
            var ids = Seq(doc, "actors").Select(n => ((YamlScalarNode)n).Value!).ToHashSet(StringComparer.Ordinal);
            foreach (var e in Seq(doc, "events").OfType<YamlMappingNode>())
            {
                ids.UnionWith(Seq(e, "participants").Select(n => ((YamlScalarNode)n).Value!));
                foreach (Match m in Mention().Matches(Scalar(e, "summary") ?? "")) ids.Add(m.Groups[1].Value);
                if (Scalar(e, "type") == "delegation" && Scalar(e, "from") is { } from && Scalar(e, "to") is { } to)
                    delegations.Add((from, to));
            }
            foreach (Match m in Mention().Matches(body)) ids.Add(m.Groups[1].Value);
            ids.IntersectWith(entities.Keys);
            briefings.Add(ids);
        }
        var agreements = Files("agreements")
            .Select(f => Seq(f.Doc, "parties").Select(n => ((YamlScalarNode)n).Value!).Where(entities.ContainsKey).ToHashSet(StringComparer.Ordinal)).ToList();
        return new Fixture(entities, briefings, agreements, countries, delegations);
    }

    private static (int Briefings, int Agreements) Shared(Fixture f, string a, string b) =>
        (f.Briefings.Count(s => s.Contains(a) && s.Contains(b)), f.Agreements.Count(s => s.Contains(a) && s.Contains(b)));

    private static int Total(Fixture f, string a, string b) => Shared(f, a, b) is var (x, y) ? x + y : 0;

    /// <summary>The entities an entity shares most with: most first, then by id.</summary>
    private static List<string> TopTies(Fixture f, string id) =>
        f.Entities.Keys.Where(o => o != id && Total(f, id, o) > 0)
            .OrderByDescending(o => Total(f, id, o)).ThenBy(o => o, StringComparer.Ordinal).Take(TieCount).ToList();

    // ------------------------------------------------------------------ networks

    public static TheoryData<string> NetworkEntities() => new() { "kang-yun-sok", "igor-krasnov", "dprk-central-court", "ministry-of-social-security" };

    [Theory]
    [MemberData(nameof(NetworkEntities))]
    public void An_entitys_network_shows_its_strongest_ties_and_what_every_pair_of_them_shares(string id)
    {
        var f = Read();
        var ties = TopTies(f, id);
        Assert.NotEmpty(ties);
        var nodes = ties.Prepend(id).ToList();
        var kind = f.Entities[id].Kind == "person" ? "people" : "institutions";
        var chart = Chart(site.Page($"/{kind}/{id}/"), $"Who {f.Entities[id].Name} works with");

        // Every node is a link to its entity's page, named in full with what it is; the entity itself first.
        var links = chart.QuerySelectorAll("svg a").Select(a => (a.GetAttribute("href"), a.GetAttribute("aria-label"))).ToList();
        Assert.Equal(nodes.Select(n => ((string?)Url(f, n), (string?)$"{f.Entities[n].Name} ({f.Entities[n].Kind})")), links);

        // The table: every pair of the network of which one is among the other's strongest ties, with the figures
        // counted from the files.
        var expected = new List<string>();
        for (int a = 0; a < nodes.Count; a++)
            for (int b = a + 1; b < nodes.Count; b++)
                if (Shared(f, nodes[a], nodes[b]) is var (briefings, agreements) && briefings + agreements > 0
                    && (TopTies(f, nodes[a]).Contains(nodes[b]) || TopTies(f, nodes[b]).Contains(nodes[a])))
                    expected.Add($"{f.Entities[nodes[a]].Name}|{f.Entities[nodes[b]].Name}|{briefings}|{agreements}");
        Assert.Equal(expected.Order(StringComparer.Ordinal), Rows(chart).Order(StringComparer.Ordinal));
        // A line for each row, the widest for the pair that shares most.
        Assert.Equal(expected.Count, chart.QuerySelectorAll("svg line.link").Length);
        AssertNamed(chart);
    }

    [Fact]
    public void News_outlets_and_countries_are_left_out_of_every_network()
    {
        var f = Read();
        foreach (var url in new[] { "/network/", "/people/kang-yun-sok/", "/people/ri-song-chol/", "/institutions/dprk-central-court/" })
        {
            var title = url == "/network/" ? "The " : $"Who {f.Entities[url.Split('/')[2]].Name} works with";
            var hrefs = Chart(site.Page(url), title).QuerySelectorAll("svg a").Select(a => a.GetAttribute("href")!).ToList();
            Assert.NotEmpty(hrefs);
            Assert.DoesNotContain("/institutions/kcna/", hrefs);
            Assert.DoesNotContain(hrefs, h => h.StartsWith("/countries/", StringComparison.Ordinal));
        }
        // A news outlet has no network of its own.
        Assert.Empty(site.Page("/institutions/kcna/").QuerySelectorAll("figure.chart svg a"));
    }

    [Fact]
    public void The_network_page_shows_the_people_and_institutions_in_most_briefings_and_their_ties()
    {
        var f = Read();
        var nodes = f.Entities.Keys.Where(id => f.Entities.Keys.Any(o => o != id && Total(f, id, o) > 0))
            .OrderByDescending(id => f.Briefings.Count(b => b.Contains(id))).ThenBy(id => id, StringComparer.Ordinal).Take(30).ToList();
        var page = site.Page("/network/");
        var chart = Chart(page, "The ");
        Assert.Equal(nodes.Select(n => Url(f, n)), chart.QuerySelectorAll("svg a").Select(a => a.GetAttribute("href")!));
        // Each drawn tie carries the figures of the files, and each entity keeps at least its strongest one.
        var byName = nodes.ToDictionary(n => f.Entities[n].Name);
        var rows = Rows(chart);
        Assert.NotEmpty(rows);
        foreach (var row in rows.Select(r => r.Split('|')))
        {
            var (briefings, agreements) = Shared(f, byName[row[0]], byName[row[1]]);
            Assert.Equal($"{briefings}|{agreements}", $"{row[2]}|{row[3]}");
        }
        foreach (var n in nodes)
            Assert.Contains(rows, r => r.Split('|')[..2].Contains(f.Entities[n].Name));
        AssertNamed(chart);
        // The navigation leads to it, marked as the current page there.
        Assert.Equal("page", page.QuerySelector("nav.site-nav a[href='/network/']")!.GetAttribute("aria-current"));
        Assert.NotNull(site.Page("/").QuerySelector("nav.site-nav a[href='/network/']"));
    }

    // ------------------------------------------------------------------ maps

    [Fact]
    public void The_timeline_map_counts_every_delegation_by_route()
    {
        var f = Read();
        Assert.NotEmpty(f.Delegations);
        var expected = f.Delegations.GroupBy(d => d).Select(g => $"{f.CountryNames[g.Key.From]}|{f.CountryNames[g.Key.To]}|{g.Count()}");
        var chart = Chart(site.Page("/timeline/"), "Delegations");
        Assert.Equal(expected.Order(StringComparer.Ordinal), Rows(chart).Order(StringComparer.Ordinal));
        Assert.Equal(f.Delegations.Distinct().Count(), chart.QuerySelectorAll("svg path.arc").Length);
        AssertNamed(chart);
    }

    [Theory]
    [InlineData("north-korea")]
    [InlineData("china")]
    [InlineData("russia")]
    public void A_country_map_counts_the_delegations_from_and_to_it(string country)
    {
        var f = Read();
        var routes = f.Delegations.Where(d => d.From == country || d.To == country).ToList();
        Assert.NotEmpty(routes);
        var chart = Chart(site.Page($"/countries/{country}/"), "Delegations");
        Assert.Equal(routes.GroupBy(d => d).Select(g => $"{f.CountryNames[g.Key.From]}|{f.CountryNames[g.Key.To]}|{g.Count()}").Order(StringComparer.Ordinal),
            Rows(chart).Order(StringComparer.Ordinal));
        // The countries it is drawn on are Natural Earth's, the country's own among them, marked as involved.
        Assert.True(chart.QuerySelectorAll("svg path.land").Length >= 5);
        Assert.NotEmpty(chart.QuerySelectorAll("svg path.land.involved"));
        AssertNamed(chart);
    }

    [Fact]
    public void A_country_without_delegations_has_no_map()
    {
        var f = Read();
        Assert.DoesNotContain(f.Delegations, d => d.From == "laos" || d.To == "laos");
        Assert.False(site.Page("/countries/laos/").HasSection("Delegations"));
    }

    // ------------------------------------------------------------------ determinism

    [Fact]
    public void Two_builds_draw_the_same_networks_and_maps_byte_for_byte()
    {
        using var temp = new TempFolder();
        foreach (var output in new[] { "first", "second" })
        {
            var stdout = new StringWriter();
            int exit = Cli.Cli.Run(["build", "--input", RepoPaths.TestSite, "--output", temp[output], "--no-search"], stdout, new StringWriter());
            Assert.True(exit == 0, stdout.ToString());
        }
        foreach (var page in new[] { "network", "people/kang-yun-sok", "institutions/dprk-central-court", "countries/north-korea", "timeline" })
        {
            var first = File.ReadAllBytes(Path.Combine(temp["first"], page, "index.html"));
            Assert.Contains("chart-svg", System.Text.Encoding.UTF8.GetString(first));
            Assert.True(first.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(temp["second"], page, "index.html"))), $"/{page}/ differs between two builds");
        }
    }

    // ------------------------------------------------------------------ reading

    /// <summary>The chart's picture is named and described by its own title and description, which say something.</summary>
    private static void AssertNamed(IElement chart)
    {
        var svg = chart.QuerySelector("svg")!;
        var ids = $"{svg.GetAttribute("aria-labelledby")} {svg.GetAttribute("aria-describedby")}".Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, ids.Length);
        Assert.All(ids, id => Assert.True(svg.QuerySelector($"#{id}")?.TextContent.Length > 10, $"#{id} says nothing"));
        Assert.Contains("table below", svg.QuerySelector("desc")!.TextContent);
    }

    private static List<string> Rows(IElement chart) =>
        chart.QuerySelectorAll("details table tbody tr").Select(tr => string.Join('|', tr.Children.Select(c => c.TextContent.Trim()))).ToList();

    private static IElement Chart(IDocument page, string title)
    {
        var figure = page.QuerySelectorAll("figure.chart").FirstOrDefault(x => x.QuerySelector("figcaption")!.TextContent.StartsWith(title, StringComparison.Ordinal));
        Assert.True(figure is not null, $"no chart '{title}…' on {page.Title}");
        return figure!;
    }

    private static string Url(Fixture f, string id) => $"/{(f.Entities[id].Kind == "person" ? "people" : "institutions")}/{id}/";

    [GeneratedRegex(@"\[\[([a-z0-9-]+)(?:\|[^\]]*)?\]\]")]
    private static partial Regex Mention();

    private static IEnumerable<(string Id, YamlMappingNode Doc, string Body)> Files(string folder) =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.TestSite, folder), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(file =>
            {
                var parts = File.ReadAllText(file).Split("---\n", 3);
                var s = new YamlStream();
                s.Load(new StringReader(parts[1]));
                return (Path.GetFileNameWithoutExtension(file), (YamlMappingNode)s.Documents[0].RootNode, parts.Length > 2 ? parts[2] : "");
            });

    private static IEnumerable<YamlNode> Seq(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlSequenceNode seq ? seq.Children : [];

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode s ? s.Value : null;
}
