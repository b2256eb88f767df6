using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Fluid.Values;

namespace Briefings.Rendering;

/// <summary>Already-safe HTML held as a StringBuilder and written out chunk by chunk, so a large page's content
/// never becomes one large string (each would be a large-object-heap allocation, and a full GC soon after).</summary>
internal sealed class RawHtml(StringBuilder html) : FluidValue
{
    public override FluidValues Type => FluidValues.String;
    public override bool Equals(FluidValue other) => other is RawHtml r && ReferenceEquals(r, this);
    public override bool ToBooleanValue() => html.Length > 0;
    public override decimal ToNumberValue() => 0;
    public override string ToStringValue() => html.ToString();
    public override object ToObjectValue() => ToStringValue();

    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
    {
        foreach (var chunk in html.GetChunks()) writer.Write(chunk.Span);
        return ValueTask.CompletedTask;
    }

    public override bool Equals(object? obj) => obj is FluidValue v && Equals(v);
    public override int GetHashCode() => html.GetHashCode();
}
