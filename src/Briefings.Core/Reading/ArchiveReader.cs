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
        if (!Directory.Exists(root))
        {
            diagnostics.Error(Display(root), Position.Start, DiagnosticCode.StrayFile, "input folder does not exist");
            return new Archive(SiteSettings.Default, []);
        }
        var workingDirectory = Environment.CurrentDirectory;
        var entries = Walk(root, root, diagnostics).ToList();
        var read = new FileRead[entries.Count];
        Parallel.For(0, entries.Count, i =>
        {
            var (full, relative, isLink) = entries[i];
            read[i] = ContentReader.Read(root, full, relative, Display(full, workingDirectory), isLink, diagnostics);
        });

        var site = read.Select(r => r.Site).OfType<SiteSettings>().FirstOrDefault();
        if (site is null)
            diagnostics.Error(Display(Path.Combine(root, "site.yml")), Position.Start, DiagnosticCode.Required,
                "missing site.yml: it names the site and its base_url (title, description, base_url, language)");
        var sorted = Ordered(read.Select(r => r.Document).OfType<Document>());
        var unread = new Dictionary<string, DocumentKind>(StringComparer.Ordinal);
        foreach (var (id, kind) in read.Select(r => r.Unread).OfType<(string, DocumentKind)>()) unread[id] = kind;
        foreach (var d in sorted) unread.Remove(d.Id);
        return new Archive(site ?? SiteSettings.Default, sorted) { Unread = unread };
    }

    /// <summary>Documents in the archive's order: by kind, then id, then path.</summary>
    public static List<Document> Ordered(IEnumerable<Document> documents) =>
        documents.OrderBy(d => d.Kind).ThenBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Path, StringComparer.Ordinal).ToList();

    /// <summary>Every entry below <paramref name="dir"/> that is not a folder, or is a link, in ordinal order: what
    /// <see cref="ContentReader"/> reads. Folders that are links are not entered, so there are no cycles.</summary>
    private static IEnumerable<(string Full, string Relative, bool IsLink)> Walk(string root, string dir, DiagnosticBag diagnostics)
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
            if (entry.IsDirectory && !entry.IsLink)
                foreach (var f in Walk(root, entry.Full, diagnostics)) yield return f;
            else
                yield return (entry.Full, Path.GetRelativePath(root, entry.Full).Replace('\\', '/'), entry.IsLink);
        }
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
