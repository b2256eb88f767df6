using System.Text;
using Briefings.Tests.Fixtures;
using static Briefings.Tests.Fixtures.ArchiveFixture;

namespace Briefings.Tests.Checking;

/// <summary><c>briefings check</c> as a user runs it: a clean archive, the output formats, exit statuses,
/// several problems at once, and files saved by other editors.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly ArchiveFixture _archive = new();

    public void Dispose() => _archive.Dispose();

    [Fact]
    public void The_valid_fixture_checks_with_no_diagnostics_and_exit_0()
    {
        var run = _archive.Check();

        Expect.Exit(run, 0);
        Assert.Empty(run.Lines);
        Assert.Contains("checked 2 briefings, 7 entities, 2 catalog sources and 2 pages: 0 errors, 0 warnings", run.Stderr);
    }

    [Fact]
    public void Github_format_prints_workflow_annotations()
    {
        _archive.ReplaceLine(Kim, "country: north-korea", "contry: north-korea");
        _archive.Replace(Delegation, "; @nkn-analysis-2019]", "]");

        var run = _archive.Check("--format", "github");

        Expect.Exit(run, 1);
        var file = _archive.Shown(Kim).Replace(":", "%3A").Replace(",", "%2C");
        var (line, col) = _archive.Find(Kim, "contry");
        Assert.Contains($"::error file={file},line={line},col={col},title=BR302::unknown key 'contry' (did you mean 'country'?)", run.Lines);
        var (wline, wcol) = _archive.Find(Delegation, "nkn-analysis-2019");
        Assert.Contains($"::warning file={_archive.Shown(Delegation)},line={wline},col={wcol},title=BR501::", run.Stdout);
        Assert.All(run.Lines, l => Assert.StartsWith("::", l));
    }

    [Fact]
    public void Text_format_is_the_default_and_can_be_named()
    {
        _archive.ReplaceLine(Kim, "country: north-korea", "contry: north-korea");

        Assert.Equal(_archive.Check().Stdout, _archive.Check("--format", "text").Stdout);
    }

    [Theory]
    [InlineData("check", "--no-such-option")]
    [InlineData("check", "--format", "xml")]
    [InlineData("check", "--input")]
    [InlineData("no-such-command")]
    public void A_wrong_command_line_exits_2_and_says_why(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        int code = Cli.Cli.Run(args, stdout, stderr);

        Assert.True(code == 2, $"exit {code}\n{stdout}\n{stderr}");
        Assert.NotEmpty(stderr.ToString());
    }

    [Fact]
    public void A_missing_input_folder_is_an_error()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        int code = Cli.Cli.Run(["check", "--input", _archive.Path("no-such-folder")], stdout, stderr);

        Assert.NotEqual(0, code);
        Assert.Contains("does not exist", stdout.ToString() + stderr);
    }

    [Fact]
    public void Several_errors_in_different_files_are_all_reported_sorted_by_file_then_line()
    {
        _archive.ReplaceLine(Trial, "date: 2020-03-02", "date: 2020-02-30");                            // BR304
        _archive.ReplaceLine(Kim, "kind: state-media", "kind: tv");                                      // BR307
        _archive.ReplaceLine(Kim, "country: north-korea", "contry: north-korea");                        // BR302
        _archive.ReplaceLine(NorthKorea, "iso: KP", "iso: XXX");                                         // BR311
        _archive.ReplaceLine(Mou, "type: mou", "type: memorandum");                                      // BR307
        _archive.ReplaceLine(Delegation, "from: north-korea", "from: dprk-central-court");               // BR402
        _archive.ReplaceLine(Delegation, "updated: 2019-06-20", "updated: 2019-06-13");                  // BR306

        var run = _archive.Check();

        Expect.Exit(run, 1);
        var expected = new (string File, string Needle, string Code)[]
        {
            (Mou, "memorandum\n", "BR307"),
            (Delegation, "2019-06-13", "BR306"),
            (Delegation, "dprk-central-court\n    to:", "BR402"),
            (Trial, "2020-02-30", "BR304"),
            (NorthKorea, "XXX", "BR311"),
            (Kim, "contry", "BR302"),
            (Kim, "tv", "BR307"),
        };
        var prefixes = expected.Select(e =>
        {
            var (line, col) = _archive.Find(e.File, e.Needle);
            return $"{_archive.Shown(e.File)}:{line}:{col}: error {e.Code}: ";
        }).ToList();
        Assert.True(run.Lines.Count == prefixes.Count, run.ToString());
        for (int i = 0; i < prefixes.Count; i++)
            Assert.True(run.Lines[i].StartsWith(prefixes[i], StringComparison.Ordinal), $"line {i + 1}: expected {prefixes[i]}\n{run}");
        Assert.Contains("7 errors, 0 warnings", run.Stderr);
    }

    [Fact]
    public void Lines_in_one_file_are_sorted_by_line_number_not_as_text()
    {
        // Line 9 must come before line 10 and 27: numeric order, not string order.
        _archive.ReplaceLine(Kim, "title: \"Vice President\"", "title: [Vice, President]");
        _archive.ReplaceLine(Kim, "from: 2019-06", "from: 2019-00");
        _archive.ReplaceLine(Kim, "kind: state-media", "kind: tv");

        var run = _archive.Check();

        var lines = run.Lines.Select(l => int.Parse(l[(_archive.Shown(Kim).Length + 1)..].Split(':')[0])).ToList();
        Assert.Equal([9, 10, 27], lines);
    }

    [Fact]
    public void CRLF_files_check_clean_and_report_the_same_positions()
    {
        foreach (var file in ValidFiles.Keys)
            _archive.Write(file, _archive.Read(file).Replace("\n", "\r\n"));

        Expect.Exit(_archive.Check(), 0);
        Assert.Empty(_archive.Check().Lines);

        _archive.Write(Kim, _archive.Read(Kim).Replace("contry", "x").Replace("country: north-korea", "contry: north-korea"));
        var run = _archive.Check();
        Expect.Reported(run, _archive, Kim, _archive.Find(Kim, "contry"), "BR302");
    }

    [Fact]
    public void Files_with_a_byte_order_mark_check_clean()
    {
        foreach (var file in ValidFiles.Keys)
            _archive.WriteBytes(file, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(_archive.Read(file))]);

        var run = _archive.Check();

        Expect.Exit(run, 0);
        Assert.Empty(run.Lines);
    }

    [Fact]
    public void A_byte_order_mark_does_not_shift_columns_on_the_first_line()
    {
        _archive.WriteBytes(SiteYml, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(_archive.Read(SiteYml).Replace("title:", "titel:"))]);

        var run = _archive.Check();

        Expect.Reported(run, _archive, SiteYml, (1, 1), "BR302");
    }

    [Fact]
    public void Diagnostics_point_at_characters_not_bytes_after_non_ASCII_text()
    {
        _archive.ReplaceLine(NorthKorea, "native_name: \"조선민주주의인민공화국\"", "native_name: \"조선민주주의인민공화국\"  # 조선\naliase: []");

        var run = _archive.Check();

        Expect.Reported(run, _archive, NorthKorea, _archive.Find(NorthKorea, "aliase:"), "BR302");
    }

    [Fact]
    public void A_warning_alone_exits_0_and_an_error_with_it_exits_1()
    {
        _archive.Replace(Delegation, "; @nkn-analysis-2019]", "]");
        Expect.Exit(_archive.Check(), 0);

        _archive.ReplaceLine(Kim, "country: north-korea", "contry: north-korea");
        var run = _archive.Check();
        Expect.Exit(run, 1);
        Assert.Contains("1 error, 1 warning", run.Stderr);
    }

    [Fact]
    public void Check_writes_nothing_into_the_archive()
    {
        var before = Directory.GetFileSystemEntries(_archive.Root, "*", SearchOption.AllDirectories).Order().ToList();

        _archive.Check();

        Assert.Equal(before, Directory.GetFileSystemEntries(_archive.Root, "*", SearchOption.AllDirectories).Order().ToList());
    }
}
