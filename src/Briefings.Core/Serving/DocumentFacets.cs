using System.Text.Json;
using System.Text.Json.Serialization;
using Briefings.Model;

namespace Briefings.Serving;

/// <summary>Tells what changed in a document between two reads. Its whole text is shown only on its own
/// page; other pages show its "facet": everything but the body prose (names, dates, relations, events...).
/// Positions are left out, so moving a field to another line changes nothing a reader sees.</summary>
public static class DocumentFacets
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new PositionOmitted(), new RefAsId() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>What other pages may show of the document.</summary>
    public static string Facet(Document d) =>
        JsonSerializer.Serialize(d with { Body = "", BodyLine = 0, Path = "" }, d.GetType(), Options);

    /// <summary>Everything a page of the site may show of the document, body included.</summary>
    public static string Whole(Document d) =>
        JsonSerializer.Serialize(d with { BodyLine = 0, Path = "" }, d.GetType(), Options);

    private sealed class PositionOmitted : JsonConverter<Position>
    {
        public override Position Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();
        public override void Write(Utf8JsonWriter writer, Position value, JsonSerializerOptions options) => writer.WriteNullValue();
    }

    private sealed class RefAsId : JsonConverter<Ref>
    {
        public override Ref Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();
        public override void Write(Utf8JsonWriter writer, Ref value, JsonSerializerOptions options) => writer.WriteStringValue(value.Id);
    }
}
