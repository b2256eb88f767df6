using System.Text.RegularExpressions;
using Briefings.Errors;
using Briefings.Markdown;
using Briefings.Model;
using static Briefings.Errors.Quoting;

namespace Briefings.Reading;

/// <summary>Reads typed fields out of one front-matter mapping, reporting each problem at its value.
/// Every key read is remembered, so <see cref="ReportUnknownKeys"/> can flag the rest as typos.</summary>
public sealed partial class Fields(YamlMap map, string path, DiagnosticBag diagnostics)
{
    /// <summary>The keys read so far: a handful, so a list.</summary>
    private readonly List<string> _known = [];

    public string Path => path;
    public DiagnosticBag Diagnostics => diagnostics;
    public Position At => map.At;

    public static Regex IdRule() => Model.Ids.Rule();
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex TagRule();
    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguageRule();
    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex IsoRule();

    public const int MaxIdLength = Model.Ids.MaxLength;

    public void Error(Position at, DiagnosticCode code, string message) => diagnostics.Error(path, at, code, message);

    /// <summary>The raw node of a key, or null when absent or empty (YAML null).</summary>
    public YamlNode? Node(string key)
    {
        if (!_known.Contains(key)) _known.Add(key);
        int i = map.IndexOf(key);
        return i < 0 || map.Entries[i].Value is YamlScalar { IsNull: true } ? null : map.Entries[i].Value;
    }

    private Position KeyOrMap(string key) => map.IndexOf(key) is >= 0 and var i ? map.Entries[i].Key.At : map.At;

    private void Missing(string key) => Error(KeyOrMap(key), DiagnosticCode.Required, $"missing required field '{key}'");

    public string? Text(string key, bool required = false, int maxLength = 10_000)
    {
        var node = Node(key);
        if (node is null) { if (required) Missing(key); return null; }
        if (node is not YamlScalar s) { WrongType(node, key, "a text"); return null; }
        var text = s.Text.Trim();
        if (text.Length == 0) { if (required) Missing(key); return null; }
        if (text.Length > maxLength)
            Error(s.At, DiagnosticCode.TooLong, $"'{key}' is {text.Length} characters; at most {maxLength} are allowed");
        return text;
    }

    public string? Choice(string key, IReadOnlyList<string> options, bool required = false)
    {
        var node = Node(key);
        var text = Text(key, required);
        if (text is null || node is null) return null;
        if (options.Contains(text)) return text;
        Error(node.At, DiagnosticCode.BadChoice,
            $"'{key}' cannot be '{Shorten(text)}'; use one of {string.Join(", ", options)}{Suggestions.Hint(text, options)}");
        return null;
    }

    public PartialDate? Date(string key, bool required = false, bool full = false)
    {
        var node = Node(key);
        var text = Text(key, required);
        return text is null || node is null ? null : ParseDate(text, node.At, key, full);
    }

    public PartialDate? ParseDate(string text, Position at, string key, bool full)
    {
        if (!PartialDate.TryParse(text, out var date))
        {
            Error(at, DiagnosticCode.BadDate, $"'{key}' is not a real date: '{Shorten(text)}' (write YYYY, YYYY-MM or YYYY-MM-DD)");
            return null;
        }
        if (full && !date.IsFull)
        {
            Error(at, DiagnosticCode.PartialNotAllowed, $"'{key}' needs a full date (YYYY-MM-DD), not '{Shorten(text)}'");
            return null;
        }
        return date;
    }

    public string? Url(string key, bool required = false)
    {
        var node = Node(key);
        var text = Text(key, required);
        if (text is null || node is null) return null;
        if (UrlPolicy.IsAbsoluteHttp(text)) return text;
        Error(node.At, DiagnosticCode.BadUrl, $"'{key}' must be an absolute http or https URL, not '{Shorten(text)}'");
        return null;
    }

    public string? Language(string key)
    {
        var node = Node(key);
        var text = Text(key);
        if (text is null || node is null) return null;
        if (LanguageRule().IsMatch(text)) return text;
        Error(node.At, DiagnosticCode.BadCode, $"'{key}' must be a BCP 47 language tag such as 'en' or 'ko', not '{Shorten(text)}'");
        return null;
    }

    public string? Iso(string key, bool required)
    {
        var node = Node(key);
        var text = Text(key, required);
        if (text is null || node is null) return null;
        if (IsoRule().IsMatch(text)) return text;
        Error(node.At, DiagnosticCode.BadCode, $"'{key}' must be an ISO 3166-1 alpha-2 code in capitals such as 'KP', not '{Shorten(text)}'");
        return null;
    }

