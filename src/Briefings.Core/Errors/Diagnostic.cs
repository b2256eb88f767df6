using Briefings.Model;

namespace Briefings.Errors;

public enum Severity { Error, Warning }

/// <summary>One problem in one place: printed as <c>path:line:column: error CODE: message</c>, always on one line:
/// control characters and bidirectional controls in the path (a file may be named with a line break in it) and the
/// replacement character a name that is not UTF-8 is read with are written as escapes, as in quoted values.</summary>
public sealed record Diagnostic(string Path, Position At, Severity Severity, string Code, string Message)
    : IComparable<Diagnostic>
{
    public bool IsError => Severity == Severity.Error;

    public override string ToString() =>
        $"{Errors.Quoting.OneLine(Path)}:{At.Line}:{At.Column}: {(IsError ? "error" : "warning")} {Code}: {Errors.Quoting.OneLine(Message)}";

    /// <summary>A row of the Markdown table of a GitHub job summary: | severity | place | code | message |.</summary>
    public string ToMarkdownRow() =>
        $"| {(IsError ? "error" : "warning")} | {Markdown($"{Errors.Quoting.OneLine(Path)}:{At.Line}:{At.Column}")} | {Code} | {Markdown(Errors.Quoting.OneLine(Message))} |";

    /// <summary>Contributors' text as plain text in a table cell: every character Markdown or HTML gives meaning
    /// to is backslash-escaped, so a message shows what it says and a '|' does not end the cell.</summary>
    private static string Markdown(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length + 8);
        foreach (char c in s)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '~' or '&' or '#' or '!' or '(' or ')') sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>A GitHub Actions workflow command, so a pull request shows it on the line.</summary>
    public string ToGitHubAnnotation() =>
        $"::{(IsError ? "error" : "warning")} file={Escape(Path, true)},line={At.Line},col={At.Column},title={Code}::{Escape(Message, false)}";

    private static string Escape(string s, bool property)
    {
        s = s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");
        return property ? s.Replace(":", "%3A").Replace(",", "%2C") : s;
    }

    public int CompareTo(Diagnostic? other)
    {
        if (other is null) return 1;
        int c = string.CompareOrdinal(Path, other.Path);
        if (c == 0) c = At.Line.CompareTo(other.At.Line);
        if (c == 0) c = At.Column.CompareTo(other.At.Column);
        if (c == 0) c = string.CompareOrdinal(Code, other.Code);
        return c == 0 ? string.CompareOrdinal(Message, other.Message) : c;
    }
}

/// <summary>Collects the diagnostics of a run; thread-safe so files can be read in parallel.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public void Error(string path, Position at, DiagnosticCode code, string message) =>
        Add(new Diagnostic(path, at, Severity.Error, code.Code, message));

    public void Warning(string path, Position at, DiagnosticCode code, string message) =>
        Add(new Diagnostic(path, at, Severity.Warning, code.Code, message));

    public void Add(Diagnostic d) { lock (_items) _items.Add(d); }

    public void AddRange(IEnumerable<Diagnostic> ds) { lock (_items) _items.AddRange(ds); }

    public bool HasErrors { get { lock (_items) return _items.Any(d => d.IsError); } }

    /// <summary>Sorted by file, line and column, duplicates removed: the order they are printed in.</summary>
    public IReadOnlyList<Diagnostic> Sorted() { lock (_items) return _items.Distinct().Order().ToList(); }
}
