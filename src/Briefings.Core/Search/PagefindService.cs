using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Briefings.Writing;

namespace Briefings.Search;

/// <summary>Pagefind run as a service (<c>pagefind --service</c>, what its own Node API drives): each request is
/// JSON, base64-encoded and ended by a comma on its standard input; each answer comes back the same way on its
/// standard output, in the order of the requests, which it handles one at a time.
/// <para>Why not <c>pagefind --site</c>: Pagefind takes the pages in the order the file system lists them, and
/// numbers them in that order, so two builds of the same input wrote different index files (on tmpfs a folder
/// lists in the order its files were made, which parallel rendering varies). Here the build hands Pagefind
/// every page itself, in the ordinal order of their paths: the index depends on the pages only.</para>
/// <para>And Pagefind ends by itself when its input closes (it reads end-of-file and exits), so a build stopped
/// in any way, even by <c>kill -9</c>, leaves no Pagefind running or writing.</para></summary>
internal sealed class PagefindService : IDisposable
{
    private readonly Process _process;
    private readonly Stream _input;
    private readonly Thread _reader;
    private readonly StringBuilder _errors = new();
    private readonly object _gate = new();
    private readonly List<JsonElement> _answers = [];
    private int _nextId;
    private int _indexed;

    private long _heard = DateTime.UtcNow.Ticks;

    /// <summary>When Pagefind last wrote anything: a Pagefind silent for long has stopped working.</summary>
    public DateTime LastHeard => new(Interlocked.Read(ref _heard), DateTimeKind.Utc);

    /// <summary>How many pages Pagefind has answered for.</summary>
    public int Indexed => Volatile.Read(ref _indexed);
    private bool _ended;

    private PagefindService(Process process)
    {
        _process = process;
        _input = process.StandardInput.BaseStream;
        _reader = new Thread(ReadAnswers) { IsBackground = true, Name = "pagefind answers" };
        _reader.Start();
    }

    public static PagefindService Start(PagefindCommand command, string workingDirectory)
    {
        var start = new ProcessStartInfo(command.FileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in command.Prefix) start.ArgumentList.Add(a);
        start.ArgumentList.Add("--service");
        var process = new Process { StartInfo = start };
        process.Start();
        var service = new PagefindService(process);
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (service._gate) if (service._errors.Length < 64 * 1024) service._errors.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Pagefind's process and the ones it started, ended at once (an interrupted build).</summary>
    public void Kill()
    {
        try
        {
            if (_process.HasExited) return;
            _process.Kill(entireProcessTree: true);
            // Until it is gone it may still write into the staging folder, which is removed next.
            _process.WaitForExit(TimeSpan.FromSeconds(5));
        }
        catch (InvalidOperationException) { }
    }

    /// <summary>Sends one request; returns its number, which its answer carries.</summary>
    public int Send(Action<Utf8JsonWriter> payload)
    {
        var json = new ArrayBufferWriter<byte>();
        int id = ++_nextId;
        // Pages hold every kind of character; escaping them for HTML would only make the messages longer.
        using (var w = new Utf8JsonWriter(json, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("message_id", id);
            w.WritePropertyName("payload");
            w.WriteStartObject();
            payload(w);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        var encoded = ArrayPool<byte>.Shared.Rent(Base64.GetMaxEncodedToUtf8Length(json.WrittenCount) + 1);
        try
        {
            Base64.EncodeToUtf8(json.WrittenSpan, encoded, out _, out int length);
            encoded[length++] = (byte)',';
            _input.Write(encoded, 0, length);
        }
        finally { ArrayPool<byte>.Shared.Return(encoded); }
        return id;
    }

    /// <summary>Waits for the answer to request <paramref name="id"/> (answers come in order); null when Pagefind
    /// ended first or the time ran out.</summary>
    public JsonElement? Await(int id, DateTime deadline = default)
    {
        _input.Flush();
        lock (_gate)
        {
            while (true)
            {
                var found = _answers.FindIndex(a => a.TryGetProperty("message_id", out var m) && m.ValueKind == JsonValueKind.Number && m.GetInt32() == id);
                if (found >= 0) return _answers[found];
                if (_ended) return null;
                if (deadline == default) { Monitor.Wait(_gate); continue; }
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero) return null;
                Monitor.Wait(_gate, left);
            }
        }
    }

    /// <summary>The answers that report an error, with the message each gives.</summary>
    public IEnumerable<string> Errors()
    {
        lock (_gate)
            return _answers.Where(a => a.TryGetProperty("payload", out var p) && Type(p) == "Error")
                .Select(a => a.GetProperty("payload").TryGetProperty("message", out var m) ? m.GetString() ?? "" : "").ToList();
    }

    public static string? Type(JsonElement payload) => payload.TryGetProperty("type", out var t) ? t.GetString() : null;

    /// <summary>Why Pagefind stopped, in one line: its own words where it gave any, else how it ended.</summary>
    public string Reason()
    {
        // Once it has ended, all it wrote has been read.
        bool ended = _process.WaitForExit(TimeSpan.FromSeconds(5));
        if (ended) _process.WaitForExit();
        string errors;
        lock (_gate) errors = _errors.ToString();
        if (ToolRun.MeaningfulLine(errors) is { Length: > 0 } line) return line;
        if (!ended) return "Pagefind stopped answering";
        return _process.ExitCode > 128 ? $"Pagefind was killed (signal {_process.ExitCode - 128})" : $"Pagefind ended (exit {_process.ExitCode})";
    }

    private void ReadAnswers()
    {
        var output = _process.StandardOutput.BaseStream;
        var message = new ArrayBufferWriter<byte>();
        var buffer = new byte[64 * 1024];
        try
        {
            int n;
            while ((n = output.Read(buffer)) > 0)
            {
                Interlocked.Exchange(ref _heard, DateTime.UtcNow.Ticks);
                var chunk = buffer.AsSpan(0, n);
                int comma;
                while ((comma = chunk.IndexOf((byte)',')) >= 0)
                {
                    message.Write(chunk[..comma]);
                    Answer(message.WrittenSpan);
                    message.ResetWrittenCount();
                    chunk = chunk[(comma + 1)..];
                }
                message.Write(chunk);
            }
        }
        catch (IOException) { }
        finally
        {
            lock (_gate) { _ended = true; Monitor.PulseAll(_gate); }
        }
    }

    private void Answer(ReadOnlySpan<byte> base64)
    {
        var json = new byte[Base64.GetMaxDecodedFromUtf8Length(base64.Length)];
        if (Base64.DecodeFromUtf8(base64, json, out _, out int length) != OperationStatus.Done) return;
        JsonElement answer;
        try { answer = JsonDocument.Parse(json.AsMemory(0, length)).RootElement; }
        catch (JsonException) { return; }
        // A page's answer says only what was indexed; kept are the errors and the answers the build waits for.
        if (answer.TryGetProperty("payload", out var payload) && Type(payload) == "IndexedFile") { Interlocked.Increment(ref _indexed); return; }
        lock (_gate) { _answers.Add(answer); Monitor.PulseAll(_gate); }
    }

    public void Dispose()
    {
        // End of input: Pagefind exits by itself. Only one that does not is killed.
        try { _input.Dispose(); } catch (IOException) { }
        if (!_process.WaitForExit(TimeSpan.FromSeconds(10))) Kill();
        _process.WaitForExit();
        _reader.Join(TimeSpan.FromSeconds(5));
        _process.Dispose();
    }
}
