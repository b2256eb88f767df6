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
    // Made by Finish: what is not prose as sorted, disjoint spans, and where each line starts, so that a body with
    // thousands of '@' costs a binary search per match, not a walk of the text.
    private (int Start, int End)[] _notProse = [];
    private int[] _lineStarts = [];

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
    [GeneratedRegex(@"@\s*([A-Za-z0-9]+(?:-+[A-Za-z0-9]+)*)")]
    private static partial Regex AtWord();

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
        var merged = new List<(int Start, int End)>();
        foreach (var o in _other.OrderBy(o => o.Start))
            if (merged.Count > 0 && o.Start <= merged[^1].End + 1) merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, o.End));
            else merged.Add((o.Start, o.End));
        _notProse = [.. merged];
        var starts = new List<int> { 0 };
        for (int i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1)) starts.Add(i + 1);
        _lineStarts = [.. starts];
        foreach (var span in _prose)
        {
            int end = Math.Min(span.End + 1, text.Length);
            if (span.Start >= end) continue;
            var prose = text[span.Start..end];
            Scan(prose, span.Start);
        }
    }

    /// <summary>The index of the last span of <see cref="_notProse"/> starting at or before <paramref name="at"/>, or -1.</summary>
    private int LastStartingBy(int at)
    {
        int lo = 0, hi = _notProse.Length - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (_notProse[mid].Start <= at) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }

    private bool IsOther(int at) => LastStartingBy(at) is >= 0 and var i && at <= _notProse[i].End;

    /// <summary>Where the next span that is not prose starts after <paramref name="at"/>, or int.MaxValue.</summary>
    private int NextOther(int at) => LastStartingBy(at) + 1 is var i && i < _notProse.Length ? _notProse[i].Start : int.MaxValue;

    /// <summary>Mistakes kept of each sort, as many as a body may hold references: a generated body of a million
    /// '@x' must not make a million lines of output.</summary>
    public const int Max = 2_000;

    private void Scan(string prose, int offset)
    {
        if (Miswritten.Count >= Max && Loose.Count >= Max) return;
        var taken = new List<(int From, int To)>();
        foreach (Match m in Opening().Matches(prose))
        {
            if (Miswritten.Count >= Max) break;
            if (IsOther(offset + m.Index) || taken.Count > 0 && m.Index < taken[^1].To) continue;
            // A citation ends at its ']', on its line, before anything Markdown made something else of (code, a link).
            int limit = (int)Math.Min(LineEnd(prose, m.Index), (long)NextOther(offset + m.Index) - offset);
            int close = prose.IndexOf(']', m.Index, limit - m.Index);
            bool closed = close >= 0 && close - m.Index <= 300;
            int end = closed ? close + 1 : limit;
            // The ids meant are those written after an '@'.
            var ids = AtWord().Matches(prose[(m.Index + 1)..(closed ? close : end)])
                .Select(w => w.Groups[1].Value.ToLowerInvariant()).Where(Model.Ids.IsValid).Distinct().ToList();
            var fix = ids.Count == 0 ? "[@source-id]" : "[" + string.Join("; ", ids.Select(id => "@" + id)) + "]";
            Report(offset + m.Index, closed
                ? $"citation '{Errors.Quoting.Shorten(prose[m.Index..end])}' cannot be read (an id follows '@' with no space, ids are separated by ';') and would be published as plain text; write {fix}"
                : $"'[@' opens a citation that is not closed with ']' on its line, and would be published as plain text; write {fix}");
            taken.Add((m.Index, end));
        }
        foreach (var regex in new[] { Bracketed(), Bare() })
        {
            int t = 0; // matches come in order, and so do the taken spans
            foreach (Match m in regex.Matches(prose))
            {
                if (Loose.Count >= Max) return;
                while (t < taken.Count && taken[t].To <= m.Index) t++;
                if (!IsOther(offset + m.Index) && !(t < taken.Count && m.Index >= taken[t].From))
                {
                    var (line, column) = Where(offset + m.Index);
                    Loose.Add((m.Groups[1].Value, m.Value, line, column));
                }
            }
        }
    }

    private static int LineEnd(string s, int from) => s.IndexOf('\n', from) is >= 0 and var i ? i : s.Length;

    /// <summary>The 0-based line and column of an offset in the text.</summary>
    private (int Line, int Column) Where(int offset)
    {
        int line = Array.BinarySearch(_lineStarts, offset);
        if (line < 0) line = ~line - 1;
        return (line, offset - _lineStarts[line]);
    }

    private void Report(int offset, string message)
    {
        var (line, column) = Where(offset);
        Miswritten.Add((message, line, column));
    }
}
