namespace Briefings.Writing;

/// <summary>A build writes into a fresh staging folder beside the output folder and swaps it in only when
/// complete, so a failed or interrupted build leaves the previous output exactly as it was, and a
/// finished one holds no stale files.</summary>
public sealed class StagedOutput : IDisposable
{
    private readonly string _target;
    private bool _committed;
    // Folders already made: most pages have a folder of their own, but feeds and assets share theirs.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _created = new(StringComparer.Ordinal);

    public string Root { get; }

    public StagedOutput(string outputDir)
    {
        _target = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        if (Path.GetDirectoryName(_target) is not { } parent)
            throw new IOException($"cannot write the site to the root folder '{_target}'");
        Directory.CreateDirectory(parent);
        Root = Path.Combine(parent, $".{Path.GetFileName(_target)}-staging-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);
    }

    /// <summary>Writes a file at a site-relative path. The path is built by the program from checked ids, but
    /// is still resolved and confined here (as by every method that writes): nothing is ever written outside the
    /// output folder.</summary>
    public void WriteBytes(string relativePath, ReadOnlySpan<byte> content)
    {
        using var stream = Create(relativePath, 1);
        stream.Write(content);
    }

    /// <summary>Opens a new file for text, so a page can be rendered straight to disk.</summary>
    public void WriteText(string relativePath, Action<TextWriter> write)
    {
        using var stream = Create(relativePath, 0);
        using var writer = new Utf8FileWriter(stream);
        write(writer);
    }

    /// <summary>Opens a new file for bytes, so a large file streams to disk.</summary>
    public void WriteStream(string relativePath, Action<Stream> write)
    {
        using var stream = Create(relativePath, 64 * 1024);
        write(stream);
    }

    private FileStream Create(string relativePath, int bufferSize) =>
        new(Prepare(relativePath), FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize, FileOptions.None);

    public void CopyFile(string source, string relativePath) => File.Copy(source, Prepare(relativePath));

    /// <summary>The full path of a new file, its folder made.</summary>
    private string Prepare(string relativePath)
    {
        var full = Resolve(relativePath);
        var dir = Path.GetDirectoryName(full)!;
        // Marked as made only once it is: another thread writing into the same folder must not go ahead before.
        if (!_created.ContainsKey(dir))
        {
            Directory.CreateDirectory(dir);
            _created.TryAdd(dir, true);
        }
        return full;
    }

    public string Resolve(string relativePath) => Inside(Root, relativePath, "output folder");

    /// <summary>The full path of <paramref name="relativePath"/> under <paramref name="root"/>, or an IOException
    /// when it would land anywhere else: the one check of every file the program writes (here and in serve).</summary>
    public static string Inside(string root, string relativePath, string rootName)
    {
        var full = Path.GetFullPath(Path.Combine(root, relativePath));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new IOException($"refusing to write '{relativePath}' outside the {rootName}");
        return full;
    }

    /// <summary>Swaps the staged site in for the old output.</summary>
    public void Commit()
    {
        string? old = null;
        if (Directory.Exists(_target))
        {
            old = Root + "-old";
            Directory.Move(_target, old);
        }
        Directory.Move(Root, _target);
        _committed = true;
        if (old is not null) Directory.Delete(old, recursive: true);
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
