using Briefings.Tests.Fixtures;
using Briefings.Tests.Serving;
using static Briefings.Tests.Fixtures.ArchiveFixture;

namespace Briefings.Tests.Checking;

/// <summary>What <c>check</c> says about the mistakes YAML's own messages explain badly, about file names that
/// would break a line, and about the theme: at the place of the cause, in our words, on one line.</summary>
public sealed class MessageTests : IDisposable
{
    private readonly ArchiveFixture _archive = new();

    public void Dispose() => _archive.Dispose();

    /// <summary>Where a needle is in a file; '»' in it marks the column meant (on the needle's first line).</summary>
    private (int Line, int Column) At(string file, string needle)
    {
        int mark = Math.Max(0, needle.IndexOf('»'));
        var (line, column) = _archive.Find(file, needle.Replace("»", ""));
        return (line, column + mark);
    }

    [Fact]
    public void A_tab_in_an_indentation_is_reported_at_the_tab_itself()
    {
        _archive.Replace(Kim, "    confidence: medium\n    sources:", "    confidence: medium\n  \t  sources:");
        Assert.Equal((12, 3), _archive.Find(Kim, "\t"));

        var run = _archive.Check();

        Expect.Exit(run, 1);
        var line = Expect.Reported(run, _archive, Kim, (12, 3), "BR201");
        Assert.EndsWith("malformed YAML: use spaces, not a tab, to indent", line);
        Assert.Single(run.Lines);
    }

    [Theory]
    [InlineData("country: north-korea", "country: [[north-korea]] and more", "country: »[[north",
        "malformed YAML: quote this value: unquoted, '[[' starts a YAML list; write it in quotes: \"[[north-korea]] and more\"")]
    [InlineData("- \"Kim Myong-gil\"", "- [[kim-myong-gil]] in full", "- »[[kim-myong-gil]] in",
        "malformed YAML: quote this value: unquoted, '[[' starts a YAML list; write it in quotes: \"[[kim-myong-gil]] in full\"")]
    [InlineData("name: \"Kim Myong Gil\"", "name: Kim Myong: Gil", "name: Kim Myong»: Gil",
        "malformed YAML: ': ' inside an unquoted value reads as a new key; write it in quotes: \"Kim Myong: Gil\"")]
    [InlineData("name: \"Kim Myong Gil\"", "name: @kimmyonggil", "name: »@kim",
        "malformed YAML: a value cannot start with '@' unless it is quoted; write it in quotes: \"@kimmyonggil\"")]
    [InlineData("name: \"Kim Myong Gil\"", "name: `Kim` Myong Gil", "name: »`Kim`",
        "malformed YAML: a value cannot start with '`' unless it is quoted; write it in quotes: \"`Kim` Myong Gil\"")]
    public void An_unquoted_value_YAML_reads_as_syntax_is_reported_at_its_cause_with_the_fix(string oldLine, string newLine, string needle, string message)
    {
        _archive.ReplaceLine(Kim, oldLine, newLine);

        var run = _archive.Check();

        Expect.Exit(run, 1);
        var line = Expect.Reported(run, _archive, Kim, At(Kim, needle), "BR201");
        Assert.EndsWith(": " + message, line);
        Assert.Single(run.Lines);
    }

    [Fact]
    public void A_hash_after_a_space_in_an_unquoted_value_is_a_warning_at_the_hash()
    {
        _archive.ReplaceLine(Kim, "title: \"Vice President\"", "title: Vice President #2");

        var run = _archive.Check();

        Expect.Exit(run, 0);
        var line = Expect.Reported(run, _archive, Kim, At(Kim, "Vice President »#2"), "BR503", "warning");
        Assert.EndsWith(": ' #' starts a comment, so this value is read as 'Vice President' without '#2'; if the '#' belongs to the value, write the whole value in quotes", line);
        Assert.Single(run.Lines);
    }

    [Fact]
    public void A_comment_after_a_quoted_value_is_no_warning()
    {
        _archive.ReplaceLine(Kim, "title: \"Vice President\"", "title: \"Vice President #2\"  # the second");

        Expect.Exit(_archive.Check(), 0);
        Assert.Empty(_archive.Check().Lines);
    }

