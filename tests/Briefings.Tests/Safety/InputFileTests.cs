using Briefings.Tests.Support;

namespace Briefings.Tests.Safety;

/// <summary>What is under input/ and is not a readable file is an error at its path: a named pipe is not opened
/// (opening one waits for a writer, and hung check and build forever), and a folder or file that cannot be read is
/// reported instead of dropped (an unreadable folder once lost its briefings with exit 0).</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class InputFileTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Theory]
    [InlineData("check")]
    [InlineData("build")]
    public void A_named_pipe_named_like_a_briefing_or_site_yml_is_an_error_never_a_hang(string command)
    {
        var project = Command.Project(_temp);
        var briefing = Path.Combine(project, "input", "briefings", "2019", "2019-07-01-a-pipe.md");
        var site = Path.Combine(project, "input", "site.yml");
        File.Delete(site);
        MakeFifo(briefing);
        MakeFifo(site);

        var run = Command.Briefings(project, [command, .. command == "build" ? new[] { "--output", _temp["site"], "--no-search" } : []],
            limit: TimeSpan.FromSeconds(60));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("input/briefings/2019/2019-07-01-a-pipe.md:1:1: error BR109: this is a named pipe (FIFO), not a file", run.Stdout);
        Assert.Contains("input/site.yml:1:1: error BR109: this is a named pipe (FIFO), not a file", run.Stdout);
        Assert.False(Directory.Exists(_temp["site"]));
    }

    /// <summary>As root every file can be read whatever its mode, so the command runs without the two capabilities
    /// that allow it (setpriv), as a normal user would.</summary>
    [NeedsNormalUserFact]
    public void An_unreadable_folder_and_an_unreadable_file_are_errors_at_their_paths()
    {
        var project = Command.Project(_temp);
        var folder = Path.Combine(project, "input", "briefings", "2019");
        var file = Directory.EnumerateFiles(Path.Combine(project, "input", "people"), "*.md").Order(StringComparer.Ordinal).First();
        Assert.True(Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any(), "the test archive has briefings of 2019");
        File.SetUnixFileMode(file, UnixFileMode.None);
        File.SetUnixFileMode(folder, UnixFileMode.None);
        try
        {
            var run = Command.Briefings(project, ["check"], prefix: AsNormalUser());

            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.Contains("input/briefings/2019:1:1: error BR110: folder cannot be read: permission denied", run.Stdout);
            Assert.Contains($"input/people/{Path.GetFileName(file)}:1:1: error BR110: file cannot be read: permission denied", run.Stdout);
            Assert.DoesNotContain("   at ", run.Stdout + run.Stderr); // no stack trace
        }
        finally
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>The program run without root's power to read and search any folder; as another user, as is.</summary>
    public static IEnumerable<string>? AsNormalUser() => Command.IsRoot
        ? ["setpriv", "--inh-caps=-dac_override,-dac_read_search", "--bounding-set=-dac_override,-dac_read_search"]
        : null;

    private static void MakeFifo(string path)
    {
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    public void Dispose() => _temp.Dispose();
}
