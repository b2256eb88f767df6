using System.Diagnostics;
using System.Security.Cryptography;
using Briefings.Tests.Support;

namespace Briefings.Tests.Safety;

/// <summary>The real <c>briefings</c> program run as a person runs it: its own process, in a working folder, with a
/// time limit, so a hang fails the test instead of hanging it, and a crash shows as what the person would see.</summary>
public static class Command
{
    public sealed record Run(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
    }

    /// <summary>The program beside the tests (the Cli project is referenced, so its build is copied here).</summary>
    public static string Program => Path.Combine(AppContext.BaseDirectory, "briefings.dll");

    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    /// <param name="prefix">A program to run it through (setpriv, to drop root's permission to read anything).</param>
    public static Run Briefings(string workingDirectory, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null,
        IEnumerable<string>? prefix = null, TimeSpan? limit = null)
    {
        var prefixed = (prefix ?? []).ToList();
        var start = new ProcessStartInfo(prefixed.Count > 0 ? prefixed[0] : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in prefixed.Skip(1)) start.ArgumentList.Add(a);
        if (prefixed.Count > 0) start.ArgumentList.Add(DotnetPath());
        start.ArgumentList.Add(Program);
        foreach (var a in args) start.ArgumentList.Add(a);
        // Spinners only on a terminal; CI set keeps the output plain even so.
        start.Environment["CI"] = "1";
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) start.Environment[k] = v;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit ?? Limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"briefings {string.Join(' ', args)} did not end within {(limit ?? Limit).TotalSeconds:F0} s (a hang)\n{stdout.Result}\n{stderr.Result}");
        }
        process.WaitForExit();
        return new Run(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string DotnetPath() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : ToolOnPath("dotnet") ?? "dotnet";

    private static string? ToolOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    /// <summary>Every file under a folder with its SHA-256, by relative path: what a test compares to say that
    /// nothing of the user's was lost or changed.</summary>
    public static SortedDictionary<string, string> Files(string dir)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in Directory.EnumerateFiles(dir, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
            files[Path.GetRelativePath(dir, f)] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)));
        return files;
    }

    /// <summary>The staging folders the build leaves beside an output (none, when it keeps its promise).</summary>
    public static IReadOnlyList<string> StagingBeside(string output) =>
        Directory.EnumerateDirectories(Path.GetDirectoryName(Path.GetFullPath(output))!, $".{Path.GetFileName(output)}-staging-*").ToList();

    /// <summary>A small archive and the checkout's theme, as a project folder: input/, theme/, and a .git.</summary>
    public static string Project(TempFolder temp, string name = "project")
    {
        var root = temp[name];
        TempFolder.Copy(RepoPaths.TestSite, Path.Combine(root, "input"));
        TempFolder.Copy(Path.Combine(RepoPaths.Theme, "templates"), Path.Combine(root, "theme", "templates"));
        TempFolder.Copy(Path.Combine(RepoPaths.Theme, "assets"), Path.Combine(root, "theme", "assets"));
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        File.WriteAllText(Path.Combine(root, ".git", "HEAD"), "ref: refs/heads/main\n");
        return root;
    }

    public static bool IsRoot => Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root" || geteuid() == 0;

    [System.Runtime.InteropServices.DllImport("libc")]
    private static extern uint geteuid();
}
