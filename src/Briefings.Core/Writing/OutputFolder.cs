using Briefings.Platform;
using Briefings.Reading;

namespace Briefings.Writing;

/// <summary>Which folder a build may write into. A build replaces its output folder whole, so it writes only into
/// one it made itself (it leaves <see cref="Marker"/> there), an empty one or a new one; any other is refused before
/// any work, unless <c>--force</c>. A folder that is or holds the input, the theme, a repository or the home folder,
/// or lies inside the input or the theme, is refused always: no flag makes deleting them a good idea.</summary>
public static class OutputFolder
{
    /// <summary>The file every output folder the build makes holds. Its text is fixed, so builds stay byte-identical.</summary>
    public const string Marker = ".briefings-output";

    public const string MarkerText = "This folder is written by `briefings build`, which replaces it whole on every build.\n"
        + "Keep no files of your own here: the next build removes them.\n";

    /// <summary>Checks <paramref name="outputDir"/> and returns the folder the site will be swapped into: the output
    /// itself, or the folder a link there points to (the link stays a link, and its target gets the new site).</summary>
    /// <exception cref="OutputRefusedException">The folder is not one to write into (exit 2).</exception>
    /// <exception cref="OutputException">It cannot be written: a file, a mount point (exit 3).</exception>
    public static string Check(string outputDir, string inputDir, string themeDir, bool force)
    {
        var shown = ArchiveReader.Display(Path.GetFullPath(outputDir));
        var target = Resolve(outputDir);
        var real = Canonical(target);

        foreach (var (folder, what, noneInside) in Protected(inputDir, themeDir))
        {
            if (real == folder)
                throw Refused(shown, $"it is {what}");
            if (IsInside(folder, real))
                throw Refused(shown, $"it contains {what} ({ArchiveReader.Display(folder)}), which the build would replace");
            if (noneInside && IsInside(real, folder))
                throw Refused(shown, $"it lies inside {what} ({ArchiveReader.Display(folder)})");
        }
        if (Path.Exists(Path.Combine(real, ".git")))
            throw Refused(shown, "it is the root of a git repository");

        if (!Path.Exists(real)) return real;
        if (!Directory.Exists(real))
            throw new OutputException($"could not write {shown}: it is a file, not a folder; remove it or choose another --output");
        if (IsMountPoint(real))
            throw new OutputException($"could not write {shown}: it is a mount point, and the build replaces its output folder whole; build into a folder inside it");
        if (force || IsOurs(real)) return real;
        var entries = Directory.EnumerateFileSystemEntries(real).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        if (entries.Count == 0) return real;
        var listed = string.Join(", ", entries.Take(3)) + (entries.Count > 3 ? $" and {entries.Count - 3} more" : "");
        throw new OutputRefusedException($"refusing to build into {shown}: it holds files the build did not write ({listed}), "
            + "and a build replaces its output folder whole; choose an empty or new folder, or pass --force to replace them");
    }

    /// <summary>Whether a folder holds the marker as a real file: a folder an earlier build made.</summary>
    public static bool IsOurs(string folder)
    {
        var marker = new FileInfo(Path.Combine(folder, Marker));
        return marker.Exists && marker.LinkTarget is null;
    }

    /// <summary>The folder a site goes into: a link's final target when the output is a link.</summary>
    public static string Resolve(string outputDir)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDir));
        var info = new DirectoryInfo(full);
        if (info.LinkTarget is null) return full;
        var final = info.ResolveLinkTarget(returnFinalTarget: true);
        if (final is DirectoryInfo { Exists: true } dir) return Path.TrimEndingDirectorySeparator(dir.FullName);
        throw new OutputRefusedException(final is FileInfo { Exists: true }
            ? $"refusing to build into {ArchiveReader.Display(full)}: it is a link to a file, {info.LinkTarget}"
            : $"refusing to build into {ArchiveReader.Display(full)}: it is a link to {info.LinkTarget}, which does not exist; create that folder or remove the link");
    }

    /// <summary>The folders no output may be or contain, as canonical paths, and whether none may lie inside either
    /// (the input and the theme: the repository and the home folder hold outputs as a rule).</summary>
    private static IEnumerable<(string Folder, string What, bool NoneInside)> Protected(string inputDir, string themeDir)
    {
        // The repository first: `--output .` at its root is best told as what it is.
        var input = Canonical(Path.GetFullPath(inputDir));
        for (var dir = new DirectoryInfo(input); dir is not null; dir = dir.Parent)
            if (Path.Exists(Path.Combine(dir.FullName, ".git")))
            {
                yield return (dir.FullName, "the repository's root", false);
                break;
            }
        yield return (input, "the input folder", true);
        yield return (Canonical(Path.GetFullPath(themeDir)), "the theme folder", true);
        if (Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } home)
            yield return (Canonical(Path.GetFullPath(home)), "the home folder", false);
        yield return ("/", "the root folder", false);
    }

    private static OutputRefusedException Refused(string shown, string why) =>
        new($"refusing to build into {shown}: {why}; choose another --output (--force does not change this)");

    /// <summary>Whether <paramref name="path"/> lies strictly inside <paramref name="folder"/>.</summary>
    private static bool IsInside(string path, string folder) =>
        path.StartsWith(folder == "/" ? "/" : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) && path != folder;

    /// <summary>A path with every link in it resolved, also when its last parts do not exist yet.</summary>
    private static string Canonical(string path)
    {
        path = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        if (!Posix.Available) return path;
        var rest = new Stack<string>();
        for (var p = path; ; p = Path.GetDirectoryName(p)!)
        {
            if (Posix.RealPath(p) is { } real)
                return rest.Aggregate(real, (acc, part) => Path.Combine(acc, part));
            if (Path.GetDirectoryName(p) is null) return path;
            rest.Push(Path.GetFileName(p));
        }
    }

    private static bool IsMountPoint(string folder)
    {
        if (!Posix.Available || Path.GetDirectoryName(folder) is not { } parent) return false;
        var self = Posix.Stat(folder);
        return self.MountRoot || self.Device != Posix.Stat(parent).Device;
    }
}
