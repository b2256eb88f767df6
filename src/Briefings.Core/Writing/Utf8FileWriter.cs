using System.Buffers;
using System.Text;

namespace Briefings.Writing;

/// <summary>A TextWriter that encodes straight into a file's stream as UTF-8 through one pooled buffer: how every
/// page is written, by a build and by serve. A StreamWriter allocates its char and byte buffers anew for every
/// file; over thousands of pages those buffers were most of what a build allocated, and large enough to land on
/// the large-object heap and force full collections. The stream needs no buffer of its own.</summary>
internal sealed class Utf8FileWriter(Stream file) : TextWriter
{
    private const int BufferSize = 64 * 1024;
    // Room to encode one whole chunk of input at once: at most three bytes per UTF-16 char.
    private const int ChunkChars = 4 * 1024;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _used;
    // A high surrogate whose low half has not been written yet.
    private char _pending;

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    // TextWriter's own async methods queue each write to the thread pool; rendering is synchronous, so these
    // write at once (Fluid writes through them).
    public override Task WriteAsync(char value) { Write(value); return Task.CompletedTask; }
    public override Task WriteAsync(string? value) { Write(value); return Task.CompletedTask; }
    public override Task WriteAsync(char[] buffer, int index, int count) { Write(buffer, index, count); return Task.CompletedTask; }
    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) { Write(buffer.Span); return Task.CompletedTask; }
    public override Task WriteLineAsync(string? value) { WriteLine(value); return Task.CompletedTask; }
    public override Task FlushAsync() { Flush(); return Task.CompletedTask; }

    public override void Write(ReadOnlySpan<char> chars)
    {
        if (_pending != '\0')
        {
            if (chars.IsEmpty) return;
            Span<char> pair = [_pending, chars[0]];
            _pending = '\0';
            Encode(pair, isFinal: false);
            chars = chars[1..];
        }
        while (!chars.IsEmpty)
        {
            int length = Math.Min(ChunkChars, chars.Length);
            // Never encode half a surrogate pair: inside the text, leave its high half for the next chunk; at the
            // end, hold it until the next call brings the low half.
            if (char.IsHighSurrogate(chars[length - 1]))
            {
                if (length == chars.Length) { _pending = chars[^1]; chars = chars[..^1]; length--; }
                else if (length > 1) length--;
            }
            Encode(chars[..length], isFinal: false);
            chars = chars[length..];
        }
    }

    private void Encode(ReadOnlySpan<char> chars, bool isFinal)
    {
        if (BufferSize - _used < chars.Length * 3) Flush();
        System.Text.Unicode.Utf8.FromUtf16(chars, _buffer.AsSpan(_used), out _, out int written, replaceInvalidSequences: true, isFinalBlock: isFinal);
        _used += written;
    }

    public override void Flush()
    {
        if (_used == 0) return;
        file.Write(_buffer.AsSpan(0, _used));
        file.Flush();
        _used = 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer.Length > 0)
        {
            if (_pending != '\0') { Encode([_pending], isFinal: true); _pending = '\0'; }
            Flush();
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
        base.Dispose(disposing);
    }
}
