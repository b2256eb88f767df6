using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Briefings.Model;
using Briefings.Tests.Support;

namespace Briefings.Tests.Publishing;

[Collection(PublishedSitesCollection.Name)]
public sealed class DataTests(PublishedSites sites)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [Theory, MemberData(nameof(PublishedSites.Names), MemberType = typeof(PublishedSites))]
    public void Archive_json_is_valid_against_its_schema(string name)
    {
        var site = sites[name];
        using var schema = JsonDocument.Parse(File.ReadAllBytes(Data(site, "archive.schema.json")));
        using var archive = JsonDocument.Parse(File.ReadAllBytes(Data(site, "archive.json")));
        Assert.Empty(SchemaCheck.Validate(schema.RootElement, archive.RootElement));
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.RootElement.GetProperty("$schema").GetString());
        Assert.Equal(site.Absolute("/data/archive.schema.json"), archive.RootElement.GetProperty("$schema").GetString());
    }

    [Fact]
    public void The_published_schema_is_the_one_kept_in_the_repository()
    {
        var kept = File.ReadAllBytes(Path.Combine(RepoPaths.Root, "src", "Briefings.Core", "Publishing", "archive.schema.json"));
        Assert.Equal(kept, File.ReadAllBytes(Data(sites.Test, "archive.schema.json")));
    }

    /// <summary>The schema check is only worth something if it rejects what the schema forbids.</summary>
    [Theory]
    [InlineData("a briefing without its summary")]
    [InlineData("an id that breaks the id rule")]
    [InlineData("a property the schema does not name")]
    [InlineData("an event number that is text")]
    [InlineData("a source kind outside the list")]
    [InlineData("a missing top-level list")]
    public void The_schema_rejects_a_broken_archive(string breakage)
    {
        var site = sites.Hostile;
        var archive = JsonNode.Parse(File.ReadAllBytes(Data(site, "archive.json")))!.AsObject();
        switch (breakage)
        {
            case "a briefing without its summary": archive["briefings"]![0]!.AsObject().Remove("summary"); break;
            case "an id that breaks the id rule": archive["countries"]![0]!["id"] = "North Korea"; break;
            case "a property the schema does not name": archive["people"]![0]!["nickname"] = "x"; break;
            case "an event number that is text": archive["events"]![0]!["number"] = "1"; break;
            case "a source kind outside the list": archive["sources"]![0]!["kind"] = "blog"; break;
            case "a missing top-level list": archive.Remove("agreements"); break;
        }
        using var schema = JsonDocument.Parse(File.ReadAllBytes(Data(site, "archive.schema.json")));
        using var broken = JsonDocument.Parse(archive.ToJsonString());
        Assert.NotEmpty(SchemaCheck.Validate(schema.RootElement, broken.RootElement));
    }

    [Theory, MemberData(nameof(PublishedSites.Names), MemberType = typeof(PublishedSites))]
    public void Archive_json_holds_every_document_event_and_source(string name)
    {
        var site = sites[name];
        var a = site.Archive;
        using var json = JsonDocument.Parse(File.ReadAllBytes(Data(site, "archive.json")));
        var root = json.RootElement;
        IEnumerable<string> Ids(string list) => root.GetProperty(list).EnumerateArray().Select(x => x.GetProperty("id").GetString()!);

        Assert.Equal(a.Briefings.Select(b => b.Id).Order(StringComparer.Ordinal), Ids("briefings").Order(StringComparer.Ordinal));
        Assert.Equal(a.Countries.Select(d => d.Id), Ids("countries"));
        Assert.Equal(a.Institutions.Select(d => d.Id), Ids("institutions"));
        Assert.Equal(a.People.Select(d => d.Id), Ids("people"));
        Assert.Equal(a.Agreements.Select(d => d.Id), Ids("agreements"));

        var events = root.GetProperty("events").EnumerateArray()
            .Select(e => (e.GetProperty("briefing").GetString()!, e.GetProperty("number").GetInt32(), e.GetProperty("url").GetString()!)).ToHashSet();
        var expectedEvents = a.Briefings.SelectMany(b => b.Events.Select(e => (b.Id, e.Index + 1, site.Absolute($"{b.Url}#{e.Anchor}")))).ToHashSet();
        Assert.Equal(Expected.EventCount(a), root.GetProperty("events").GetArrayLength());
        Assert.True(expectedEvents.SetEquals(events), "the events of archive.json are not those of the briefings");

        var sources = root.GetProperty("sources").EnumerateArray()
            .Select(s => (s.GetProperty("document").GetString()!, s.GetProperty("id").GetString()!, s.GetProperty("url").GetString()!)).ToList();
        Assert.Equal(a.Documents.SelectMany(d => d is CatalogSource c ? [(d.Id, c.Id, c.Source.Url)] : d.Sources.Select(s => (d.Id, s.Id, s.Url))), sources);

        foreach (var list in new[] { "countries", "institutions", "people", "agreements" })
            foreach (var e in root.GetProperty(list).EnumerateArray())
            {
                var id = e.GetProperty("id").GetString()!;
                var doc = a.Documents.Single(d => d.Id == id);
                Assert.Equal(site.Absolute(doc.Url), e.GetProperty("url").GetString());
                Assert.Equal(Expected.BriefingsOf(a, id).Select(b => b.Id), e.GetProperty("briefings").EnumerateArray().Select(x => x.GetString()));
                Assert.Equal(doc.FormerIds.Select(r => r.Id), e.GetProperty("former_ids").EnumerateArray().Select(x => x.GetString()));
            }
        foreach (var b in root.GetProperty("briefings").EnumerateArray())
        {
            var briefing = a.Briefings.Single(x => x.Id == b.GetProperty("id").GetString());
            Assert.Equal(briefing.Title, b.GetProperty("title").GetString());
            Assert.Equal(briefing.Summary, b.GetProperty("summary").GetString());
            Assert.Equal(site.Absolute(briefing.Url), b.GetProperty("url").GetString());
            Assert.Equal(Expected.InvolvedIn(a, briefing).Order(StringComparer.Ordinal), b.GetProperty("involves").EnumerateArray().Select(x => x.GetString()!).Order(StringComparer.Ordinal));
        }
    }

    [Theory, MemberData(nameof(PublishedSites.Names), MemberType = typeof(PublishedSites))]
    public void Every_csv_file_parses_with_one_row_per_record(string name)
    {
        var site = sites[name];
        var a = site.Archive;
        var expectedRows = new Dictionary<string, int>
        {
            ["briefings.csv"] = a.Briefings.Count(),
            ["events.csv"] = Expected.EventCount(a),
            ["entities.csv"] = a.Documents.OfType<Entity>().Count(),
            ["positions.csv"] = a.People.Sum(p => p.Positions.Count),
            ["agreements.csv"] = a.Agreements.Count(),
            ["sources.csv"] = Expected.SourceCount(a),
            ["quotes.csv"] = Expected.QuoteCount(a),
            ["corrections.csv"] = a.Documents.Sum(d => d.Corrections.Count),
        };
        var csvFiles = Directory.EnumerateFiles(Path.Combine(site.OutputDir, "data"), "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(expectedRows.Keys.Order(StringComparer.Ordinal), csvFiles);
        foreach (var (file, rows) in expectedRows)
        {
            var bytes = File.ReadAllBytes(Data(site, file));
            Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), $"{file} starts with a byte-order mark");
            var records = CsvReading.Parse(StrictUtf8.GetString(bytes));
            Assert.Equal(rows + 1, records.Count);
            Assert.All(records, r => Assert.Equal(records[0].Count, r.Count));
            Assert.Equal(records[0].Count, records[0].Distinct().Count());
        }
    }

    [Fact]
    public void Csv_cells_keep_quotes_commas_and_line_breaks_and_never_start_a_formula()
    {
        var site = sites.Hostile;
        var records = CsvReading.Parse(File.ReadAllText(Data(site, "briefings.csv")));
        var header = records[0].ToList();
        var row = Assert.Single(records, r => r[header.IndexOf("title")] == PublishedSites.HostileTitle);
        // The summary starts with '=': a spreadsheet would run it, so it is written behind an apostrophe.
        Assert.Equal("'" + PublishedSites.HostileSummary, row[header.IndexOf("summary")]);
        var sources = CsvReading.Parse(File.ReadAllText(Data(site, "sources.csv")));
        var evil = Assert.Single(sources, r => r[sources[0].ToList().IndexOf("id")] == "evil");
        Assert.Contains("https://evil.example.org/a,b?c=\"d\"", evil);
        Assert.Contains("'=cmd|' /C calc'!A0", evil);
        Assert.DoesNotContain(sources.Skip(1).SelectMany(r => r), cell => cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@');
    }

    [Theory, MemberData(nameof(PublishedSites.Names), MemberType = typeof(PublishedSites))]
    public void Index_json_lists_every_data_file_with_its_size_and_sha256(string name)
    {
        var site = sites[name];
        using var index = JsonDocument.Parse(File.ReadAllBytes(Data(site, "index.json")));
        var listed = index.RootElement.GetProperty("files").EnumerateArray().ToList();
        // index.html is the /data/ page that describes the files, not one of them.
        var files = SiteFiles.List(Path.Combine(site.OutputDir, "data")).Where(f => f is not ("index.json" or "index.html")).Select(f => "/data/" + f);
        Assert.Equal(files.Order(StringComparer.Ordinal), listed.Select(f => f.GetProperty("path").GetString()!).Order(StringComparer.Ordinal));
        foreach (var f in listed)
        {
            var path = f.GetProperty("path").GetString()!;
            var bytes = File.ReadAllBytes(site.FileOf(path));
            Assert.Equal(bytes.Length, f.GetProperty("bytes").GetInt64());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), f.GetProperty("sha256").GetString());
            Assert.Equal(site.Absolute(path), f.GetProperty("url").GetString());
            if (path.EndsWith(".json", StringComparison.Ordinal)) JsonDocument.Parse(bytes).Dispose();
        }
    }

    private static string Data(BuiltSite site, string file) => Path.Combine(site.OutputDir, "data", file);
}
