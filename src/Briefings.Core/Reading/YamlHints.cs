using Briefings.Errors;
using YamlDotNet.Core;

namespace Briefings.Reading;

/// <summary>The common mistakes behind a YAML syntax error, found in the text around where the parser gave up, and
/// said in our words at their own place: a tab in an indentation, and unquoted values that YAML reads as syntax
/// (<c>[[</c>, <c>: </c>, a leading <c>@</c> or backtick).</summary>
internal static class YamlHints
{
    public sealed record Hint(Mark At, string Message);

    /// <param name="at">Where the parser gave up (1-based line and column of the YAML).</param>
    public static Hint? Explain(string yaml, Mark at, string parserMessage)
    {
        var lines = yaml.Split('\n');
        if (parserMessage.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstIndentingTab(lines) is { } tab)
            return new Hint(tab, "use spaces, not a tab, to indent");
        if (at.Line < 1 || at.Line > lines.Length) return null;
        var line = lines[at.Line - 1].TrimEnd('\r');
        int start = ValueStart(line);
        if (start < 0 || at.Column - 1 < start) return null;
        var value = line[start..].TrimEnd();
        var quoted = $"write it in quotes: \"{Errors.Quoting.Shorten(value.Replace("\\", "\\\\").Replace("\"", "\\\""))}\"";
        Mark Column(int index) => new(at.Index, at.Line, index + 1);
        if (value.StartsWith("[[", StringComparison.Ordinal))
            return new Hint(Column(start), $"quote this value: unquoted, '[[' starts a YAML list; {quoted}");
        if (value[0] is '@' or '`')
            return new Hint(Column(start), $"a value cannot start with '{value[0]}' unless it is quoted; {quoted}");
        int colon = value.IndexOf(": ", StringComparison.Ordinal);
        if (colon > 0 && value[0] is not ('"' or '\'' or '[' or '{' or '|' or '>'))
            return new Hint(Column(start + colon), $"': ' inside an unquoted value reads as a new key; {quoted}");
        return null;
    }

    /// <summary>The first tab among the spaces that indent a line, 1-based.</summary>
    private static Mark? FirstIndentingTab(string[] lines)
    {
        for (int i = 0; i < lines.Length; i++)
            for (int c = 0; c < lines[i].Length && lines[i][c] is ' ' or '\t' or '-'; c++)
                if (lines[i][c] == '\t') return new Mark(0, i + 1, c + 1);
        return null;
    }

    /// <summary>Where the value of a <c>key: value</c> or <c>- value</c> line starts, or -1.</summary>
    private static int ValueStart(string line)
    {
        int i = 0;
        while (true)
        {
            while (i < line.Length && line[i] == ' ') i++;
            if (i + 1 < line.Length && line[i] == '-' && line[i + 1] == ' ') { i += 2; continue; }
            break;
        }
        if (i >= line.Length) return -1;
        // A key is a plain word before ': '; a line that starts with a quote or bracket is a value itself.
        if (line[i] is not ('"' or '\'' or '[' or '{' or '@' or '`'))
        {
            int colon = line.IndexOf(": ", i, StringComparison.Ordinal);
            if (colon > i && !line.AsSpan(i, colon - i).ContainsAny(' ', '\t'))
            {
                i = colon + 2;
                while (i < line.Length && line[i] == ' ') i++;
            }
        }
        return i < line.Length ? i : -1;
    }
}
