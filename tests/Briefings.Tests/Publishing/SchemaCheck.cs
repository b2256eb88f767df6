using System.Text.Json;
using System.Text.RegularExpressions;

namespace Briefings.Tests.Publishing;

/// <summary>Validates JSON against archive.schema.json. No draft 2020-12 validator is served by this project's NuGet
/// source (JsonSchema.Net is missing; NJsonSchema cannot resolve $defs), so this checks the keywords that schema
/// uses, as the specification defines them, and refuses any keyword it does not know, so the schema cannot grow a
/// rule that nothing checks. The same files are checked with a complete validator outside the tests (docs/data.md).</summary>
public sealed class SchemaCheck(JsonElement root)
{
    private static readonly HashSet<string> Annotations = ["$schema", "$defs", "title", "description", "format"];

    public List<string> Errors { get; } = [];

    public static IReadOnlyList<string> Validate(JsonElement schema, JsonElement instance)
    {
        var check = new SchemaCheck(schema);
        check.Check(schema, instance, "$");
        return check.Errors;
    }

    /// <summary>Checks one value; returns the property names this schema (with its allOf and $ref) evaluated, for
    /// unevaluatedProperties.</summary>
    private HashSet<string> Check(JsonElement schema, JsonElement value, string at)
    {
        var evaluated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var keyword in schema.EnumerateObject())
        {
            var k = keyword.Value;
            switch (keyword.Name)
            {
                case var a when Annotations.Contains(a):
                    break;
                case "$ref":
                    evaluated.UnionWith(Check(Resolve(k.GetString()!), value, at));
                    break;
                case "type":
                    var types = k.ValueKind == JsonValueKind.Array ? k.EnumerateArray().Select(t => t.GetString()!).ToList() : [k.GetString()!];
                    if (!types.Any(t => IsType(value, t))) Fail(at, $"is {value.ValueKind}, not {string.Join(" or ", types)}");
                    break;
                case "enum":
                    if (!k.EnumerateArray().Any(e => JsonElement.DeepEquals(e, value))) Fail(at, $"{value} is not one of {k}");
                    break;
                case "const":
                    if (!JsonElement.DeepEquals(k, value)) Fail(at, $"{value} is not {k}");
                    break;
                case "pattern":
                    if (value.ValueKind == JsonValueKind.String && !Regex.IsMatch(value.GetString()!, k.GetString()!)) Fail(at, $"'{value}' does not match {k}");
                    break;
                case "minLength":
                    if (value.ValueKind == JsonValueKind.String && value.GetString()!.EnumerateRunes().Count() < k.GetInt32()) Fail(at, $"is shorter than {k}");
                    break;
                case "maxLength":
                    if (value.ValueKind == JsonValueKind.String && value.GetString()!.EnumerateRunes().Count() > k.GetInt32()) Fail(at, $"is longer than {k}");
                    break;
                case "minimum":
                    if (value.ValueKind == JsonValueKind.Number && value.GetDouble() < k.GetDouble()) Fail(at, $"is below {k}");
                    break;
                case "minItems":
                    if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() < k.GetInt32()) Fail(at, $"has fewer than {k} items");
                    break;
                case "items":
                    if (value.ValueKind == JsonValueKind.Array)
                    {
                        int i = 0;
                        foreach (var item in value.EnumerateArray()) Check(k, item, $"{at}[{i++}]");
                    }
                    break;
                case "required":
                    if (value.ValueKind == JsonValueKind.Object)
                        foreach (var name in k.EnumerateArray().Select(n => n.GetString()!))
                            if (!value.TryGetProperty(name, out _)) Fail(at, $"has no '{name}'");
                    break;
                case "properties":
                    if (value.ValueKind == JsonValueKind.Object)
                        foreach (var property in k.EnumerateObject())
                        {
                            evaluated.Add(property.Name);
                            if (value.TryGetProperty(property.Name, out var v)) Check(property.Value, v, $"{at}.{property.Name}");
                        }
                    break;
                case "additionalProperties" or "unevaluatedProperties":
                    break; // after the others, below
                case "allOf":
                    foreach (var sub in k.EnumerateArray()) evaluated.UnionWith(Check(sub, value, at));
                    break;
                case "anyOf":
                    if (!k.EnumerateArray().Any(sub => Passes(sub, value)))
                        Fail(at, $"{value} matches none of {k}");
                    break;
                default:
                    throw new NotSupportedException($"the schema uses '{keyword.Name}', which this check does not know: teach it, or use a keyword it knows");
            }
        }
        foreach (var name in new[] { "additionalProperties", "unevaluatedProperties" })
            if (schema.TryGetProperty(name, out var rule) && value.ValueKind == JsonValueKind.Object)
            {
                if (rule.ValueKind != JsonValueKind.False) throw new NotSupportedException($"only '{name}': false is supported");
                var allowed = name == "additionalProperties"
                    ? schema.TryGetProperty("properties", out var p) ? p.EnumerateObject().Select(x => x.Name).ToHashSet() : []
                    : evaluated;
                foreach (var property in value.EnumerateObject())
                    if (!allowed.Contains(property.Name)) Fail(at, $"has '{property.Name}', which the schema does not allow");
            }
        return evaluated;
    }

    private bool Passes(JsonElement schema, JsonElement value)
    {
        var check = new SchemaCheck(root);
        check.Check(schema, value, "");
        return check.Errors.Count == 0;
    }

    private JsonElement Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal)) throw new NotSupportedException($"only local references: {reference}");
        var node = root;
        foreach (var part in reference[2..].Split('/')) node = node.GetProperty(part);
        return node;
    }

    private static bool IsType(JsonElement v, string type) => type switch
    {
        "object" => v.ValueKind == JsonValueKind.Object,
        "array" => v.ValueKind == JsonValueKind.Array,
        "string" => v.ValueKind == JsonValueKind.String,
        "integer" => v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out _),
        "number" => v.ValueKind == JsonValueKind.Number,
        "boolean" => v.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => v.ValueKind == JsonValueKind.Null,
        _ => throw new NotSupportedException($"type '{type}'"),
    };

    private void Fail(string at, string message) => Errors.Add($"{at} {message}");
}
