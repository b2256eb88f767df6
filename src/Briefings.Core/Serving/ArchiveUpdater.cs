using Briefings.Errors;
using Briefings.Model;
using Briefings.Reading;
using Briefings.Site;

namespace Briefings.Serving;

/// <summary>Brings a <see cref="ReadState"/> up to date after files changed, reading only the changed content
/// files, each as the full read reads it (<see cref="ContentReader"/>). Anything out of the ordinary (site.yml,
/// folders, links, a file out of place) is read again from scratch by <see cref="ArchiveReader"/>, so the result is
/// always what a full read would give.</summary>
public static class ArchiveUpdater
{
    /// <summary>The state after the changes; the same object when none of them touched content.</summary>
    public static ReadState Update(ReadState state, string inputDir, IEnumerable<string> changedPaths)
    {
        var root = Path.GetFullPath(inputDir);
        var documents = state.Archive.Documents.ToList();
        var diagnostics = state.Diagnostics.ToList();
        var unread = new Dictionary<string, DocumentKind>(state.Archive.Unread, StringComparer.Ordinal);
        bool touched = false;
        foreach (var changed in changedPaths.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal))
        {
            if (!changed.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
            var relative = Path.GetRelativePath(root, changed).Replace('\\', '/');
            if (ContentPaths.IsSkipped(relative)) continue;
            if (!Update(root, changed, relative, documents, diagnostics, unread, ref touched)) return ReadState.ReadAll(inputDir);
        }
        if (!touched) return state;
        var sorted = ArchiveReader.Ordered(documents);
        var bag = new DiagnosticBag();
        bag.AddRange(diagnostics);
        return new ReadState(state.Archive with { Documents = sorted, Unread = unread }, bag.Sorted());
    }

    /// <summary>Reads one changed path into the lists, or returns false when only a full read gives the right answer.</summary>
    private static bool Update(string root, string full, string relative, List<Document> documents, List<Diagnostic> diagnostics,
        Dictionary<string, DocumentKind> unread, ref bool touched)
    {
        var shown = ArchiveReader.Display(full);
        var id = Path.GetFileNameWithoutExtension(relative);
        var (kind, placed) = ContentPaths.Classify(relative);
        if (kind is null || !placed || !Fields.IsValidId(id))
        {
            bool known = diagnostics.Any(d => d.Path == shown || d.Path.StartsWith(shown + "/", StringComparison.Ordinal))
                         || documents.Any(d => d.Path.StartsWith(shown + "/", StringComparison.Ordinal));
            return !known && !Path.Exists(full);
        }
        touched = true;
        documents.RemoveAll(d => d.Path == shown);
        diagnostics.RemoveAll(d => d.Path == shown);
        unread.Remove(id);
        // A link is read by the full read, since its document changes with a target that serve does not watch as
        // the link's; so is a folder, which it walks.
        if (new FileInfo(full).LinkTarget is not null) return false;
        if (!Path.Exists(full)) return true;
        if (Directory.Exists(full)) return false;

        var bag = new DiagnosticBag();
        var read = ContentReader.Read(root, full, relative, shown, isLink: false, bag);
        if (read.Document is { } document) documents.Add(document);
        if (read.Unread is { } u) unread[u.Id] = u.Kind;
        diagnostics.AddRange(bag.Sorted());
        return true;
    }
}
