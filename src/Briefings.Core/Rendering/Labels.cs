using System.Collections.Frozen;
using Fluid;
using Fluid.Values;

namespace Briefings.Rendering;

/// <summary>How the codes of the content format (event and institution types, source kinds, agreement types and
/// statuses, tags, language tags) read on a page: the one table of them, used by templates through the
/// <c>label</c> and <c>language</c> filters and by the charts. A code it does not know reads as its words:
/// "judicial-cooperation" is "Judicial cooperation".</summary>
public static class Labels
{
    private static readonly FrozenDictionary<string, string> Known = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Source kinds, institution and agreement types whose words alone would mislead or shout.
        ["state-media"] = "State media",
        ["court-record"] = "Court record",
        ["ngo"] = "NGO",
        ["media"] = "News media",
        ["international"] = "International organisation",
        ["research"] = "Research institute",
        ["mou"] = "Memorandum of understanding",
        ["in-force"] = "In force",
        ["dprk"] = "DPRK",
        ["un"] = "UN",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Languages = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["en"] = "English", ["ko"] = "Korean", ["ru"] = "Russian", ["zh"] = "Chinese", ["ja"] = "Japanese",
        ["de"] = "German", ["fr"] = "French", ["es"] = "Spanish", ["lo"] = "Lao", ["vi"] = "Vietnamese",
        ["mn"] = "Mongolian", ["km"] = "Khmer", ["th"] = "Thai", ["ar"] = "Arabic", ["fa"] = "Persian",
        ["uk"] = "Ukrainian", ["be"] = "Belarusian", ["it"] = "Italian", ["pt"] = "Portuguese", ["id"] = "Indonesian",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The reader's words for a code: "state-media" is "State media", "delegation" is "Delegation".</summary>
    public static string Of(string? code)
    {
        if (string.IsNullOrEmpty(code)) return "";
        if (Known.TryGetValue(code, out var label)) return label;
        var words = code.Replace('-', ' ').Replace('_', ' ');
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>A BCP 47 tag's language in English ("ko-KP" is "Korean"); the tag itself when it is not in the table.</summary>
    public static string Language(string? tag)
    {
        if (string.IsNullOrEmpty(tag)) return "";
        var primary = tag.Split('-')[0].ToLowerInvariant();
        return Languages.TryGetValue(primary, out var name) ? name : tag;
    }

    /// <summary>The template filters: <c>{{ e.type | label }}</c>, <c>{{ s.language | language }}</c>.</summary>
    public static void AddFilters(FilterCollection filters)
    {
        filters.AddFilter("label", (input, _, _) => new ValueTask<FluidValue>(new StringValue(Of(input.ToStringValue()))));
        filters.AddFilter("language", (input, _, _) => new ValueTask<FluidValue>(new StringValue(Language(input.ToStringValue()))));
    }
}
