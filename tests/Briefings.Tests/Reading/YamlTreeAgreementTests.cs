using Briefings.Errors;
using Briefings.Reading;
using Briefings.Tests.Fixtures;
using Briefings.Tests.Support;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Briefings.Tests.Reading;

/// <summary>YamlTree reads YamlDotNet's tokens itself (for positions and limits); it must come to the same tree as
/// YamlDotNet's own parser: the same mappings, lists and texts, the same nulls, each scalar at the same place.</summary>
public sealed class YamlTreeAgreementTests
{
    /// <summary>Every front matter of the test site and of the checker's fixture, and the shapes contributors write.</summary>
    public static TheoryData<string, string> FrontMatters()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.TestSite, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(RepoPaths.TestSite, file), FrontMatter(File.ReadAllText(file)));
        foreach (var (path, text) in ArchiveFixture.ValidFiles.Where(f => f.Key.EndsWith(".md", StringComparison.Ordinal)))
            data.Add("fixture " + path, FrontMatter(text));
        data.Add("site.yml", ArchiveFixture.ValidFiles[ArchiveFixture.SiteYml]);
        data.Add("flow and block", "a: [x, [y], {k: v, e: }]\nb:\n- x\n-\n- k: v\n  l: w\nc: ~\nd: 'null'\ne: \"quoted: text\"\nf: >\n  folded\n  text\ng: |\n  kept\n  lines\n");
        data.Add("comments and blanks", "# a comment\ntitle: \"T\" # after\n\ntags:\n  - one   # first\n  - two\n");
        data.Add("unicode", "name: \"조선\"\nnative: Россия\nemoji: \"🙂 x\"\n");
        return data;
    }

    [Theory]
    [MemberData(nameof(FrontMatters))]
    public void YamlTree_reads_a_front_matter_as_YamlDotNet_does(string name, string yaml)
    {
        var bag = new DiagnosticBag();
        var tree = YamlTree.Parse(yaml, 0, name, bag);
        Assert.True(tree is not null && !bag.HasErrors, $"{name}: {string.Join("; ", bag.Sorted())}");

        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var expected = stream.Documents.Count == 0 ? "{}" : Shape(stream.Documents[0].RootNode);

        Assert.Equal(expected, Shape(tree!));
    }

    /// <summary>The tree as text: mappings, lists, scalars with their line and column; null for YAML's nulls.</summary>
    private static string Shape(Briefings.Reading.YamlNode node) => node switch
    {
        YamlScalar { IsNull: true } => "null",
        YamlScalar s => $"'{s.Text}'@{s.At.Line}:{s.At.Column}",
        YamlList l => "[" + string.Join(",", l.Items.Select(Shape)) + "]",
        YamlMap m => "{" + string.Join(",", m.Entries.Select(e => Shape(e.Key) + ":" + Shape(e.Value))) + "}",
        _ => "?",
    };

    private static string Shape(YamlDotNet.RepresentationModel.YamlNode node) => node switch
    {
        YamlScalarNode s when IsNull(s) => "null",
        YamlScalarNode s => $"'{s.Value}'@{s.Start.Line}:{s.Start.Column}",
        YamlSequenceNode l => "[" + string.Join(",", l.Children.Select(Shape)) + "]",
        YamlMappingNode m => "{" + string.Join(",", m.Children.Select(e => Shape(e.Key) + ":" + Shape(e.Value))) + "}",
        _ => "?",
    };

    /// <summary>YAML 1.2's core schema: a plain empty, ~ or null is null; quoted, it is text.</summary>
    private static bool IsNull(YamlScalarNode s) =>
        s.Style is ScalarStyle.Plain or ScalarStyle.Any && s.Value is "" or "~" or "null" or "Null" or "NULL";

    private static string FrontMatter(string text)
    {
        text = text.Replace("\r\n", "\n");
        Assert.StartsWith("---\n", text);
        int end = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        return text[4..(end + 1)];
    }
}
