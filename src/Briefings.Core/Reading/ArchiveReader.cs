using System.IO.Enumeration;
using Briefings.Errors;
using Briefings.Model;

using Briefings.Platform;

namespace Briefings.Reading;

/// <summary>Finds every content file under input/ and reads them, in parallel, into an <see cref="Archive"/>.
/// Never follows a link out of input/; reports files it does not know what to do with.</summary>
public static class ArchiveReader
{
    public static Archive Read(string inputDir, DiagnosticBag diagnostics)
    {
        var root = Path.GetFullPath(inputDir);
        var files = new List<(DocumentKind Kind, string FullPath, string Relative, string Shown)>();
        var unread = new System.Collections.Concurrent.ConcurrentDictionary<string, DocumentKind>(StringComparer.Ordinal);
        SiteSettings? site = null;
        if (!Directory.Exists(root))
        {
            diagnostics.Error(Display(root), Position.Start, DiagnosticCode.StrayFile, "input folder does not exist");
            return new Archive(SiteSettings.Default, []);
        }
        var workingDirectory = Environment.CurrentDirectory;
        foreach (var (full, relative) in Walk(root, root, diagnostics))
        {
            var shown = Display(full, workingDirectory);
            if (ContentPaths.IsSkipped(relative)) continue;
            if (relative == "site.yml") { site = Reading(full, shown, diagnostics, () => SiteReader.Read(full, shown, diagnostics)) ?? SiteSettings.Default; continue; }
            var (kind, placed) = ContentPaths.Classify(relative);
            if (kind is null)
            {
                diagnostics.Warning(shown, Position.Start, DiagnosticCode.StrayFile,
                    $"'{relative}' is not read: content files are site.yml and .md files under briefings/YYYY/, countries/, institutions/, people/, agreements/, sources/ or pages/");
                continue;
            }
            if (!placed)
            {
                if (Fields.IsValidId(Path.GetFileNameWithoutExtension(full))) unread[Path.GetFileNameWithoutExtension(full)] = kind.Value;
                diagnostics.Error(shown, Position.Start, DiagnosticCode.Misplaced, kind == DocumentKind.Briefing
                    ? "a briefing belongs in briefings/YYYY/<id>.md, under the year of its date"
                    : $"a {kind.Value.Noun()} belongs directly in {kind.Value.Folder()}/<id>.md");
                continue;
            }
            files.Add((kind.Value, full, relative, shown));
        }

        if (site is null)
            diagnostics.Error(Display(Path.Combine(root, "site.yml")), Position.Start, DiagnosticCode.Required,
                "missing site.yml: it names the site and its base_url (title, description, base_url, language)");

        var documents = new Document?[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var (kind, full, relative, shown) = files[i];
            var id = Path.GetFileNameWithoutExtension(full);
            if (!Fields.IsValidId(id))
            {
                diagnostics.Error(shown, Position.Start, DiagnosticCode.BadId,
                    $"file name '{Quoting.Shorten(Path.GetFileNameWithoutExtension(shown))}' is not a valid id: use lowercase letters, digits and single hyphens, at most {Fields.MaxIdLength} characters{Fields.IdHint(id)}");
                return;
            }
            var file = Reading(full, shown, diagnostics, () => ContentFile.Read(full, shown, diagnostics));
            documents[i] = file is null ? null : DocumentReader.Read(kind, id, file, diagnostics);
            if (documents[i] is null) { unread[id] = kind; return; }
            if (documents[i] is Briefing b && ContentPaths.IsInWrongYear(b, relative))
                diagnostics.Error(shown, Position.Start, DiagnosticCode.Misplaced,
                    $"this briefing is dated {b.Date}; move it to briefings/{b.Date.Year:D4}/");
        });
        var sorted = Ordered(documents.OfType<Document>());
        foreach (var d in sorted) unread.TryRemove(d.Id, out _);
        return new Archive(site ?? SiteSettings.Default, sorted) { Unread = new Dictionary<string, DocumentKind>(unread, StringComparer.Ordinal) };
    }

    /// <summary>Reads one file, reporting at its path why it cannot be (permission, an I/O error) instead of failing.</summary>
    private static T? Reading<T>(string full, string shown, DiagnosticBag diagnostics, Func<T?> read) where T : class
    {
        try { return read(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(shown, Position.Start, DiagnosticCode.Unreadable, $"file cannot be read: {Posix.CauseOf(e)}; give it read permission, or remove it from input/");
            return null;
        }
    }

    /// <summary>Documents in the archive's order: by kind, then id, then path.</summary>
    public static List<Document> Ordered(IEnumerable<Document> documents) =>
        documents.OrderBy(d => d.Kind).ThenBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Path, StringComparer.Ordinal).ToList();

    /// <summary>Every regular file below <paramref name="dir"/>, in ordinal order. Links are followed only when
    /// their target stays inside input/; links to folders are never followed, so there are no cycles.</summary>
    private static IEnumerable<(string Full, string Relative)> Walk(string root, string dir, DiagnosticBag diagnostics)
    {
        // What each entry is comes from the folder listing itself: no lstat or readlink for every file, as
        // FileSystemInfo would make for tens of thousands of them. A link's target is looked at only for links.
        // A folder that cannot be listed is an error at its path: .NET's default skips it without a word. Nor can
        // .NET list a folder whose name is not UTF-8: it names it with U+FFFD, which finds nothing.
        if (dir.Contains('\uFFFD'))
        {
            diagnostics.Error(Display(dir), Position.Start, DiagnosticCode.Unreadable,
                "folder cannot be read: its name is not UTF-8; rename it, and nothing in it is read until then");
            yield break;
        }
        List<Entry> entries;
        try
        {
            entries = new FileSystemEnumerable<Entry>(dir,
                    (ref FileSystemEntry e) => new Entry(e.ToFullPath(), e.FileName.ToString(), e.IsDirectory, (e.Attributes & FileAttributes.ReparsePoint) != 0),
                    new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false })
                .OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(Display(dir), Position.Start, DiagnosticCode.Unreadable,
                $"folder cannot be read: {Posix.CauseOf(e)}; nothing in it is read until it can be");
            yield break;
        }
        foreach (var entry in entries)
        {
            var relative = Path.GetRelativePath(root, entry.Full).Replace('\\', '/');
            if (entry.IsLink)
            {
                FileSystemInfo link = entry.IsDirectory ? new DirectoryInfo(entry.Full) : new FileInfo(entry.Full);
                var target = link.ResolveLinkTarget(returnFinalTarget: true);
                var targetPath = target?.FullName ?? Path.GetFullPath(link.LinkTarget ?? entry.Full, Path.GetDirectoryName(entry.Full)!);
                bool inside = targetPath.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
                if (!inside || entry.IsDirectory || target is DirectoryInfo || target is null || !target.Exists)
                {
                    diagnostics.Error(Display(entry.Full), Position.Start, DiagnosticCode.LinkOutside,
                        inside ? "links to folders, and broken links, are not followed; put the files themselves under input/"
                               : "this is a link to a file outside input/; content must be a real file inside input/");
                    continue;
                }
                if (IsRegular(entry.Full, relative, diagnostics)) yield return (entry.Full, relative);
                continue;
            }
            if (entry.IsDirectory)
            {
                foreach (var f in Walk(root, entry.Full, diagnostics)) yield return f;
            }
            else if (IsRegular(entry.Full, relative, diagnostics))
                yield return (entry.Full, relative);
        }
    }

    /// <summary>Whether an entry that is not a folder is a regular file, looked at before it is opened: opening a
    /// named pipe waits for a writer forever, and a device is no content. Anything else is an error at its path.
    /// One statx per file, a microsecond beside the reading of it.</summary>
    private static bool IsRegular(string full, string relative, DiagnosticBag diagnostics)
    {
        // A name that is not UTF-8 reached us with U+FFFD in place of its bytes, so it cannot be looked up again;
        // it is never opened either: its id check (BR310) reports it.
        if (!Posix.Available || full.Contains('\uFFFD')) return true;
        var status = Posix.Stat(full);
        if (status.Kind == Posix.Kind.File) return true;
        if (status.Kind == Posix.Kind.Missing)
            diagnostics.Error(Display(full), Position.Start, DiagnosticCode.Unreadable, $"cannot be read: {Posix.Cause(status.Errno).TrimEnd('.')}");
        else if (!ContentPaths.IsSkipped(relative))
            diagnostics.Error(Display(full), Position.Start, DiagnosticCode.NotAFile,
                $"this is {Posix.Describe(status.Kind)}, not a file; content must be regular files: remove it from input/");
        return false;
    }

    private readonly record struct Entry(string Full, string Name, bool IsDirectory, bool IsLink);

    /// <summary>Paths in messages are relative to the working directory (the repository root when run from it).</summary>
    public static string Display(string fullPath) => Display(fullPath, Environment.CurrentDirectory);

    private static string Display(string fullPath, string workingDirectory)
    {
        var rel = Path.GetRelativePath(workingDirectory, fullPath);
        var shown = (rel.StartsWith("..", StringComparison.Ordinal) ? fullPath : rel).Replace('\\', '/');
        return shown.Contains('\uFFFD') && Posix.Available ? WithBytes(shown, fullPath) : shown;
    }

    /// <summary>A shown path whose names are not all UTF-8, with their bytes as the file system holds them written
    /// \xNN (.NET gives U+FFFD for each, which says nothing of the name).</summary>
    private static string WithBytes(string shown, string fullPath)
    {
        if (Posix.NameBytes(Path.GetFullPath(fullPath)) is not { } raw) return shown;
        var names = shown.Split('/');
        // The shown path ends with the full path's last names.
        for (int i = 0, at = raw.Count - names.Length; i < names.Length; i++)
            if (names[i].Contains('\uFFFD') && at + i >= 0) names[i] = Quoting.Bytes(raw[at + i]);
        return string.Join('/', names);
    }
}
