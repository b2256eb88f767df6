using Briefings.Platform;

namespace Briefings.Writing;

/// <summary>An output folder the build will not write into: the command line is wrong (exit 2). Thrown before any
/// work, so nothing has been read or written.</summary>
public sealed class OutputRefusedException(string message) : Exception(message);

/// <summary>The site could not be written (disk full, permission, read-only, busy, a file in the way): exit 3. The
/// message is one line naming the path and the cause; the earlier output is untouched.</summary>
public sealed class OutputException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The one line for a failed write of <paramref name="path"/>.</summary>
    public static OutputException From(Exception e, string path) =>
        e as OutputException ?? new OutputException($"could not write {Reading.ArchiveReader.Display(path)}: {Cause(e)}", e);

    /// <summary>The system's reason, without the path .NET puts in its messages: "No space left on device".</summary>
    public static string Cause(Exception e)
    {
        if (e is UnauthorizedAccessException) return "permission denied";
        // On Linux .NET keeps the errno in the low bits of HResult for the errors of file system calls.
        int errno = e.HResult & 0xFFFF;
        if (e is IOException && e.HResult is > 0 and < 4096) return Posix.Cause(errno).TrimEnd('.');
        var message = e.Message.ReplaceLineEndings(" ");
        int path = message.IndexOf(" : '", StringComparison.Ordinal);
        return (path > 0 ? message[..path] : message).TrimEnd('.');
    }

    /// <summary>Finds the output failure among what a parallel loop threw.</summary>
    public static OutputException? Among(Exception e) => e switch
    {
        OutputException o => o,
        AggregateException a => a.Flatten().InnerExceptions.Select(Among).FirstOrDefault(x => x is not null),
        _ when e.InnerException is { } inner => Among(inner),
        _ => null,
    };
}
