using System.Text;
using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Briefings.Markdown;

/// <summary>Finds, in the plain text of a parsed body, citations written so that they would be published as text:
/// a <c>[@</c> the citation parser did not take (<c>[@ kcna-2019]</c>, <c>[@kcna-2019</c>), which is always a mistake, and
/// ids written as <c>[kcna-2019]</c> or a bare <c>@kcna-2019</c>, which are one when the id is a source the file may cite
/// (the checker decides). Only text is looked at: code, links and their text, autolinks and HTML are not, nor an
/// escaped bracket (<c>\[@x]</c>) or a real reference link (<c>[id]</c> with a definition is a link, not text).
/// Fed the nodes of one walk in document order; a run of adjacent pieces of text is looked at as one.</summary>
public sealed partial class CitationMistakes
{
    private readonly StringBuilder _run = new();
    private readonly List<(int Offset, int Line, int Column)> _pieces = [];
    private LiteralInline? _last;

    /// <summary>Citations that cannot be read, each with its fix, at 0-based line and column in the text.</summary>
    public List<(string Message, int Line, int Column)> Miswritten { get; } = [];
    /// <summary>Ids written <c>[id]</c> or <c>@id</c>, as written, at 0-based line and column.</summary>
    public List<(string Id, string Written, int Line, int Column)> Loose { get; } = [];

    [GeneratedRegex(@"\[\s*@")]
    private static partial Regex Opening();
    [GeneratedRegex(@"(?<!\[)\[([a-z0-9]+(?:-[a-z0-9]+)*)\](?!\()")]
    private static partial Regex Bracketed();
    [GeneratedRegex(@"(?<![A-Za-z0-9_.@\[\u0000-])@([a-z0-9]+(?:-[a-z0-9]+)*)")]
    private static partial Regex Bare();
    [GeneratedRegex(@"[A-Za-z0-9]+(?:-+[A-Za-z0-9]+)*")]
    private static partial Regex Word();

    public void Add(MarkdownObject node)
    {
        if (node is not LiteralInline literal || InLink(literal)) return;
        if (_last is null || !ReferenceEquals(literal.PreviousSibling, _last)) Flush();
        _pieces.Add((_run.Length, literal.Line, literal.Column));
        // An escaped character is the writer's own choice: it stands for nothing that can start or end a mistake.
        if (literal.IsFirstCharacterEscaped) _run.Append('\u0000');
        else _run.Append(literal.Content.AsSpan());
        _last = literal;
    }

    private static bool InLink(Inline inline)
    {
        for (var p = inline.Parent; p is not null; p = p.Parent)
            if (p is LinkInline) return true;
        return false;
    }

    /// <summary>Looks at the run of text collected so far; call once more after the last node.</summary>
    public void Flush()
    {
        if (_run.Length > 0) Scan(_run.ToString());
        _run.Clear();
        _pieces.Clear();
        _last = null;
    }

    private void Scan(string text)
    {
        var taken = new List<(int From, int To)>();
        foreach (Match m in Opening().Matches(text))
        {
            if (taken.Any(t => m.Index < t.To)) continue;
            int close = text.IndexOf(']', m.Index);
            int end = close >= 0 && close - m.Index <= 300 ? close + 1 : Math.Min(text.Length, m.Index + 300);
            var ids = Word().Matches(text[(m.Index + 1)..(close >= 0 && close < end ? close : end)])
                .Select(w => w.Value.ToLowerInvariant()).Where(Reading.Fields.IsValidId).Distinct().ToList();
            var fix = ids.Count == 0 ? "[@source-id]" : "[" + string.Join("; ", ids.Select(id => "@" + id)) + "]";
            var written = Errors.Quoting.Shorten(text[m.Index..end].Replace('\u0000', '\\'));
            Report(m.Index, close >= 0 && close < end
                ? $"citation '{written}' cannot be read (an id follows '@' with no space, ids are separated by ';') and would be published as plain text; write {fix}"
                : $"'[@' opens a citation that is not closed with ']' and would be published as plain text; write {fix}");
            taken.Add((m.Index, end));
        }
        foreach (Match m in Bracketed().Matches(text))
            if (!taken.Any(t => m.Index >= t.From && m.Index < t.To)) Add(m.Index, m.Groups[1].Value, m.Value);
        foreach (Match m in Bare().Matches(text))
            if (!taken.Any(t => m.Index >= t.From && m.Index < t.To)) Add(m.Index, m.Groups[1].Value, m.Value);
    }

    private (int Line, int Column) Where(int offset)
    {
        var piece = _pieces[0];
        foreach (var p in _pieces)
        {
            if (p.Offset > offset) break;
            piece = p;
        }
        return (piece.Line, piece.Column + offset - piece.Offset);
    }

    private void Report(int offset, string message)
    {
        var (line, column) = Where(offset);
        Miswritten.Add((message, line, column));
    }

    private void Add(int offset, string id, string written)
    {
        var (line, column) = Where(offset);
        Loose.Add((id, written, line, column));
    }
}
