using Briefings.Model;
using Briefings.Site;
using Briefings.Tests.Support;

namespace Briefings.Tests.Publishing;

/// <summary>One built site and the model it was built from, read back by the tests as a reader's tools would.</summary>
public sealed record BuiltSite(string Name, string InputDir, string OutputDir, Archive Archive)
{
    public SiteSettings Settings => Archive.Site;
    public string Absolute(string path) => Settings.BaseUrl + path;
    public string FileOf(string url) => SiteFiles.FileOf(OutputDir, url);
    public override string ToString() => Name;
}

/// <summary>The two sites the publishing tests read: the test site (Site/TestSite), and the same with hostile
/// additions: a renamed person with two former ids, and a briefing whose title, summary,
/// author and source carry markup, quotes, commas, a line break and spreadsheet formulas.</summary>
public sealed class PublishedSites : IDisposable
{
    private readonly TempFolder _temp = new();

    public BuiltSite Test { get; }
    public BuiltSite Hostile { get; }

    /// <summary>Ends in U+0001, which YAML can carry and XML cannot.</summary>
    public const string HostileTitle = "Quotes \"here\", commas, </script><script>alert(1)</script> and <!-- a comment\u0001";
    public const string HostileSummary = "=HYPERLINK(\"https://evil.example\",\"click\"), then </SCRIPT> & a \"quote\",\nover two lines.";
    public const string RenamedPerson = "renamed-person";
    public static readonly string[] FormerIds = ["old-renamed-person", "older-renamed-person"];

    public PublishedSites()
    {
        Test = Build("test", RepoPaths.TestSite);
        var input = _temp["hostile-input"];
        TempFolder.Copy(RepoPaths.TestSite, input);
        foreach (var (path, text) in HostileFiles) File.WriteAllText(Path.Combine(input, path), text);
        Hostile = Build("hostile", input);
    }

    /// <summary>Builds an archive into a fresh folder under this fixture's temp folder.</summary>
    public BuiltSite Build(string name, string inputDir, bool search = false)
    {
        var output = _temp[$"{name}-{Guid.NewGuid():N}"];
        var result = SiteBuilder.Build(new SiteBuilder.Options(inputDir, output, ThemeDir: RepoPaths.Theme, Search: search));
        if (!result.Succeeded)
            throw new InvalidOperationException($"the archive at {inputDir} did not build:\n" + string.Join('\n', result.Loaded.Diagnostics));
        return new BuiltSite(name, inputDir, output, result.Loaded.Archive);
    }

    public BuiltSite this[string name] => name == Test.Name ? Test : name == Hostile.Name ? Hostile : throw new ArgumentException(name);

    public static readonly TheoryData<string> Names = new("test", "hostile");

    private static readonly Dictionary<string, string> HostileFiles = new()
    {
        [$"people/{RenamedPerson}.md"] = $$"""
            ---
            name: "Renamed </script> Person"
            native_name: "이름 </script>"
            aliases:
              - "<script>alert('alias')</script>"
            country: north-korea
            former_ids:
              - {{FormerIds[0]}}
              - {{FormerIds[1]}}
            positions:
              - institution: dprk-central-court
                title: "Judge, \"senior\""
                from: 2020-01
                sources:
                  - bio
            sources:
              - id: bio
                url: "https://news.example.org/renamed"
                title: "A profile, with commas"
                publisher: "@Formula Publisher"
                kind: news
            ---

            Once known by another id [@bio].

            """,
        ["briefings/2024/2024-12-30-hostile-text.md"] = $$"""
            ---
            title: {{Yaml(HostileTitle)}}
            date: 2024-12-30
            updated: 2024-12-31
            summary: {{Yaml(HostileSummary)}}
            actors:
              - {{RenamedPerson}}
            events:
              - date: 2024-12
                type: statement
                summary: "+1 said the \"court\", in </script> text."
                participants:
                  - {{RenamedPerson}}
                sources:
                  - evil
            tags:
              - hostile-text
            authors:
              - "-Eve </script>"
            sources:
              - id: evil
                url: "https://evil.example.org/a,b?c=\"d\""
                title: "=cmd|' /C calc'!A0"
                publisher: "Ünïcode, \"Quoted\" Publisher"
                published: 2024-12
                accessed: 2024-12-30
                archive_url: "https://archive.example.org/evil"
                kind: other
            ---

            The [[{{RenamedPerson}}]] text [@evil] and a mention of [[china]].

            """,
    };

    /// <summary>A YAML double-quoted scalar.</summary>
    private static string Yaml(string text) =>
        "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\u0001", "\\x01") + "\"";

    public void Dispose() => _temp.Dispose();
}
