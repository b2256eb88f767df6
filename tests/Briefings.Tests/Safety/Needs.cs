namespace Briefings.Tests.Safety;

/// <summary>A test that needs the program to run without root's power over file modes: as root, through setpriv.
/// Skipped, saying why, where neither is possible; never passed without running.</summary>
public sealed class NeedsNormalUserFactAttribute : FactAttribute
{
    public NeedsNormalUserFactAttribute()
    {
        if (Command.IsRoot && !File.Exists("/usr/bin/setpriv"))
            Skip = "runs as root, where file modes do not stop reads, and setpriv (util-linux) is not there to drop that power";
    }
}

/// <summary>A test that mounts a small file system of its own (a full disk, a read-only one): needs root on Linux.</summary>
public sealed class NeedsMountFactAttribute : FactAttribute
{
    public NeedsMountFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || !Command.IsRoot)
            Skip = "needs root on Linux to mount a small tmpfs (a full disk, a read-only file system)";
        else if (!Mount.Works)
            Skip = "this machine does not let root mount a tmpfs (a container without CAP_SYS_ADMIN)";
    }
}

/// <summary>A tmpfs mounted for one test, unmounted on dispose.</summary>
public sealed class Mount : IDisposable
{
    public string Path { get; }

    public Mount(string path, string options)
    {
        Path = path;
        Directory.CreateDirectory(path);
        var (code, output) = Run("mount", ["-t", "tmpfs", "-o", options, "tmpfs", path]);
        Assert.True(code == 0, $"mount -o {options} {path}: {output}");
    }

    public static bool Works { get; } = Probe();

    private static bool Probe()
    {
        var dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"briefings-mount-probe-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            if (Run("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir]).Code != 0) return false;
            Run("umount", [dir]);
            return true;
        }
        catch (System.ComponentModel.Win32Exception) { return false; }
        finally { Directory.Delete(dir); }
    }

    public static (int Code, string Output) Run(string program, string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = System.Diagnostics.Process.Start(start)!;
        var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output);
    }

    public void Dispose() => Run("umount", ["-l", Path]);
}
