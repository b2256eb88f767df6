namespace Briefings.Markdown;

/// <summary>A rough reading of raw HTML, piece after piece, that counts start tags and follows how deeply
/// elements nest, without building a tree. It follows the HTML tokenizer where a difference could hide a tag
/// (quoted attribute values, comments, bogus comments, the text of script-like elements), and otherwise errs
/// on the side of counting more: an unclosed &lt;p&gt; stays open here, and '/&gt;' closes nothing.</summary>
public sealed class HtmlNesting
{
    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
        { "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen" };

    // Outside SVG and MathML their content is text up to the matching end tag.
    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase)
        { "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext" };

    // A second one right after the first closes it (<li>a<li>b).
    private static readonly HashSet<string> SiblingClosed = new(StringComparer.OrdinalIgnoreCase)
        { "p", "li", "dt", "dd", "tr", "td", "th", "option", "thead", "tbody", "tfoot" };

    private readonly List<string> _open = [];
    private string? _rawTextEnd;

    public int MaxDepth { get; private set; }

    /// <summary>Reads the next piece of raw HTML, returning how many start tags it holds.</summary>
    public int Scan(string html)
    {
        int tags = 0, i = 0;
        while (i < html.Length)
        {
            if (_rawTextEnd is not null)
            {
                int end = FindRawTextEnd(html, i, _rawTextEnd);
                if (end < 0) return tags;
                i = end;
                _rawTextEnd = null;
            }
            int lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= html.Length) break;
            i = lt + 1;
            char c = html[i];
            if (c == '!' && string.CompareOrdinal(html, i, "!--", 0, 3) == 0)
            {
                i = CommentEnd(html, i + 1);
                continue;
            }
            if (c is '!' or '?') { i = After(html, '>', i); continue; }
            bool closing = c == '/';
            if (closing)
            {
                i++;
                if (i >= html.Length) break;
                if (!char.IsAsciiLetter(html[i])) { i = After(html, '>', i); continue; }
            }
            else if (!char.IsAsciiLetter(c)) continue;
            int nameStart = i;
            while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] is not ('/' or '>')) i++;
            var name = html[nameStart..i];
            i = SkipAttributes(html, i);
            if (closing) { Close(name); continue; }
            tags++;
            if (Void.Contains(name)) continue;
            if (RawText.Contains(name) && !InForeignContent()) { _rawTextEnd = name; continue; }
            if (SiblingClosed.Contains(name) && _open.Count > 0 && string.Equals(_open[^1], name, StringComparison.OrdinalIgnoreCase))
                continue;
            _open.Add(name);
            MaxDepth = Math.Max(MaxDepth, _open.Count);
        }
        return tags;
    }

    private bool InForeignContent() =>
        _open.Any(n => n.Equals("svg", StringComparison.OrdinalIgnoreCase) || n.Equals("math", StringComparison.OrdinalIgnoreCase));

    private void Close(string name)
    {
        int at = _open.FindLastIndex(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        if (at >= 0) _open.RemoveRange(at, _open.Count - at);
    }

    private static int After(string html, char c, int from)
    {
        int at = html.IndexOf(c, from);
        return at < 0 ? html.Length : at + 1;
    }

    /// <summary>After a comment that starts at "--": it ends at "--&gt;" or "--!&gt;", and "&lt;!--&gt;" is already closed.</summary>
    private static int CommentEnd(string html, int dashes)
    {
        int a = html.IndexOf("-->", dashes, StringComparison.Ordinal);
        int b = html.IndexOf("--!>", dashes, StringComparison.Ordinal);
        if (a < 0 && b < 0) return html.Length;
        return a >= 0 && (b < 0 || a < b) ? a + 3 : b + 4;
    }

    /// <summary>Where "&lt;/name" followed by a space, '/' or '&gt;' starts, or -1.</summary>
    private static int FindRawTextEnd(string html, int from, string name)
    {
        for (int at = html.IndexOf("</", from, StringComparison.Ordinal); at >= 0; at = html.IndexOf("</", at + 2, StringComparison.Ordinal))
        {
            int after = at + 2 + name.Length;
            if (after > html.Length || string.Compare(html, at + 2, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) != 0) continue;
            if (after == html.Length || char.IsWhiteSpace(html[after]) || html[after] is '/' or '>') return at;
        }
        return -1;
    }

    private enum In { BeforeName, Name, AfterName, BeforeValue, UnquotedValue }

    /// <summary>The position after the tag's closing '&gt;', following the tokenizer's attribute states: a quote
    /// opens a value only after a name and '=', and a quoted value may hold '&gt;' and '&lt;'.</summary>
    private static int SkipAttributes(string html, int i)
    {
        var state = In.BeforeName;
        for (; i < html.Length; i++)
        {
            char c = html[i];
            bool space = char.IsWhiteSpace(c);
            if (c == '>' && state != In.BeforeValue) return i + 1;
            switch (state)
            {
                case In.BeforeName:
                    if (!space && c != '/') state = In.Name;
                    break;
                case In.Name:
                    if (space) state = In.AfterName;
                    else if (c == '/') state = In.BeforeName;
                    else if (c == '=') state = In.BeforeValue;
                    break;
                case In.AfterName:
                    if (c == '/') state = In.BeforeName;
                    else if (c == '=') state = In.BeforeValue;
                    else if (!space) state = In.Name;
                    break;
                case In.BeforeValue:
                    if (c == '>') return i + 1;
                    if (c is '"' or '\'')
                    {
                        int end = html.IndexOf(c, i + 1);
                        if (end < 0) return html.Length;
                        i = end;
                        state = In.BeforeName;
                    }
                    else if (!space) state = In.UnquotedValue;
                    break;
                case In.UnquotedValue:
                    if (space) state = In.BeforeName;
                    break;
            }
        }
        return html.Length;
    }
}
