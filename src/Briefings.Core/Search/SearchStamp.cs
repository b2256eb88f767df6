using System.Security.Cryptography;
using System.Text;
using Briefings.Platform;

namespace Briefings.Search;

/// <summary>What a search index was made from, kept beside it in the output (<see cref="FileName"/>, swapped in with
/// the site it describes): which Pagefind and how it was asked, how many pages a bundle holds, and for each bundle (one
/// Pagefind index, see <see cref="SearchIndex"/>) a digest of every page it was given (path and bytes, in the order
/// given) and a digest of the files Pagefind wrote for it. A bundle whose pages all have the earlier digests, in the
/// same order, with the same Pagefind, would get the same index: the build copies the earlier bundle's files instead,
/// and keeps them only if their digest is still the one recorded (a folder changed by hand, or by another build
/// meanwhile, is made again).</summary>
public sealed record SearchStamp(string Pagefind, int BundlePages, IReadOnlyList<SearchStamp.Bundle> Bundles)
{
    /// <summary>One bundle: the digests of its pages, in order, and the digest of its folder.</summary>
    public sealed record Bundle(IReadOnlyList<string> Pages, string Index);

    public const string FileName = ".briefings-search";
    private const string Format = "briefings search index 2";

    /// <summary>The one config every index is made with (the NewIndex request's); part of the stamp, so a change
    /// to it rebuilds the index.</summary>
    public const string Config = "{}";

    /// <summary>A page's digest: its path and its bytes, as Pagefind is given them.</summary>
    public static string PageDigest(string path, ReadOnlySpan<byte> content)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(path));
        hash.AppendData([0]);
        hash.AppendData(content);
        return Convert.ToHexStringLower(hash.GetCurrentHash())[..32];
    }

    /// <summary>The digest of every file under <paramref name="folder"/> (paths and bytes, in ordinal order of the
    /// paths), calling <paramref name="each"/> with each file's site-relative path and bytes as it goes.</summary>
    /// <exception cref="IOException">An entry is not a plain file or folder (a link, a pipe): not an index to trust.</exception>
    /// <param name="skip">Entries right under <paramref name="folder"/> that are not part of it (the first bundle's
    /// folder holds the others).</param>
    public static string FolderDigest(string folder, string prefix, Action<string, ReadOnlyMemory<byte>>? each = null, Func<string, bool>? skip = null)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new PageBuffer();
        foreach (var (full, relative) in Files(folder, prefix, skip))
        {
            var bytes = buffer.Read(full);
            hash.AppendData(Encoding.UTF8.GetBytes(relative));
            hash.AppendData([0]);
            hash.AppendData(BitConverter.GetBytes((long)bytes.Length));
            hash.AppendData(bytes.Span);
            each?.Invoke(relative, bytes);
        }
        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    private static IEnumerable<(string Full, string Relative)> Files(string folder, string prefix, Func<string, bool>? skip = null)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal))
        {
            if (skip is not null && skip(Path.GetFileName(entry))) continue;
            var relative = prefix + "/" + Path.GetFileName(entry);
            var kind = Posix.Available ? Posix.Stat(entry, followLinks: false).Kind
                : File.GetAttributes(entry) switch
                {
                    var a when a.HasFlag(FileAttributes.ReparsePoint) => Posix.Kind.Link,
                    var a when a.HasFlag(FileAttributes.Directory) => Posix.Kind.Directory,
                    _ => Posix.Kind.File,
                };
            if (kind == Posix.Kind.Directory)
                foreach (var inner in Files(entry, relative)) yield return inner;
            else if (kind == Posix.Kind.File)
                yield return (entry, relative);
            else
                throw new IOException($"{relative} is {Posix.Describe(kind)}");
        }
    }

    public string Text()
    {
        var text = new StringBuilder();
        text.Append(Format).Append('\n');
        text.Append("pagefind ").Append(Pagefind).Append('\n');
        text.Append("config ").Append(Config).Append('\n');
        text.Append("bundle ").Append(BundlePages.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        foreach (var bundle in Bundles)
        {
            text.Append("index ").Append(bundle.Index).Append('\n');
            foreach (var page in bundle.Pages) text.Append(page).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The stamp an earlier build left in <paramref name="folder"/>, or null (none, or not one this build reads).</summary>
    public static SearchStamp? Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!Posix.Available ? !File.Exists(path) : Posix.Stat(path, followLinks: false).Kind != Posix.Kind.File) return null;
        string[] lines;
        try { lines = File.ReadAllLines(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
        if (lines.Length < 5 || lines[0] != Format || !lines[1].StartsWith("pagefind ", StringComparison.Ordinal)
            || lines[2] != "config " + Config || !lines[3].StartsWith("bundle ", StringComparison.Ordinal)
            || !int.TryParse(lines[3].AsSpan("bundle ".Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int size)
            || !lines[4].StartsWith("index ", StringComparison.Ordinal))
            return null;
        var bundles = new List<Bundle>();
        for (int at = 4; at < lines.Length;)
        {
            int end = at + 1;
            while (end < lines.Length && !lines[end].StartsWith("index ", StringComparison.Ordinal)) end++;
            bundles.Add(new Bundle(lines[(at + 1)..end], lines[at]["index ".Length..]));
            at = end;
        }
        return new SearchStamp(lines[1]["pagefind ".Length..], size, bundles);
    }
}

/// <summary>One growing buffer that files are read into, one at a time: a build reads every page back once, and
/// an array per page would be most of what it allocates for search.</summary>
internal sealed class PageBuffer
{
    private byte[] _bytes = new byte[256 * 1024];

    public ReadOnlyMemory<byte> Read(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        long length = RandomAccess.GetLength(handle);
        if (length > _bytes.Length) _bytes = new byte[Math.Max(length, _bytes.Length * 2L)];
        int read = 0;
        while (read < length)
        {
            int n = RandomAccess.Read(handle, _bytes.AsSpan(read, (int)length - read), read);
            if (n == 0) break;
            read += n;
        }
        return _bytes.AsMemory(0, read);
    }
}
