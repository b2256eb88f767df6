using System.Text.Json;

namespace Briefings.Rendering.Charts.Map;

/// <summary>The countries a map can draw: Natural Earth's 1:110m shapes (public domain), as the world-atlas npm
/// package (2.0.2, ISC licence) ships them, projected once (Equal Earth, 1000 units wide) by
/// tests/tools/world-map/make-map.mjs into countries.json beside this file, which is built into the program. A
/// country's point, where its arcs start and end, is the centre of its largest polygon: derived from the shapes, so
/// the content format needs no coordinates.</summary>
public static class WorldMap
{
    private static readonly Lazy<(double Width, double Height, IReadOnlyDictionary<string, Shape> ByIso)> Data = new(Load);

    public static double Width => Data.Value.Width;
    public static double Height => Data.Value.Height;

    /// <summary>A country's shape by its ISO 3166-1 alpha-2 code (as a country file gives it), if Natural Earth has one
    /// at this scale (the smallest states have none).</summary>
    public static Shape? Of(string iso) => Data.Value.ByIso.TryGetValue(iso.ToUpperInvariant(), out var s) ? s : null;

    /// <summary>Every shape, by code: the order a map draws them in.</summary>
    public static IEnumerable<Shape> All => Data.Value.ByIso.Values;

    private static (double, double, IReadOnlyDictionary<string, Shape>) Load()
    {
        using var stream = typeof(WorldMap).Assembly.GetManifestResourceStream("Briefings.Rendering.Charts.Map.countries.json")
            ?? throw new InvalidOperationException("the map's countries.json is not built into the program");
        using var doc = JsonDocument.Parse(stream);
        var root = doc.RootElement;
        var shapes = new SortedDictionary<string, Shape>(StringComparer.Ordinal);
        foreach (var c in root.GetProperty("countries").EnumerateArray())
        {
            var box = c.GetProperty("box");
            var shape = new Shape(c.GetProperty("iso").GetString()!, c.GetProperty("x").GetDouble(), c.GetProperty("y").GetDouble(),
                box[0].GetDouble(), box[1].GetDouble(), box[2].GetDouble(), box[3].GetDouble(), c.GetProperty("d").GetString()!);
            shapes[shape.Iso] = shape;
        }
        return (root.GetProperty("width").GetDouble(), root.GetProperty("height").GetDouble(), shapes);
    }
}

/// <summary>A country as drawn: its point, its bounding box and its outline (SVG path data), in map units.</summary>
public sealed record Shape(string Iso, double X, double Y, double Left, double Top, double Right, double Bottom, string Path);
