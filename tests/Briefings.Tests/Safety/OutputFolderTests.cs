using Briefings.Platform;
using Briefings.Tests.Support;
using Briefings.Writing;

namespace Briefings.Tests.Safety;

/// <summary>The user's files are never deleted: the real program, run on throwaway folders, refuses every output
/// that would have cost someone their files (each of these once deleted them with exit 0), and every file is still
/// there afterwards, byte for byte.</summary>
public sealed class OutputFolderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void A_folder_with_files_of_the_users_is_refused_before_any_work_and_keeps_every_file()
    {
        var project = Command.Project(_temp);
        var output = _temp["www"];
        Directory.CreateDirectory(Path.Combine(output, "sub"));
        File.WriteAllText(Path.Combine(output, "keep.txt"), "mine");
        File.WriteAllText(Path.Combine(output, "sub", "notes.md"), "my notes");
        var before = Command.Files(output);

        var run = Command.Briefings(project, ["build", "--output", output, "--no-search"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("holds files the build did not write (keep.txt, sub)", line);
        Assert.Contains("--force", line);
        Assert.Equal(before, Command.Files(output));
        Assert.Empty(Command.StagingBeside(output));
    }

    [Fact]
    public void With_force_such_a_folder_gets_the_site_and_its_marker()
    {
        var project = Command.Project(_temp);
        var output = _temp["www"];
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "keep.txt"), "mine");

        var run = Command.Briefings(project, ["build", "--output", output, "--no-search", "--force"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(Path.Combine(output, "index.html")));
        Assert.Equal(OutputFolder.MarkerText, File.ReadAllText(Path.Combine(output, OutputFolder.Marker)));
        // Now the folder is the build's own: the next build goes ahead without --force.
        Assert.Equal(0, Command.Briefings(project, ["build", "--output", output, "--no-search"]).ExitCode);
    }

    public static readonly TheoryData<string, string, string> AlwaysRefused = new()
    {
        // --output, --input (relative to the project), and what the message names.
        { ".", "input", "it is the repository's root" },
        { "input", "input", "it is the input folder" },
        { "input/briefings", "input", "it lies inside the input folder" },
        { "theme", "input", "it is the theme folder" },
        { "theme/assets/site", "input", "it lies inside the theme folder" },
        { "..", "input", "it contains the repository's root" },
        { "input/..", "input", "it is the repository's root" },
    };

    [Theory]
    [MemberData(nameof(AlwaysRefused))]
    public void An_output_that_is_holds_or_lies_in_the_project_is_refused_even_with_force(string output, string input, string why)
    {
        var project = Command.Project(_temp);
        var parent = Path.GetDirectoryName(project)!;
        File.WriteAllText(Path.Combine(parent, "beside.txt"), "a file beside the project");
        var before = Command.Files(parent);

        foreach (var force in new[] { false, true })
        {
            var run = Command.Briefings(project, ["build", "--input", input, "--output", output, "--no-search", .. force ? new[] { "--force" } : []]);
            Assert.True(run.ExitCode == 2, $"--output {output} --force {force}: {run}");
            var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(why, line);
            Assert.Contains("--force does not change this", line);
        }
        Assert.Equal(before, Command.Files(parent));
    }

    [Fact]
    public void The_repository_root_and_the_home_folder_are_refused_even_with_force()
    {
        var project = Command.Project(_temp);
        // The archive lives deeper than the repository's root, so only the .git tells the root apart.
        var input = Path.Combine(project, "site", "input");
        TempFolder.Copy(Path.Combine(project, "input"), input);
        var home = _temp["home"];
        Directory.CreateDirectory(Path.Combine(home, "notes"));
        File.WriteAllText(Path.Combine(home, "notes", "n.txt"), "home");
        var beforeProject = Command.Files(project);
        var beforeHome = Command.Files(home);

        var atRoot = Command.Briefings(project, ["build", "--input", input, "--output", project, "--no-search", "--force"]);
        var atHome = Command.Briefings(project, ["build", "--input", input, "--output", home, "--no-search", "--force"],
            new Dictionary<string, string> { ["HOME"] = home });
        var otherRepository = _temp["other-repo"];
        Directory.CreateDirectory(Path.Combine(otherRepository, ".git"));
        var atRepository = Command.Briefings(project, ["build", "--input", input, "--output", otherRepository, "--no-search", "--force"]);

        Assert.True(atRoot.ExitCode == 2 && atRoot.Stderr.Contains("it is the repository's root", StringComparison.Ordinal), atRoot.ToString());
        Assert.True(atHome.ExitCode == 2 && atHome.Stderr.Contains("it is the home folder", StringComparison.Ordinal), atHome.ToString());
        Assert.True(atRepository.ExitCode == 2 && atRepository.Stderr.Contains("root of a git repository", StringComparison.Ordinal), atRepository.ToString());
        Assert.Equal(beforeProject, Command.Files(project));
        Assert.Equal(beforeHome, Command.Files(home));
    }

    [Fact]
    public void A_linked_output_stays_a_link_and_its_target_gets_the_new_site()
    {
        var project = Command.Project(_temp);
        var webRoot = _temp["srv/www"];
        Directory.CreateDirectory(webRoot);
        var link = _temp["site"];
        File.CreateSymbolicLink(link, webRoot);

        var first = Command.Briefings(project, ["build", "--output", link, "--no-search"]);
        var second = Command.Briefings(project, ["build", "--output", link, "--no-search", "--base-url", "https://second-build.example.org"]);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(webRoot, new FileInfo(link).LinkTarget);
        Assert.Contains("https://second-build.example.org", File.ReadAllText(Path.Combine(webRoot, "index.html")));
        Assert.Empty(Command.StagingBeside(webRoot));
        Assert.Empty(Command.StagingBeside(link));
    }

    [Fact]
    public void A_link_to_a_folder_of_the_users_is_refused_like_the_folder()
    {
        var project = Command.Project(_temp);
        var webRoot = _temp["srv/www"];
        Directory.CreateDirectory(webRoot);
        File.WriteAllText(Path.Combine(webRoot, "index.php"), "<?php // someone's site");
        var link = _temp["site"];
        File.CreateSymbolicLink(link, webRoot);

        var run = Command.Briefings(project, ["build", "--output", link, "--no-search"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("index.php", run.Stderr);
        Assert.Equal("<?php // someone's site", File.ReadAllText(Path.Combine(webRoot, "index.php")));
        Assert.Equal(webRoot, new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void An_output_that_is_a_file_fails_at_once_with_exit_3_and_the_file_untouched()
    {
        var project = Command.Project(_temp);
        var output = _temp["site"];
        File.WriteAllText(output, "a file of mine");

        var run = Command.Briefings(project, ["build", "--output", output, "--no-search", "--force"]);

        Assert.True(run.ExitCode == 3, run.ToString());
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("it is a file, not a folder", line);
        Assert.Equal("a file of mine", File.ReadAllText(output));
    }

    [Fact]
    public void Staging_folders_of_dead_builds_are_removed_and_a_live_builds_is_not()
    {
        var project = Command.Project(_temp);
        var output = _temp["site"];
        var dead = _temp[$".site-staging-4000000-{Guid.NewGuid():N}"];
        var deadOld = dead + "-old";
        // Named by a process that is gone (no pid is that high), but locked: a build in another pid namespace.
        var live = _temp[$".site-staging-4000001-{Guid.NewGuid():N}"];
        var running = _temp[$".site-staging-{Environment.ProcessId}-{Guid.NewGuid():N}"];
        var users = _temp[".site-staging-notes"];
        foreach (var dir in new[] { dead, deadOld, live, running, users })
        {
            Directory.CreateDirectory(Path.Combine(dir, "briefings"));
            File.WriteAllText(Path.Combine(dir, "briefings", "index.html"), "left behind");
        }
        // A build still running holds the lock on its staging folder; here the test holds it.
        using var held = Posix.TryLockFolder(live, out _);
        Assert.NotNull(held);

        var run = Command.Briefings(project, ["build", "--output", output, "--no-search"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.False(Directory.Exists(dead));
        Assert.False(Directory.Exists(deadOld));
        Assert.True(Directory.Exists(live), "the staging folder of a running build was removed");
        Assert.True(Directory.Exists(running), "the staging folder of a process that still runs was removed");
        Assert.True(File.Exists(Path.Combine(users, "briefings", "index.html")), "a folder not named as the build names its own was removed");
    }

    public void Dispose() => _temp.Dispose();
}
