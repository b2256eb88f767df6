using Markdig.Helpers;
using Markdig.Parsers;

namespace Briefings.Markdown.Mentions;

/// <summary>Parses <c>[[id]]</c> and <c>[[id|text]]</c> on one line. Anything else starting with '[' is left to
/// the link parser.</summary>
public sealed class MentionParser : InlineParser
{
    public const int MaxLength = 300;

    public MentionParser() => OpeningCharacters = ['['];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (slice.PeekChar() != '[') return false;
        int start = slice.Start;
        var text = slice.Text;
        int end = text.IndexOf("]]", start + 2, Math.Min(MaxLength, slice.End - start - 1), StringComparison.Ordinal);
        if (end < 0) return false;
        var inner = text.AsSpan(start + 2, end - start - 2);
        if (inner.IndexOfAny('\n', '\r', '[') >= 0 || inner.IsWhiteSpace()) return false;
        int bar = inner.IndexOf('|');
        var id = (bar < 0 ? inner : inner[..bar]).Trim().ToString();
        var label = bar < 0 ? null : inner[(bar + 1)..].Trim().ToString();
        processor.Inline = new MentionInline
        {
            Id = id,
            Text = string.IsNullOrEmpty(label) ? null : label,
            Span = new(processor.GetSourcePosition(start, out int line, out int column), processor.GetSourcePosition(end + 1)),
            Line = line,
            Column = column,
        };
        slice.Start = end + 2;
        return true;
    }
}