    [Fact]
    public void A_line_break_in_a_file_name_is_written_as_an_escape_on_one_line()
    {
        _archive.Write("people/kim\nmyong-gil.md", _archive.Read(Kim));

        var run = _archive.Check();

        var line = Assert.Single(run.Lines);
        Assert.StartsWith(_archive.Shown("people/kim") + "\\nmyong-gil.md:1:1: error BR310: file name 'kim\\nmyong-gil' is not a valid id", line);
        Assert.Single(run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Makes files or folders .NET cannot name: the shell makes them, from names with bytes written \xNN
    /// ($'...'), in <paramref name="folder"/> ($1).</summary>
    private void MakeWithBytes(string folder, string script)
    {
        using var shell = System.Diagnostics.Process.Start("bash", ["-c", script, "bash", _archive.Path(folder)])!;
        shell.WaitForExit();
        Assert.True(shell.ExitCode == 0, $"the file system refused: {script} in {folder}");
    }

    [Theory]
    [InlineData("people", "caf\\xe9.md", "people/caf\\xe9.md", "caf\\xe9")]
    [InlineData("briefings/2019", "\\xff\\xfe.md", "briefings/2019/\\xff\\xfe.md", "\\xff\\xfe")]
    public void A_file_name_that_is_not_UTF8_is_written_with_its_bytes_escaped_on_one_line(string folder, string name, string shown, string id)
    {
        MakeWithBytes(folder, $"touch \"$1\"/$'{name}'");

        var run = _archive.Check();

        Expect.Exit(run, 1);
        var line = Assert.Single(run.Lines);
        var prefix = _archive.Shown(folder) + shown[folder.Length..];
        Assert.True(line.StartsWith($"{prefix}:1:1: error BR310: file name '{id}' is not a valid id", StringComparison.Ordinal), line);
        Assert.DoesNotContain('\uFFFD', run.Stdout);
        Assert.DoesNotContain("\\uFFFD", run.Stdout);
    }

    [Fact]
    public void A_folder_whose_name_is_not_UTF8_is_an_error_at_its_name_in_bytes()
    {
        MakeWithBytes("briefings", "mkdir \"$1\"/$'\\xe92019' && touch \"$1\"/$'\\xe92019'/x.md");

        var run = _archive.Check();

        Expect.Exit(run, 1);
        var line = Assert.Single(run.Lines);
        Assert.Equal($"{_archive.Shown("briefings")}/\\xe92019:1:1: error BR110: folder cannot be read: its name is not UTF-8; rename it, and nothing in it is read until then", line);
    }
}

/// <summary><c>check</c> checks the theme as build does, with the same function.</summary>
public sealed class ThemeCheckTests
{
    private static string Shown(string path) => Briefings.Reading.ArchiveReader.Display(path);

    [Fact]
    public void A_link_in_the_theme_is_an_error_of_check()
    {
        using var archive = new TempArchive();
        File.CreateSymbolicLink(Path.Combine(archive.Theme, "assets", "leak.txt"), "/etc/hostname");
        var stdout = new StringWriter();

        int code = Cli.Cli.Run(["check", "--input", archive.Input], stdout, new StringWriter());

        Assert.Equal(1, code);
        var line = Assert.Single(stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"{Shown(Path.Combine(archive.Theme, "assets", "leak.txt"))}:1:1: error BR150: this is a link; theme files must be real files inside theme/", line);
    }

    [Fact]
    public void A_template_that_does_not_parse_is_an_error_at_its_place_without_its_source()
    {
        using var archive = new TempArchive();
        var layout = Path.Combine(archive.Theme, "templates", "layout.liquid");
        var lines = File.ReadAllLines(layout).Length;
        File.AppendAllText(layout, "<p>{{ page.title </p>\n");
        var stdout = new StringWriter();

        int code = Cli.Cli.Run(["check", "--input", archive.Input, "--format", "github"], stdout, new StringWriter());

        Assert.Equal(1, code);
        var line = Assert.Single(stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"::error file=", line);
        Assert.Contains($",line={lines + 1},", line);
        Assert.Contains("title=BR150::", line);
        Assert.DoesNotContain("<p>", line);
    }
}

/// <summary><c>check --format github</c> on GitHub: the job summary, and the notice when GitHub will show only part.
/// The summary file is named by an environment variable, so these tests do not run beside others.</summary>
[Collection(GitHubSummaryCollection.Name)]
public sealed class GitHubSummaryTests : IDisposable
{
    private readonly ArchiveFixture _archive = new();
    private readonly string _summary = Path.Combine(Path.GetTempPath(), $"briefings-summary-{Guid.NewGuid():N}.md");

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("GITHUB_STEP_SUMMARY", null);
        File.Delete(_summary);
        _archive.Dispose();
    }

    private CheckRun CheckOnGitHub()
    {
        Environment.SetEnvironmentVariable("GITHUB_STEP_SUMMARY", _summary);
        try { return _archive.Check("--format", "github"); }
        finally { Environment.SetEnvironmentVariable("GITHUB_STEP_SUMMARY", null); }
    }

    private void PlantUnknownKeys(int n) =>
        _archive.InsertAfter(Kim, "country: north-korea", string.Join('\n', Enumerable.Range(1, n).Select(i => $"extra{i}|x: value")));

    [Fact]
    public void More_than_10_errors_add_a_notice_and_every_one_is_in_the_job_summary()
    {
        File.WriteAllText(_summary, "what an earlier step wrote\n");
        PlantUnknownKeys(11);

        var run = CheckOnGitHub();

        Expect.Exit(run, 1);
        Assert.Equal(11, run.Lines.Count(l => l.StartsWith("::error ", StringComparison.Ordinal)));
        var notice = Assert.Single(run.Lines, l => l.StartsWith("::notice", StringComparison.Ordinal));
        Assert.Contains("11 errors and 0 warnings: GitHub shows only 10 of each kind on the pull request; every one is in this log and in the job summary", notice);

        var summary = File.ReadAllLines(_summary);
        Assert.Equal("what an earlier step wrote", summary[0]);
        Assert.Contains("### briefings check: 11 errors, 0 warnings", summary);
        var rows = summary.Where(l => l.StartsWith("| error |", StringComparison.Ordinal)).ToList();
        Assert.Equal(11, rows.Count);
        for (int i = 1; i <= 11; i++)
        {
            var (line, column) = _archive.Find(Kim, $"extra{i}|x");
            Assert.Contains($"| error | {_archive.Shown(Kim)}:{line}:{column} | BR302 | unknown key 'extra{i}\\|x'", rows[i - 1].Replace("\\_", "_"));
        }
    }

    [Fact]
    public void Ten_errors_need_no_notice()
    {
        PlantUnknownKeys(10);

        var run = CheckOnGitHub();

        Assert.Equal(10, run.Lines.Count(l => l.StartsWith("::error ", StringComparison.Ordinal)));
        Assert.DoesNotContain(run.Lines, l => l.StartsWith("::notice", StringComparison.Ordinal));
        Assert.Equal(10, File.ReadAllLines(_summary).Count(l => l.StartsWith("| error |", StringComparison.Ordinal)));
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GitHubSummaryCollection
{
    public const string Name = "GITHUB_STEP_SUMMARY";
}
