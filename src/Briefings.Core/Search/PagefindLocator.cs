using System.Security.Cryptography;
using System.Text;

namespace Briefings.Search;

/// <summary>How to start Pagefind: a program and the arguments that come before Pagefind's own.</summary>
public sealed record PagefindCommand(string FileName, IReadOnlyList<string> Prefix);

/// <summary>Finds Pagefind, in this order: the program named by BRIEFINGS_PAGEFIND; the one the theme's npm
/// manifest installs (theme/package.json, pinned), installing it first when node_modules is missing and npm is
/// there; else whatever <c>npx --no-install pagefind</c> finds. A fresh checkout on a machine with Node therefore
/// builds a searchable site with the one build command. The install is <c>npm install --no-save</c>, not
/// <c>npm ci</c>: the lock cannot list Pagefind's macOS and Windows packages (see theme/package.json), and
/// <c>--no-save</c> keeps it from rewriting the manifest or the lock during a build.</summary>
public static class PagefindLocator
{
    public const string EnvironmentVariable = "BRIEFINGS_PAGEFIND";
    public static readonly TimeSpan InstallLimit = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan ProbeLimit = TimeSpan.FromSeconds(60);
    private static readonly Lock InstallLock = new();

    /// <summary>The result: a command, or why there is none; and what was done on the way (an npm install).</summary>
    public sealed record Found(PagefindCommand? Command, string? Problem, IReadOnlyList<string> Notes);

    public static Found Locate(string manifestDir)
    {
        var notes = new List<string>();
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } named)
            return File.Exists(named)
                ? new Found(new PagefindCommand(named, []), null, notes)
                : new Found(null, $"{EnvironmentVariable} is '{named}', which is not a file", notes);

        var installed = InstalledBin(manifestDir);
        var npmInstall = $"npm install --no-save --prefix {Shown(manifestDir)}";
        bool manifest = File.Exists(Path.Combine(manifestDir, "package.json"));
        var npm = ToolProcess.OnPath("npm");
        if (!File.Exists(installed) && manifest && npm is not null)
        {
            if (Install(manifestDir, npm, installed) is { } run)
            {
                if (!run.Succeeded)
                    return new Found(null, run.ExitCode is null
                        ? $"`{npmInstall}` took longer than {InstallLimit.TotalSeconds:F0} s and was stopped; run it by hand"
                        : $"`{npmInstall}` failed ({run.LastLine}); run it by hand", notes);
                notes.Add($"search: installed Pagefind with `{npmInstall}` ({run.Elapsed.TotalSeconds:F1} s)");
            }
        }
        if (NativeBin(manifestDir) is { } native) return new Found(new PagefindCommand(native, []), null, notes);
        if (File.Exists(installed)) return new Found(new PagefindCommand(installed, []), null, notes);

        if (ToolProcess.OnPath("npx") is { } npx
            && ToolProcess.Run(npx, ["--no-install", "pagefind", "--version"], manifestDir, ProbeLimit).Succeeded)
            return new Found(new PagefindCommand(npx, ["--no-install", "pagefind"]), null, notes);

        return new Found(null, !manifest
            ? $"Pagefind not found, and {Shown(manifestDir)} has no package.json to install it from; set {EnvironmentVariable} to a Pagefind program"
            : $"Pagefind not found; install Node.js with npm and build again, or run `{npmInstall}`", notes);
    }

    /// <summary>The Pagefind program itself that the npm package installed for this machine (what its Node
    /// wrapper starts): run directly, one process, which ends by itself when the build does.</summary>
    private static string? NativeBin(string manifestDir)
    {
        var os = OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsMacOS() ? "darwin" : OperatingSystem.IsWindows() ? "windows" : null;
        var arch = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture switch
        {
            System.Runtime.InteropServices.Architecture.X64 => "x64",
            System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
            _ => null,
        };
        if (os is null || arch is null) return null;
        var bin = Path.Combine(manifestDir, "node_modules", "@pagefind", $"{os}-{arch}", "bin");
        return new[] { "pagefind_extended", "pagefind" }.Select(n => Path.Combine(bin, OperatingSystem.IsWindows() ? n + ".exe" : n)).FirstOrDefault(File.Exists);
    }

    private static string InstalledBin(string manifestDir) =>
        Path.Combine(manifestDir, "node_modules", ".bin", OperatingSystem.IsWindows() ? "pagefind.cmd" : "pagefind");

    /// <summary>Runs the install once, however many builds (threads of a test run, or other processes on the
    /// machine) want it at the same moment; returns null when another one installed it meanwhile.</summary>
    private static ToolRun? Install(string manifestDir, string npm, string installed)
    {
        lock (InstallLock)
        {
            using var machineWide = MachineLock(manifestDir);
            if (File.Exists(installed)) return null;
            return ToolProcess.Run(npm, ["install", "--no-save", "--ignore-scripts", "--no-audit", "--no-fund", "--prefix", manifestDir], manifestDir, InstallLimit);
        }
    }

    private static FileStream MachineLock(string manifestDir)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(manifestDir))))[..16];
        var path = Path.Combine(Path.GetTempPath(), $"briefings-npm-{key}.lock");
        var deadline = DateTime.UtcNow + InstallLimit;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(200);
            }
        }
    }

    /// <summary>A folder as a reader would type it: relative to the current folder when inside it.</summary>
    public static string Shown(string dir)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, dir);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? dir : relative;
    }
}
