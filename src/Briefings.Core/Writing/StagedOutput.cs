using Briefings.Platform;

namespace Briefings.Writing;

/// <summary>A build writes into a fresh staging folder beside the output folder and swaps it in only when
/// complete, so a failed or interrupted build leaves the previous output exactly as it was, and a
/// finished one holds no stale files.
/// <list type="bullet">
/// <item>The staging folder is <c>.&lt;output&gt;-staging-&lt;pid&gt;-&lt;guid&gt;</c> beside the output, on the same
/// file system, so the swap is a rename. It holds the marker (<see cref="OutputFolder.Marker"/>) from the start:
/// a folder that cannot be written fails the build before anything is rendered.</item>
/// <item>The build holds a lock (flock) on its staging folder while it lives; the kernel drops it when the process
/// ends, however it ends. A staging folder of this output whose lock is free is a dead build's, and is removed
/// when the next build starts.</item>
/// <item>The swap exchanges the two folders in one step (renameat2 RENAME_EXCHANGE), under a lock on the output's
/// parent folder so two builds never swap at once; at every moment the output is the old site or the new one.
/// Where that call is missing (not Linux, or a file system without it) two renames are made instead, and a build
/// killed between them leaves no output (the previous site stays in the staging folder until the next build).</item>
/// </list></summary>
public sealed class StagedOutput : IDisposable
{
    private readonly string _target;
    private bool _committed;
    private bool _abandoned;
    // Held by every write, and taken whole to abandon the folder: no thread writes into it while it is removed.
    private readonly ReaderWriterLockSlim _writes = new(LockRecursionPolicy.NoRecursion);
    private readonly Microsoft.Win32.SafeHandles.SafeFileHandle? _alive;
    private readonly IDisposable _onInterrupt;
    // Folders already made: most pages have a folder of their own, but feeds and assets share theirs.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _created = new(StringComparer.Ordinal);

    public string Root { get; }

    /// <summary>The output this build replaces, when an earlier build made it (it holds the marker): what it holds
    /// may be reused, such as a search index nothing changed in. Null for a new, empty or forced folder.</summary>
    public string? Earlier => Directory.Exists(_target) && OutputFolder.IsOurs(_target) ? _target : null;

    /// <param name="outputDir">The output folder, already checked (<see cref="OutputFolder.Check"/>); a link there
    /// is followed, and its target gets the site.</param>
    public StagedOutput(string outputDir)
    {
        _target = OutputFolder.Resolve(outputDir);
        if (Path.GetDirectoryName(_target) is not { } parent)
            throw new OutputRefusedException($"refusing to build into the root folder '{_target}'");
        var name = Path.GetFileName(_target);
        Root = Path.Combine(parent, $".{name}-staging-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(parent);
            RemoveStale(parent, name);
            Directory.CreateDirectory(Root);
            _alive = Posix.Available ? Posix.TryLockFolder(Root, out _) : null;
            File.WriteAllText(Path.Combine(Root, OutputFolder.Marker), OutputFolder.MarkerText);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(Root);
            throw OutputException.From(e, Directory.Exists(parent) ? Root : parent);
        }
        _onInterrupt = Interruption.OnInterrupt(Abandon);
    }

