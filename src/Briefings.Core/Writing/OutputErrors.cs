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
    public static string Cause(Exception e) => Posix.CauseOf(e);

    /// <summary>Finds the output failure among what a parallel loop threw.</summary>
    public static OutputException? Among(Exception e) => e switch
    {
        OutputException o => o,
        AggregateException a => a.Flatten().InnerExceptions.Select(Among).FirstOrDefault(x => x is not null),
        _ when e.InnerException is { } inner => Among(inner),
        _ => null,
    };
}
