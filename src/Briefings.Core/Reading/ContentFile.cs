using System.Buffers;
using System.Text;
using Briefings.Errors;
using Briefings.Model;

namespace Briefings.Reading;

/// <summary>A content file's text split into front matter and body, with the lines where each starts.</summary>
public sealed record ContentFile(string Path, string FrontMatter, int FrontMatterLine, string Body, int BodyLine)
{
    /// <summary>Larger files are refused unread: a briefing is a few kilobytes, and a stranger's 20 MB file must not cost memory or time.</summary>
    public const long MaxBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads and splits a file, or reports why it cannot and returns null.</summary>
    public static ContentFile? Read(string fullPath, string path, DiagnosticBag diagnostics)
    {
        using var file = File.OpenHandle(fullPath);
        long length = RandomAccess.GetLength(file);
        if (length > MaxBytes)
        {
            diagnostics.Error(path, Position.Start, DiagnosticCode.TooLarge,
                $"file is {length / 1024} KiB; content files may be at most {MaxBytes / 1024} KiB");
            return null;
        }
        // The bytes are needed only until decoded: a pooled buffer, not a new array per file.
        var buffer = ArrayPool<byte>.Shared.Rent((int)length + 1);
        try
        {
            int read = 0, n;
            while (read < buffer.Length && (n = RandomAccess.Read(file, buffer.AsSpan(read), read)) > 0) read += n;
            if (read > MaxBytes)
            {
                diagnostics.Error(path, Position.Start, DiagnosticCode.TooLarge, $"file grew past {MaxBytes / 1024} KiB while it was read");
                return null;
            }
            return Split(buffer.AsSpan(0, read), path, diagnostics);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Decodes and splits a file's bytes. The text of the whole file is never made into a string: it is
    /// decoded into a pooled buffer, and only the front matter and the body become strings.</summary>
    private static ContentFile? Split(ReadOnlySpan<byte> bytes, string path, DiagnosticBag diagnostics)
    {
        var chars = ArrayPool<char>.Shared.Rent(bytes.Length + 1);
        try
        {
            int skip = bytes.StartsWith("\uFEFF"u8) ? 3 : 0;
            int length;
            try { length = StrictUtf8.GetChars(bytes[skip..], chars); }
            catch (DecoderFallbackException)
            {
                Decode(bytes, path, diagnostics); // reports where
                return null;
            }
            return Split(chars.AsSpan(0, length), path, diagnostics);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Strict UTF-8, with or without a byte-order mark; reports the line of the first bad byte.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, string path, DiagnosticBag diagnostics)
    {
        int skip = bytes.StartsWith("\uFEFF"u8) ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes[skip..]);
        }
        catch (DecoderFallbackException e)
        {
            int bad = Math.Clamp(e.Index + skip, skip, bytes.Length);
            int line = 1 + bytes[..bad].Count((byte)'\n');
            int lineStart = Math.Max(skip, bytes[..bad].LastIndexOf((byte)'\n') + 1);
            // The bytes before the first bad one are valid, so they count as the characters an editor shows.
            int column = 1 + StrictUtf8.GetCharCount(bytes[lineStart..bad]);
            diagnostics.Error(path, new Position(line, column), DiagnosticCode.NotUtf8,
                $"byte 0x{bytes[Math.Min(bad, bytes.Length - 1)]:X2} is not valid UTF-8; save the file as UTF-8");
            return null;
        }
    }

    /// <summary>Splits <c>---</c> front matter from the body. Line endings become LF, so CRLF files give the same site.</summary>
    public static ContentFile? Split(string text, string path, DiagnosticBag diagnostics) => Split(text.ToCharArray(), path, diagnostics);

    /// <summary>As <see cref="Split(string, string, DiagnosticBag)"/>, over text it may change in place.</summary>
    private static ContentFile? Split(Span<char> text, string path, DiagnosticBag diagnostics)
    {
        text = text[..ToLf(text)];
        if (!text.StartsWith("---\n") && !text.TrimEnd().SequenceEqual("---"))
        {
            diagnostics.Error(path, Position.Start, DiagnosticCode.NoFrontMatter,
                "file must start with front matter: a line '---', the YAML fields, and another line '---'");
            return null;
        }
        int lineNo = 1, pos = text.IndexOf('\n') + 1;
        while (pos > 0 && pos < text.Length)
        {
            int next = text[pos..].IndexOf('\n');
            if (next >= 0) next += pos;
            var line = next < 0 ? text[pos..] : text[pos..next];
            lineNo++;
            if (line.TrimEnd() is "---" or "...")
            {
                var body = next < 0 ? "" : new string(text[(next + 1)..]);
                return new ContentFile(path, new string(text[4..pos]), 2, body, lineNo + 1);
            }
            pos = next < 0 ? text.Length : next + 1;
        }
        diagnostics.Error(path, Position.Start, DiagnosticCode.NoFrontMatter,
            "front matter is not closed: add a line '---' after the YAML fields");
        return null;
    }

    /// <summary>Turns CRLF and lone CR into LF, in place; returns the new length.</summary>
    private static int ToLf(Span<char> text)
    {
        int from = text.IndexOf('\r');
        if (from < 0) return text.Length;
        int to = from;
        for (; from < text.Length; from++)
        {
            if (text[from] != '\r') text[to++] = text[from];
            else if (from + 1 < text.Length && text[from + 1] == '\n') continue; // the LF that follows is kept
            else text[to++] = '\n';
        }
        return to;
    }
}
