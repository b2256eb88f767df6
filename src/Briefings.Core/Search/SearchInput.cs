using System.Buffers;

namespace Briefings.Search;

/// <summary>What Pagefind is given of a page: the page without the parts Pagefind reads only to drop them. Its head
/// keeps the title and the elements that carry a <c>data-pagefind-*</c> attribute (styles, scripts, links and the
/// link-preview tags go), and every <c>&lt;svg&gt;</c> element goes, which Pagefind never indexes: a country page's
/// map is five sixths of its bytes. Pagefind writes the same index from the slimmed pages as from the whole ones
/// (<c>SearchInputTests</c> builds both) and parses half the bytes (at 10,000 generated briefings: 316 MB of
/// pages whole, about 170 MB slimmed). Its memory hardly changes: the benchmark's peak of the build's process tree
/// was 2,474 MiB before and 2,487 MiB after, so what Pagefind holds is its index, not the pages it was given.
/// <para>Byte scanning is enough here because the pages are our own templates' output: text in them is escaped, so a
/// '&lt;' always starts a tag, and the link-preview JSON escapes '&lt;' too.</para></summary>
internal static class SearchInput
{
    public static ReadOnlyMemory<byte> Slim(ReadOnlyMemory<byte> page)
    {
        var html = page.Span;
        var slim = new ArrayBufferWriter<byte>(html.Length);
        int head = html.IndexOf("<head>"u8);
        int headEnd = head < 0 ? -1 : html.IndexOf("</head>"u8);
        if (head >= 0 && headEnd > head)
        {
            slim.Write(html[..(head + "<head>".Length)]);
            KeepOfHead(html[(head + "<head>".Length)..headEnd], slim);
            html = html[headEnd..];
        }
        WithoutSvg(html, slim);
        return slim.WrittenMemory;
    }

    private static void KeepOfHead(ReadOnlySpan<byte> head, ArrayBufferWriter<byte> slim)
    {
        while (true)
        {
            int open = head.IndexOf((byte)'<');
            if (open < 0) return;
            head = head[open..];
            int close = head.IndexOf((byte)'>');
            if (close < 0) return;
            var tag = head[..(close + 1)];
            // An element whose text is kept whole (the title), or skipped whole (its text may hold '>').
            ReadOnlySpan<byte> end = tag.StartsWith("<title"u8) ? "</title>"u8
                : tag.StartsWith("<script"u8) ? "</script>"u8
                : tag.StartsWith("<style"u8) ? "</style>"u8 : default;
            int length = tag.Length;
            if (!end.IsEmpty && head.IndexOf(end) is int at and >= 0) length = at + end.Length;
            if (tag.StartsWith("<title"u8) || tag.IndexOf("data-pagefind"u8) >= 0) slim.Write(head[..length]);
            head = head[length..];
        }
    }

    private static void WithoutSvg(ReadOnlySpan<byte> html, ArrayBufferWriter<byte> slim)
    {
        while (true)
        {
            int open = IndexOfTag(html, "<svg"u8);
            if (open < 0) { slim.Write(html); return; }
            slim.Write(html[..open]);
            html = html[open..];
            // To the end of this svg, counting any svg inside it.
            int depth = 0, at = 0;
            while (true)
            {
                int next = IndexOfTag(html[at..], "<svg"u8), end = html[at..].IndexOf("</svg>"u8);
                if (end < 0) { slim.Write(html); return; }
                if (next >= 0 && next < end) { depth++; at += next + 4; continue; }
                at += end + "</svg>".Length;
                if (--depth == 0) break;
            }
            html = html[at..];
        }
    }

    /// <summary>Where a start tag of the element begins: its name followed by a space, '&gt;' or '/'.</summary>
    private static int IndexOfTag(ReadOnlySpan<byte> html, ReadOnlySpan<byte> start)
    {
        int from = 0;
        while (true)
        {
            int at = html[from..].IndexOf(start);
            if (at < 0) return -1;
            at += from;
            int after = at + start.Length;
            if (after < html.Length && html[after] is (byte)' ' or (byte)'>' or (byte)'/' or (byte)'\n' or (byte)'\t') return at;
            from = after;
        }
    }
}
