using System.IO.Enumeration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Briefings.Rendering;

/// <summary>The files of a theme folder. theme/ comes by pull request too, and a link there could publish any file
/// of the build machine (as an asset, or rendered through a template), so only real files inside it are read.</summary>
public static class ThemeFiles
{
    /// <summary>Every file under <paramref name="root"/>, in ordinal order; a link among them, to a file or to a
    /// folder, is a theme error. Each entry's kind comes from the folder listing, which never follows a link, so a
    /// linked folder is refused rather than walked into or silently left out.</summary>
    public static List<string> Under(string root)
    {
        var files = new List<string>();
        var entries = new FileSystemEnumerable<(string Path, bool IsDirectory, bool IsLink)>(root,
            (ref FileSystemEntry e) => (e.ToFullPath(), e.IsDirectory, (e.Attributes & FileAttributes.ReparsePoint) != 0),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
        {
            ShouldRecursePredicate = (ref FileSystemEntry e) => (e.Attributes & FileAttributes.ReparsePoint) == 0,
        };
        foreach (var (path, isDirectory, isLink) in entries)
        {
            if (isLink)
                throw new ThemeException(path, Model.Position.Start, "this is a link; theme files must be real files inside theme/",
                    $"{Errors.Quoting.OneLine(Reading.ArchiveReader.Display(path))} is a link; theme files must be real files inside theme/");
            if (!isDirectory) files.Add(path);
        }
        files.Sort(StringComparer.Ordinal);
        return files;
    }
}

/// <summary>The templates, read once into memory, as Fluid's file provider for <c>{% include %}</c>. A
/// PhysicalFileProvider looks every include up on disk again, a system call per include on every page.</summary>
internal sealed class TemplateFiles : IFileProvider
{
    private readonly Dictionary<string, TemplateFile> _files = new(StringComparer.Ordinal);

    public TemplateFiles(string root)
    {
        foreach (var file in ThemeFiles.Under(root).Where(f => f.EndsWith(".liquid", StringComparison.Ordinal)))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            _files[relative] = new TemplateFile(Path.GetFileName(file), File.ReadAllBytes(file));
        }
    }

    /// <summary>The templates at the top of the folder (pages and the layout), by name without ".liquid".</summary>
    public IEnumerable<(string Name, string Text)> Pages() =>
        _files.Where(f => !f.Key.Contains('/')).OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => (Path.GetFileNameWithoutExtension(f.Key), f.Value.Text));

    public IFileInfo GetFileInfo(string subpath) =>
        _files.TryGetValue(subpath.TrimStart('/'), out var file) ? file : new NotFoundFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class TemplateFile(string name, byte[] content) : IFileInfo
    {
        public string Text => System.Text.Encoding.UTF8.GetString(content);
        public bool Exists => true;
        public long Length => content.Length;
        public string? PhysicalPath => null;
        public string Name => name;
        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;
        public bool IsDirectory => false;
        public Stream CreateReadStream() => new MemoryStream(content, writable: false);
    }
}
