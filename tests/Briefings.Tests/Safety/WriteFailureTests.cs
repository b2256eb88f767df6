using System.Diagnostics;
using Briefings.Tests.Support;

namespace Briefings.Tests.Safety;

/// <summary>A site that cannot be written ends the build with one line naming the path and the cause, exit 3, and
/// the earlier output exactly as it was, with nothing left beside it. These once ended in a 44-line stack trace with
/// exit 1 (the code of content errors), or, for a failed search index, in exit 0 and a site without search.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class WriteFailureTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [NeedsMountFact]
    public void A_full_disk_fails_with_one_line_and_keeps_the_earlier_output()
    {
        var project = Command.Project(_temp);
        using var disk = new Mount(_temp["disk"], "size=4m");
        var output = Path.Combine(disk.Path, "site");
        Assert.Equal(0, Command.Briefings(project, ["build", "--output", output, "--no-search"]).ExitCode);
        var before = Command.Files(output);
        // Fill what is left but a few pages' worth: the next build runs out of room while it writes.
        var free = new DriveInfo(disk.Path).AvailableFreeSpace;
        using (var fill = File.Create(Path.Combine(disk.Path, "filler")))
            fill.Write(new byte[Math.Max(0, free - 64 * 1024)]);

        var run = Command.Briefings(project, ["build", "--output", output, "--no-search"]);

        Assert.True(run.ExitCode == 3, run.ToString());
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("No space left on device", line);
        Assert.Contains(disk.Path, line);
        Assert.Equal(before, Command.Files(output));
        Assert.Empty(Command.StagingBeside(output));
    }

    [NeedsMountFact]
    public void A_read_only_file_system_fails_before_the_archive_is_read()
    {
        var project = Command.Project(_temp);
        using var disk = new Mount(_temp["ro"], "ro,size=64k");

        var run = Command.Briefings(project, ["build", "--output", Path.Combine(disk.Path, "site"), "--no-search"]);

        Assert.True(run.ExitCode == 3, run.ToString());
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Read-only file system", line);
    }

    [NeedsMountFact]
    public void A_mount_point_as_output_fails_at_once()
    {
        var project = Command.Project(_temp);
        using var disk = new Mount(_temp["mounted"], "size=1m");

        var run = Command.Briefings(project, ["build", "--output", disk.Path, "--no-search"]);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("it is a mount point", Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [NeedsNormalUserFact]
    public void A_parent_folder_without_write_permission_fails_with_one_line()
    {
        var project = Command.Project(_temp);
        var parent = _temp["locked"];
        Directory.CreateDirectory(parent);
        File.SetUnixFileMode(parent, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            var run = Command.Briefings(project, ["build", "--output", Path.Combine(parent, "site"), "--no-search"], prefix: InputFileTests.AsNormalUser());

            Assert.True(run.ExitCode == 3, run.ToString());
            var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("permission denied", line);
            Assert.Contains("locked", line);
        }
        finally { File.SetUnixFileMode(parent, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute); }
    }

    public static readonly TheoryData<string, string, string> BrokenPagefinds = new()
    {
        {
            "panics",
            """
            echo "thread 'main' panicked at pagefind/src/output/mod.rs:120:47:" >&2
            echo 'called `Result::unwrap()` on an `Err` value: Os { code: 28, kind: StorageFull, message: "No space left on device" }' >&2
            echo "note: run with \`RUST_BACKTRACE=1\` environment variable to display a backtrace" >&2
            exit 101
            """,
            "Pagefind stopped: No space left on device"
        },
        { "is killed", "kill -9 $$", "Pagefind was killed (signal 9)" },
    };

    [Theory]
    [MemberData(nameof(BrokenPagefinds))]
    public void A_search_index_that_fails_fails_the_build_and_keeps_the_searchable_site(string what, string script, string reason)
    {
        var project = Command.Project(_temp);
        var output = _temp["site"];
        Assert.Equal(0, Command.Briefings(project, ["build", "--output", output, "--no-search"]).ExitCode);
        var before = Command.Files(output);
        var pagefind = FakePagefind(script);

        var run = Command.Briefings(project, ["build", "--output", output], new Dictionary<string, string> { ["BRIEFINGS_PAGEFIND"] = pagefind });

        Assert.True(run.ExitCode == 3, $"Pagefind {what}: {run}");
        Assert.Contains($"the search index could not be written: {reason}", run.Stderr);
        Assert.DoesNotContain("RUST_BACKTRACE", run.Stderr);
        Assert.Equal(before, Command.Files(output));
        Assert.Empty(Command.StagingBeside(output));
    }

    /// <summary>SIGTERM while Pagefind runs (here one that never answers, at a moment known to the test): the
    /// build ends Pagefind, removes its staging folder and leaves the earlier output as it was.</summary>
    [Fact]
    public async Task A_build_stopped_by_SIGTERM_ends_Pagefind_and_leaves_nothing()
    {
        var project = Command.Project(_temp);
        var output = _temp["site"];
        Assert.Equal(0, Command.Briefings(project, ["build", "--output", output, "--no-search"]).ExitCode);
        var before = Command.Files(output);
        var pids = _temp["pagefind.pid"];
        var pagefind = FakePagefind($"echo $$ > '{pids}'\nexec sleep 300");

        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = project, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { Command.Program, "build", "--output", output }) start.ArgumentList.Add(a);
        start.Environment["BRIEFINGS_PAGEFIND"] = pagefind;
        using var build = Process.Start(start)!;
        var stderr = build.StandardError.ReadToEndAsync();
        var waited = Stopwatch.StartNew();
        while (!File.Exists(pids) || File.ReadAllText(pids).Trim().Length == 0)
        {
            Assert.True(waited.Elapsed < Command.Limit, "the build never started Pagefind");
            Thread.Sleep(50);
        }
        int pagefindPid = int.Parse(File.ReadAllText(pids).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(0, Mount.Run("kill", ["-TERM", build.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]).Code);
        Assert.True(build.WaitForExit(TimeSpan.FromSeconds(30)), "the build did not end on SIGTERM");

        Assert.Equal(143, build.ExitCode);
        Assert.Contains("stopped (SIGTERM)", await stderr);
        // A killed process takes a moment to die; a zombie (ended, not yet reaped by whoever adopted it) runs nothing.
        var dying = Stopwatch.StartNew();
        while (IsRunning(pagefindPid) && dying.Elapsed < TimeSpan.FromSeconds(10)) Thread.Sleep(50);
        Assert.False(IsRunning(pagefindPid), $"Pagefind (pid {pagefindPid}) is still running");
        Assert.Equal(before, Command.Files(output));
        Assert.Empty(Command.StagingBeside(output));
    }

    private static bool IsRunning(int pid)
    {
        try { return !File.ReadAllText($"/proc/{pid}/stat").Split(") ")[1].StartsWith('Z'); }
        catch (IOException) { return false; }
    }

    private string FakePagefind(string script)
    {
        var path = _temp[$"pagefind-{Guid.NewGuid():N}.sh"];
        File.WriteAllText(path, "#!/bin/sh\n" + script + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    public void Dispose() => _temp.Dispose();
}
