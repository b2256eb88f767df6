using System.Runtime.CompilerServices;

namespace Briefings.Tests.Support;

/// <summary>Folders of the checkout the tests run from, found by walking up to Briefings.sln.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The editorial archive: only RealArchiveTests reads it, so an edit to the content breaks no test of the code.</summary>
    public static string Input => Path.Combine(Root, "input");
    public static string Theme => Path.Combine(Root, "theme");
    /// <summary>tests/tools: the npm manifest of the tools the tests run (the Nu Html Checker).</summary>
    public static string TestTools => Path.Combine(Root, "tests", "tools");
    public static string TestSite => Path.Combine(Root, "tests", "Briefings.Tests", "Site", "TestSite");

    // The test binaries usually sit under the checkout, but with --artifacts-path they may not, so the
    // folder this file was compiled from is the fallback.
    private static string FindRoot([CallerFilePath] string sourceFile = "") =>
        WalkUp(AppContext.BaseDirectory) ?? WalkUp(Path.GetDirectoryName(sourceFile) ?? "")
        ?? throw new InvalidOperationException($"no Briefings.sln above {AppContext.BaseDirectory} or {sourceFile}");

    private static string? WalkUp(string start)
    {
        for (var dir = start.Length == 0 ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Briefings.sln"))) return dir.FullName;
        return null;
    }
}
