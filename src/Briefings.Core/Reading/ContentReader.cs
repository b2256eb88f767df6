using Briefings.Errors;
using Briefings.Model;
using Briefings.Platform;

namespace Briefings.Reading;

/// <summary>What one file under input/ gave: a document, the site's settings, or the id and kind of a content file
/// that could not be read or stands in the wrong place (so that what refers to it is not also told it is missing).</summary>
public sealed record FileRead(Document? Document = null, SiteSettings? Site = null, (string Id, DocumentKind Kind)? Unread = null)
{
    public static readonly FileRead Nothing = new();
}

/// <summary>Reads one file under input/, the one way the full read (<see cref="ArchiveReader"/>) and serve's update of
/// the files that changed both read one: what it is (a link, a file, a pipe), where it stands, its id, its text and
/// its document, every problem reported at its path.</summary>
public static class ContentReader
{
    /// <param name="root">The input folder, as a full path.</param>
    /// <param name="full">The file's full path; <paramref name="relative"/> is the same from input/, with '/'.</param>
    /// <param name="shown">The path as messages name it (<see cref="ArchiveReader.Display(string)"/>).</param>
    /// <param name="isLink">Whether the folder listing says it is a symbolic link: only then is its target looked at.</param>
    public static FileRead Read(string root, string full, string relative, string shown, bool isLink, DiagnosticBag diagnostics)
    {
        if (isLink && !IsLinkInside(root, full, shown, diagnostics)) return FileRead.Nothing;
        if (!IsRegular(full, relative, shown, diagnostics) || ContentPaths.IsSkipped(relative)) return FileRead.Nothing;
        if (relative == "site.yml")
            return new(Site: Reading(shown, diagnostics, () => SiteReader.Read(full, shown, diagnostics)) ?? SiteSettings.Default);
        var (kind, placed) = ContentPaths.Classify(relative);
        var id = Path.GetFileNameWithoutExtension(full);
        if (kind is null)
        {
            diagnostics.Warning(shown, Position.Start, DiagnosticCode.StrayFile,
                $"'{relative}' is not read: content files are site.yml and .md files under briefings/YYYY/, countries/, institutions/, people/, agreements/, sources/ or pages/");
            return FileRead.Nothing;
        }
        if (!placed)
        {
            diagnostics.Error(shown, Position.Start, DiagnosticCode.Misplaced, kind == DocumentKind.Briefing
                ? "a briefing belongs in briefings/YYYY/<id>.md, under the year of its date"
                : $"a {kind.Value.Noun()} belongs directly in {kind.Value.Folder()}/<id>.md");
            return Fields.IsValidId(id) ? new(Unread: (id, kind.Value)) : FileRead.Nothing;
        }
        if (!Fields.IsValidId(id))
        {
            diagnostics.Error(shown, Position.Start, DiagnosticCode.BadId,
                $"file name '{Quoting.Shorten(Path.GetFileNameWithoutExtension(shown))}' is not a valid id: use lowercase letters, digits and single hyphens, at most {Fields.MaxIdLength} characters{Fields.IdHint(id)}");
            return FileRead.Nothing;
        }
        var file = Reading(shown, diagnostics, () => ContentFile.Read(full, shown, diagnostics));
        var document = file is null ? null : DocumentReader.Read(kind.Value, id, file, diagnostics);
        if (document is null) return new(Unread: (id, kind.Value));
        if (document is Briefing b && ContentPaths.IsInWrongYear(b, relative))
            diagnostics.Error(shown, Position.Start, DiagnosticCode.Misplaced, $"this briefing is dated {b.Date}; move it to briefings/{b.Date.Year:D4}/");
        return new(Document: document);
    }

    /// <summary>Reads one file, reporting at its path why it cannot be (permission, an I/O error) instead of failing.</summary>
    private static T? Reading<T>(string shown, DiagnosticBag diagnostics, Func<T?> read) where T : class
    {
        try { return read(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(shown, Position.Start, DiagnosticCode.Unreadable, $"file cannot be read: {Posix.CauseOf(e)}; give it read permission, or remove it from input/");
            return null;
        }
    }

    /// <summary>Whether a link may be read: links are followed only to a file inside input/; links to folders are
    /// never followed, so there are no cycles.</summary>
    private static bool IsLinkInside(string root, string full, string shown, DiagnosticBag diagnostics)
    {
        bool toFolder = Directory.Exists(full);
        FileSystemInfo link = toFolder ? new DirectoryInfo(full) : new FileInfo(full);
        var target = link.ResolveLinkTarget(returnFinalTarget: true);
        var targetPath = target?.FullName ?? Path.GetFullPath(link.LinkTarget ?? full, Path.GetDirectoryName(full)!);
        bool inside = targetPath.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        if (inside && !toFolder && target is FileInfo && target.Exists) return true;
        diagnostics.Error(shown, Position.Start, DiagnosticCode.LinkOutside,
            inside ? "links to folders, and broken links, are not followed; put the files themselves under input/"
                   : "this is a link to a file outside input/; content must be a real file inside input/");
        return false;
    }

    /// <summary>Whether an entry that is not a folder is a regular file, looked at before it is opened: opening a
    /// named pipe waits for a writer forever, and a device is no content. Anything else is an error at its path.
    /// One statx per file, a microsecond beside the reading of it.</summary>
    private static bool IsRegular(string full, string relative, string shown, DiagnosticBag diagnostics)
    {
        // A name that is not UTF-8 reached us with U+FFFD in place of its bytes, so it cannot be looked up again;
        // it is never opened either: its id check (BR310) reports it.
        if (!Posix.Available || full.Contains('\uFFFD')) return true;
        var status = Posix.Stat(full);
        if (status.Kind == Posix.Kind.File) return true;
        if (status.Kind == Posix.Kind.Missing)
            diagnostics.Error(shown, Position.Start, DiagnosticCode.Unreadable, $"cannot be read: {Posix.Cause(status.Errno).TrimEnd('.')}");
        else if (!ContentPaths.IsSkipped(relative))
            diagnostics.Error(shown, Position.Start, DiagnosticCode.NotAFile,
                $"this is {Posix.Describe(status.Kind)}, not a file; content must be regular files: remove it from input/");
        return false;
    }
}
