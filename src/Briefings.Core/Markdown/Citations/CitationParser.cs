using Markdig.Helpers;
using Markdig.Parsers;

namespace Briefings.Markdown.Citations;

/// <summary>Parses <c>[@a]</c> and <c>[@a; @b]</c>, ids separated by ';' or ','.</summary>
public sealed class CitationParser : InlineParser
{
    public const int MaxLength = 500;

    public CitationParser() => OpeningCharacters = ['['];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (slice.PeekChar() != '@') return false;
        int start = slice.Start;
        var text = slice.Text;
        int end = text.IndexOf(']', start + 1, Math.Min(MaxLength, slice.End - start));
        if (end < 0) return false;
        var ids = new List<string>();
        foreach (var part in text[(start + 1)..end].Split([';', ',']))
        {
            var p = part.Trim();
            if (p.Length < 2 || p[0] != '@' || p.AsSpan(1).ContainsAny(" \t\n\r[]@")) return false;
            ids.Add(p[1..]);
        }
        processor.Inline = new CitationInline
        {
            SourceIds = ids,
            Span = new(processor.GetSourcePosition(start, out int line, out int column), processor.GetSourcePosition(end)),
            Line = line,
            Column = column,
        };
        slice.Start = end + 1;
        return true;
    }
}
