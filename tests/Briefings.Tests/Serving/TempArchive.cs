using System.Runtime.CompilerServices;

namespace Briefings.Tests.Serving;

/// <summary>A copy of the test site (tests/Briefings.Tests/Site/TestSite) as input/ and of theme/ in a fresh temp
/// folder, theme beside input as in a checkout, so tests can edit files freely. Disposing deletes it.</summary>
public sealed class TempArchive : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"briefings-test-{Guid.NewGuid():N}");
    public string Input => Path.Combine(Root, "input");
    public string Theme => Path.Combine(Root, "theme");

    public TempArchive()
    {
        Copy(Path.Combine(RepositoryRoot(), "tests", "Briefings.Tests", "Site", "TestSite"), Input);
        Copy(Path.Combine(RepositoryRoot(), "theme"), Theme);
    }

    /// <summary>An archive of <paramref name="briefings"/> generated briefings (the benchmark's generator) in place of
    /// the test site: one long enough for its lists to be split into pages.</summary>
    public TempArchive(int briefings)
    {
        Corpus.ArchiveWriter.Write(Corpus.Builder.Build(briefings, seed: 1), Input);
        Copy(Path.Combine(RepositoryRoot(), "theme"), Theme);
    }

    public static string RepositoryRoot([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));

    public string PathOf(string relative) => Path.Combine(Input, relative);

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>Rewrites a file under input/; fails the test if the edit changes nothing.</summary>
    public void Edit(string relative, Func<string, string> change)
    {
        var before = Read(relative);
        var after = change(before);
        Assert.NotEqual(before, after);
        File.WriteAllText(PathOf(relative), after);
    }

    /// <summary>Replaces the first line that starts with <paramref name="start"/> (front matter keys are at the line start).</summary>
    public void ReplaceLine(string relative, string start, string replacement) => Edit(relative, text =>
    {
        var lines = text.Split('\n').ToList();
        int i = lines.FindIndex(l => l.StartsWith(start, StringComparison.Ordinal));
        Assert.True(i >= 0, $"no line starting with '{start}' in {relative}");
        lines[i] = replacement;
        return string.Join('\n', lines);
    });

    private static void Copy(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