    /// <summary>Removes the staging folders of this output that no live build holds: those of builds that were
    /// killed, and the previous site left by a swap that was. The names are the program's own, so nothing of the
    /// user's is matched.</summary>
    private static void RemoveStale(string parent, string name)
    {
        var pattern = new System.Text.RegularExpressions.Regex(
            "^" + System.Text.RegularExpressions.Regex.Escape($".{name}-staging-") + "([0-9]+)-[0-9a-f]{32}(-old)?$");
        foreach (var dir in Directory.EnumerateDirectories(parent))
        {
            var match = pattern.Match(Path.GetFileName(dir));
            if (!match.Success || new DirectoryInfo(dir).LinkTarget is not null) continue;
            // The process that named it must be gone too: a build takes its lock a moment after making the folder.
            if (IsRunning(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))) continue;
            if (Posix.Available)
            {
                using var held = Posix.TryLockFolder(dir, out _);
                if (held is null) continue; // a build that is still running (in another pid namespace, say)
                Directory.Delete(dir, recursive: true);
            }
            else
                Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Whether the process that named a folder still runs (or another one now has its number).</summary>
    private static bool IsRunning(int pid)
    {
        try { using var p = System.Diagnostics.Process.GetProcessById(pid); return !p.HasExited; }
        catch (ArgumentException) { return false; }
    }

    /// <summary>Writes a file at a site-relative path. The path is built by the program from checked ids, but
    /// is still resolved and confined here (as by every method that writes): nothing is ever written outside the
    /// output folder.</summary>
    public void WriteBytes(string relativePath, ReadOnlySpan<byte> content)
    {
        var bytes = content.ToArray();
        Writing(relativePath, () =>
        {
            using var stream = Create(relativePath, 1);
            stream.Write(bytes);
        });
    }

    /// <summary>Opens a new file for text, so a page can be rendered straight to disk.</summary>
    public void WriteText(string relativePath, Action<TextWriter> write) => Writing(relativePath, () =>
    {
        using var stream = Create(relativePath, 0);
        using var writer = new Utf8FileWriter(stream);
        write(writer);
    });

    /// <summary>Opens a new file without a buffer of its own, for a writer that buffers (a page's
    /// <see cref="Utf8FileWriter"/>) or writes its bytes at once (a feed).</summary>
    public void WriteUnbuffered(string relativePath, Action<Stream> write) => Writing(relativePath, () =>
    {
        using var stream = Create(relativePath, 0);
        write(stream);
    });

    /// <summary>Opens a new file for bytes, so a large file streams to disk.</summary>
    public void WriteStream(string relativePath, Action<Stream> write) => Writing(relativePath, () =>
    {
        using var stream = Create(relativePath, 64 * 1024);
        write(stream);
    });

    /// <summary>Runs one file's write while the folder cannot be abandoned; a failure becomes one line naming the file.</summary>
    private void Writing(string relativePath, Action write)
    {
        Resolve(relativePath); // a path outside the folder is refused as it is, before anything is tried
        _writes.EnterReadLock();
        try
        {
            if (_abandoned) throw new OperationCanceledException("the build was stopped");
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw OutputException.From(e, Path.Combine(_target, relativePath)); }
        finally { _writes.ExitReadLock(); }
    }

    private FileStream Create(string relativePath, int bufferSize) =>
        new(Prepare(relativePath), FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize, FileOptions.None);

    public void CopyFile(string source, string relativePath) => Writing(relativePath, () => File.Copy(source, Prepare(relativePath)));

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

    /// <summary>Swaps the staged site in for the old output, then removes the old one.</summary>
    public void Commit()
    {
        _writes.EnterWriteLock();
        try
        {
            if (_abandoned) throw new OperationCanceledException("the build was stopped");
            using var swapping = Posix.Available ? Posix.LockFolder(Path.GetDirectoryName(_target)!) : null;
            string? old = null;
            if (!Path.Exists(_target))
                Directory.Move(Root, _target);
            else if (Posix.Available && Posix.TryExchange(Root, _target))
                old = Root;
            else
            {
                old = Root + "-old";
                Directory.Move(_target, old);
                Directory.Move(Root, _target);
            }
            _committed = true;
            // What is left when this fails or is killed is a staging folder no build holds: the next build removes it.
            if (old is not null) TryDelete(old);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw OutputException.From(e, _target);
        }
        finally { _writes.ExitWriteLock(); }
    }

    /// <summary>Stops every write and removes the staging folder: the build was interrupted.</summary>
    public void Abandon()
    {
        _writes.EnterWriteLock();
        _abandoned = true;
        // A process just killed may have written a last file meanwhile (the removal then fails on a folder that
        // is not empty): a few tries.
        for (int i = 0; i < 5 && !_committed && Directory.Exists(Root); i++)
        {
            TryDelete(Root);
            if (Directory.Exists(Root)) Thread.Sleep(100);
        }
        // Writers still waiting give up at once (they see _abandoned); the process is about to end.
        _writes.ExitWriteLock();
    }

    private static void TryDelete(string dir)
    {
        try { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    public void Dispose()
    {
        _onInterrupt.Dispose();
        if (!_committed && !_abandoned) TryDelete(Root);
        _alive?.Dispose();
    }
}
