using System.Globalization;
using System.Text;
using Briefings.Tests.Support;

namespace Briefings.Tests.Security;

/// <summary>One hostile string of payloads.txt, with its category and its number in the file (1-based, in order).</summary>
public sealed record Payload(int Number, string Category, string Text)
{
    public override string ToString() => $"#{Number} [{Category}] {Text.Replace("\n", "\\n").Replace("\r", "\\r").Replace("\t", "\\t")}";
}

/// <summary>The corpus of tests/Briefings.Tests/Security/payloads.txt.</summary>
public static class Payloads
{
    public static string FilePath => Path.Combine(RepoPaths.Root, "tests", "Briefings.Tests", "Security", "payloads.txt");

    public static IReadOnlyList<Payload> All { get; } = Load(FilePath);

    public static IReadOnlyList<string> Categories => All.Select(p => p.Category).Distinct().ToList();

    /// <summary>What a payload's code does when it runs, so that the browser test can see it: a dialog, or this global.</summary>
    public const string Sentinel = "__xss";

    private static List<Payload> Load(string path)
    {
        var payloads = new List<Payload>();
        string? category = null;
        foreach (var line in File.ReadAllLines(path, Encoding.UTF8))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith('[') && line.EndsWith(']') && !line.Contains(' ') && line.Length < 40)
            {
                category = line[1..^1];
                continue;
            }
            if (category is null) throw new InvalidDataException($"{path}: a payload before the first [category]: {line}");
            payloads.Add(new Payload(payloads.Count + 1, category, Unescape(line)));
        }
        return payloads;
    }

    private static string Unescape(string line)
    {
        var sb = new StringBuilder(line.Length);
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] != '\\' || i + 1 == line.Length) { sb.Append(line[i]); continue; }
            char next = line[++i];
            switch (next)
            {
                case 't': sb.Append('\t'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case '0': sb.Append('\0'); break;
                case 'e': sb.Append('\u001b'); break;
                case '\\': sb.Append('\\'); break;
                case 'u' when i + 4 < line.Length && int.TryParse(line.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code):
                    sb.Append((char)code);
                    i += 4;
                    break;
                default: sb.Append('\\').Append(next); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>A YAML double-quoted scalar holding exactly <paramref name="text"/>.</summary>
    public static string Yaml(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' or '\uFEFF') sb.Append($"\\u{(int)c:X4}");
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    /// <summary>The text as a page shows it: HTML parsing turns CR and CRLF into LF and NUL into U+FFFD; front matter
    /// trims texts.</summary>
    public static string AsShown(string text) =>
        text.Trim().Replace("\r\n", "\n").Replace('\r', '\n').Replace('\0', '\uFFFD');
}
