namespace Briefings.Errors;

/// <summary>How a message quotes what a contributor wrote: short, on one line, in the order it is written.</summary>
public static class Quoting
{
    /// <summary>Keeps a quoted bad value short in a message.</summary>
    /// <remarks>Line breaks and other control characters are escaped, so a message stays on its one line.</remarks>
    public static string Shorten(string s)
    {
        bool cut = s.Length > 60;
        var t = OneLine(cut ? s[..60] : s);
        if (!cut && t.Length <= 60) return t;
        int n = Math.Min(57, t.Length);
        if (n > 0 && char.IsHighSurrogate(t[n - 1])) n--;
        return t[..n] + "...";
    }

    /// <summary>A name as the file system holds it: its UTF-8 as text, each byte that is not UTF-8 as \xNN (the
    /// bytes 'caf' 0xE9 are "caf\xe9").</summary>
    public static string Bytes(ReadOnlySpan<byte> bytes)
    {
        var sb = new System.Text.StringBuilder(bytes.Length);
        while (!bytes.IsEmpty)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes, out var rune, out int used) == System.Buffers.OperationStatus.Done) sb.Append(rune.ToString());
            else foreach (var b in bytes[..used]) sb.Append($"\\x{b:x2}");
            bytes = bytes[used..];
        }
        return sb.ToString();
    }

    /// <summary>The text with line breaks, control characters and bidirectional controls written as escapes
    /// (\n, \r, \t, \u0000, \u202E): a message stays one line, and reads in the order it is written. U+FFFD, which
    /// stands for bytes that are not UTF-8 (in a file name, say), is written as \uFFFD too, so it is seen.</summary>
    public static string OneLine(string s)
    {
        static bool Escaped(char c) => char.IsControl(c)
            || c is '\u2028' or '\u2029' or '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\uFFFD';
        if (!s.Any(Escaped)) return s;
        var sb = new System.Text.StringBuilder(s.Length + 8);
        foreach (char c in s)
            sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when Escaped(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        return sb.ToString();
    }
}
