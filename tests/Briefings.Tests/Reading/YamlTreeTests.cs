using Briefings.Errors;
using Briefings.Reading;

namespace Briefings.Tests.Reading;

/// <summary>The front-matter shapes contributors write, read from YamlDotNet's tokens into the same tree.</summary>
public sealed class YamlTreeTests
{
    private static (YamlMap? Map, IReadOnlyList<Diagnostic> Diagnostics) Parse(string yaml)
    {
        var bag = new DiagnosticBag();
        var map = YamlTree.Parse(yaml, 1, "x.md", bag);
        return (map, bag.Sorted());
    }

    private static string Shape(YamlNode node) => node switch
    {
        YamlScalar { IsNull: true } => "null",
        YamlScalar s => s.Text,
        YamlList l => "[" + string.Join(",", l.Items.Select(Shape)) + "]",
        YamlMap m => "{" + string.Join(",", m.Entries.Select(e => e.Key.Text + ":" + Shape(e.Value))) + "}",
        _ => "?",
    };

    [Theory]
    [InlineData("a: 1\nb:\n  - x\n  - y\n", "{a:1,b:[x,y]}")]
    [InlineData("a: 1\nb:\n- x\n- y\nc: 2\n", "{a:1,b:[x,y],c:2}")]
    [InlineData("a:\nb: ~\nc: 'null'\n", "{a:null,b:null,c:null}")]
    [InlineData("a: [x, [y], {k: v, e: }]\n", "{a:[x,[y],{k:v,e:null}]}")]
    [InlineData("a: [k: v]\n", "{a:[{k:v}]}")]
    [InlineData("a:\n  - k: v\n    l: w\n  -\n  - z\n", "{a:[{k:v,l:w},null,z]}")]
    [InlineData("a: ! 12\n", "{a:12}")]
    [InlineData("", "{}")]
    public void Reads_each_shape(string yaml, string shape)
    {
        var (map, diagnostics) = Parse(yaml);
        Assert.Empty(diagnostics);
        // 'null' in quotes is text, not null: the shape shows both as the word, so check that one apart.
        Assert.Equal(shape, Shape(map!));
        if (yaml.Contains("'null'")) Assert.False(((YamlScalar)map!.Entries[2].Value).IsNull);
    }

    [Theory]
    [InlineData("a: 1\n  b: 2\n", "BR201", 3, 4)]
    [InlineData("a: 1\njust text\n", "BR201", 3, 1)]
    [InlineData("a: [x, y\n", "BR201", 3, 1)]
    [InlineData("a: b: c\n", "BR201", 2, 5)]
    [InlineData("a: &x 1\n", "BR203", 2, 4)]
    [InlineData("a: !!str 1\n", "BR303", 2, 4)]
    [InlineData("a: 1\na: 2\n", "BR202", 3, 1)]
    [InlineData("%YAML 1.2\n", "BR201", 3, 1)]
    [InlineData("- a\n- b\n", "BR303", 2, 1)]
    public void Reports_each_mistake_where_it_is(string yaml, string code, int line, int column)
    {
        var (map, diagnostics) = Parse(yaml);
        var d = Assert.Single(diagnostics);
        Assert.Equal((code, line, column), (d.Code.ToString(), d.At.Line, d.At.Column));
        Assert.True(code == "BR202" ? map is not null : map is null);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(40)]
    public void A_duplicate_key_is_found_in_a_short_mapping_and_a_long_one(int keys)
    {
        var yaml = string.Concat(Enumerable.Range(0, keys).Select(i => $"k{i}: {i}\n")) + "k0: again\n";
        var (map, diagnostics) = Parse(yaml);
        var d = Assert.Single(diagnostics);
        Assert.Equal(("BR202", keys + 2), (d.Code, d.At.Line));
        Assert.Equal(keys, map!.Entries.Count);
    }
}
