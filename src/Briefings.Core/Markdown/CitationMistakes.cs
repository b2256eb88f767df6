using System.Text.RegularExpressions;
using Briefings.Markdown.Citations;
using Briefings.Markdown.Mentions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Briefings.Markdown;

/// <summary>Finds, in the prose of a parsed text, citations written so that they would be published as plain text:
/// a <c>[@</c> the citation parser did not take (<c>[@ kcna-2019]</c>, <c>[@kcna-2019</c>), which is always a mistake, and
/// ids written as <c>[kcna-2019]</c> or a bare <c>@kcna-2019</c>, which are one when the id is a source the file may cite
/// (the checker decides). The source text of each paragraph, heading or cell is looked at, less what Markdown made
/// something else of: code, links with their text, autolinks, HTML, citations, mentions, escaped characters
/// (<c>\[@x]</c>); a real reference link (<c>[id]</c> with a definition) is a link. Fed the nodes of one walk.</summary>
/// <remarks>Markdig's literal pieces of text are not used: the ones it makes of unmatched brackets carry no line
/// and column, and an unclosed bracket keeps its text in a container of its own.</remarks>
public sealed partial class CitationMistakes(string text)
{
    private readonly List<SourceSpan> _prose = [];
    private readonly List<SourceSpan> _other = [];

    /// <summary>Citations that cannot be read, each with its fix, at 0-based line and column in the text.</summary>
    public List<(string Message, int Line, int Column)> Miswritten { get; } = [];
    /// <summary>Ids written <c>[id]</c> or <c>@id</c>, as written, at 0-based line and column.</summary>
    public List<(string Id, string Written, int Line, int Column)> Loose { get; } = [];

    [GeneratedRegex(@"(?<!\\)\[\s*@")]
    private static partial Regex Opening();
    [GeneratedRegex(@"(?<![\[\\])\[([a-z0-9]+(?:-[a-z0-9]+)*)\](?![\(\[:])")]
    private static partial Regex Bracketed();
    [GeneratedRegex(@"(?<![A-Za-z0-9_.@\[\\-])@([a-z0-9]+(?:-[a-z0-9]+)*)")]
    private static partial Regex Bare();
    [GeneratedRegex(@"[A-Za-z0-9]+(?:-+[A-Za-z0-9]+)*")]
    private static partial Regex Word();

    public void Add(MarkdownObject node)
    {
        switch (node)
        {
            case LeafBlock { Inline: not null } block when !block.Span.IsEmpty:
                _prose.Add(block.Span);
                break;
            case CodeInline or LinkInline or AutolinkInline or HtmlInline or CitationInline or MentionInline:
            case LiteralInline { IsFirstCharacterEscaped: true }:
                _other.Add(node.Span);
                break;
        }
    }

    /// <summary>Looks at the prose collected; call once, after the last node.</summary>
    public void Finish()
    {
        foreach (var span in _prose)
        {
            int end = Math.Min(span.End + 1, text.Length);
            if (span.Start >= end) continue;
            var prose = text[span.Start..end];
            Scan(prose, span.Start);
        }
    }

    private bool IsOther(int at) => _other.Any(o => at >= o.Start && at <= o.End);

    private void Scan(string prose, int offset)
    {
        var taken = new List<(int From, int To)>();
        foreach (Match m in Opening().Matches(prose))
        {
            if (IsOther(offset + m.Index) || taken.Any(t => m.Index < t.To)) continue;
            int close = prose.IndexOf(']', m.Index);
            bool closed = close >= 0 && close - m.Index <= 300 && prose.IndexOf('\n', m.Index, close - m.Index) < 0;
            int end = closed ? close + 1 : Math.Min(prose.Length, LineEnd(prose, m.Index));
            var ids = Word().Matches(prose[(m.Index + 1)..(closed ? close : end)])
                .Select(w => w.Value.ToLowerInvariant()).Where(Reading.Fields.IsValidId).Distinct()
                .Take(closed ? int.MaxValue : 1).ToList(); // unclosed, only the id that follows is surely meant
            var fix = ids.Count == 0 ? "[@source-id]" : "[" + string.Join("; ", ids.Select(id => "@" + id)) + "]";
            Report(offset + m.Index, closed
                ? $"citation '{Reading.Fields.Shorten(prose[m.Index..end])}' cannot be read (an id follows '@' with no space, ids are separated by ';') and would be published as plain text; write {fix}"
                : $"'[@' opens a citation that is not closed with ']' on its line, and would be published as plain text; write {fix}");
            taken.Add((m.Index, end));
        }
        foreach (var regex in new[] { Bracketed(), Bare() })
            foreach (Match m in regex.Matches(prose))
                if (!IsOther(offset + m.Index) && !taken.Any(t => m.Index >= t.From && m.Index < t.To))
                {
                    var (line, column) = Where(offset + m.Index);
                    Loose.Add((m.Groups[1].Value, m.Value, line, column));
                }
    }

    private static int LineEnd(string s, int from) => s.IndexOf('\n', from) is >= 0 and var i ? i : s.Length;

    /// <summary>The 0-based line and column of an offset in the text.</summary>
    private (int Line, int Column) Where(int offset)
    {
        int line = text.AsSpan(0, offset).Count('\n');
        int lineStart = offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;
        return (line, offset - lineStart);
    }

    private void Report(int offset, string message)
    {
        var (line, column) = Where(offset);
        Miswritten.Add((message, line, column));
    }
}
