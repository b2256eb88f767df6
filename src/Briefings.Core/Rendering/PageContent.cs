using System.Globalization;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;

namespace Briefings.Rendering;

/// <summary>The layout's <c>{{ content }}</c>: the page's own template, rendered at the moment the layout writes
/// it, straight into the layout's output. A page is never held whole in memory, so a list page of thousands of
/// entries costs no large string (each would be a large-object-heap allocation, and a full collection soon after).</summary>
internal sealed class PageContent(IFluidTemplate template, TemplateContext context) : FluidValue
{
    public override FluidValues Type => FluidValues.String;
    public override bool Equals(FluidValue other) => ReferenceEquals(other, this);
    public override bool ToBooleanValue() => true;
    public override decimal ToNumberValue() => 0;
    public override object ToObjectValue() => ToStringValue();

    public override string ToStringValue()
    {
        var text = new StringWriter();
        Theme.RenderTo(template, text, context);
        return text.ToString();
    }

    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
    {
        Theme.RenderTo(template, writer, context);
        return ValueTask.CompletedTask;
    }

    public override bool Equals(object? obj) => obj is FluidValue v && Equals(v);
    public override int GetHashCode() => template.GetHashCode();
}