    public Ref? Id(string key, bool required = false)
    {
        var node = Node(key);
        if (node is null) { if (required) Missing(key); return null; }
        return AsId(node, key);
    }

    public IReadOnlyList<Ref> Ids(string key, bool required = false, int atLeast = 0) =>
        List(key, required, atLeast, n => AsId(n, key));

    public IReadOnlyList<string> Texts(string key, int maxLength = 500) =>
        List(key, false, 0, n => n is YamlScalar s && s.Text.Trim().Length > 0
            ? s.Text.Trim().Length <= maxLength ? s.Text.Trim() : TooLong(s, key, maxLength)
            : WrongType<string>(n, key, "a text"));

    public IReadOnlyList<string> Tags(string key) =>
        List(key, false, 0, n => n is YamlScalar s && TagRule().IsMatch(s.Text) && s.Text.Length <= MaxIdLength
            ? s.Text
            : BadTag(n, key));

    /// <summary>A list whose items are converted by <paramref name="item"/>; items it rejects (null) are dropped.</summary>
    public IReadOnlyList<T> List<T>(string key, bool required, int atLeast, Func<YamlNode, T?> item)
    {
        var node = Node(key);
        if (node is null) { if (required) Missing(key); return []; }
        if (node is not YamlList list) { WrongType(node, key, "a list (one '- item' per line, or [a, b])"); return []; }
        if (list.Items.Count < atLeast)
            Error(list.Items.Count == 0 ? KeyOrMap(key) : list.At, list.Items.Count == 0 ? DiagnosticCode.Required : DiagnosticCode.TooFew,
                list.Items.Count == 0 ? $"missing required field '{key}'" : $"'{key}' needs at least {atLeast} entries; it has {list.Items.Count}");
        var result = new List<T>(list.Items.Count);
        foreach (var n in list.Items)
            if (item(n) is { } v) result.Add(v);
        return result;
    }

    /// <summary>A list of mappings, each read with its own <see cref="Fields"/>.</summary>
    public IReadOnlyList<T> Records<T>(string key, bool required, int atLeast, Func<Fields, int, T?> read, string what) where T : class
    {
        int index = 0;
        return List(key, required, atLeast, n =>
        {
            if (n is not YamlMap m) return WrongType<T>(n, key, what);
            var fields = new Fields(m, path, diagnostics);
            var value = read(fields, index++);
            fields.ReportUnknownKeys();
            return value;
        });
    }

    public Ref? AsId(YamlNode node, string key)
    {
        if (node is not YamlScalar s || s.IsNull) return WrongType<Ref>(node, key, "an id");
        var id = s.Text.Trim();
        if (!IsValidId(id))
        {
            Error(s.At, DiagnosticCode.BadId, $"'{Shorten(id)}' is not a valid id in '{key}': use lowercase letters, digits and single hyphens, at most {MaxIdLength} characters{IdHint(id)}");
            return null;
        }
        return new Ref(id, s.At);
    }

    /// <summary>" (did you mean 'kim-myong-gil'?)" for 'Kim_Myong_Gil': lowercase, other characters as single hyphens; or empty.</summary>
    public static string IdHint(string id)
    {
        var fixedId = string.Join('-', new string(id.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray())
            .Split('-', StringSplitOptions.RemoveEmptyEntries));
        return IsValidId(fixedId) && fixedId != id ? $" (did you mean '{fixedId}'?)" : "";
    }

    public static bool IsValidId(string id) => Model.Ids.IsValid(id);

    public void ReportUnknownKeys()
    {
        foreach (var (k, _) in map.Entries)
            if (!_known.Contains(k.Text))
                Error(k.At, DiagnosticCode.UnknownKey, $"unknown key '{Shorten(k.Text)}'{Suggestions.Hint(k.Text, _known)}");
    }

    private void WrongType(YamlNode node, string key, string expected) =>
        Error(node.At, DiagnosticCode.WrongType, $"'{key}' must be {expected}, not {Describe(node)}");

    private T? WrongType<T>(YamlNode node, string key, string expected) where T : class
    {
        WrongType(node, key, expected);
        return null;
    }

    private string? TooLong(YamlScalar s, string key, int max)
    {
        Error(s.At, DiagnosticCode.TooLong, $"an entry of '{key}' is longer than {max} characters");
        return null;
    }

    private string? BadTag(YamlNode n, string key)
    {
        if (n is not YamlScalar s) return WrongType<string>(n, key, "a word");
        Error(s.At, DiagnosticCode.BadCode, $"'{Shorten(s.Text)}' is not a valid tag: use lowercase words joined by hyphens");
        return null;
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlList => "a list",
        YamlMap => "a mapping",
        _ => "a text",
    };
}
