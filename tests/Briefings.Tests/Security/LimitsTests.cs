using System.Text;
using Briefings.Site;
using Briefings.Tests.Checking;
using Briefings.Tests.Fixtures;
using Briefings.Tests.Support;

namespace Briefings.Tests.Security;

/// <summary>Pathological files get a clear error within seconds: never a hang, an out-of-memory crash, or a stack
/// overflow (which .NET cannot catch: it would kill the build). Each case runs with a time limit, so a hang fails
/// the test instead of stalling the run; the limit is generous, for a loaded two-core machine.</summary>
public sealed class LimitsTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private const string Kim = ArchiveFixture.Kim;
    private const string Delegation = ArchiveFixture.Delegation;
    private readonly ArchiveFixture _archive = new();

    private static T Within<T>(Func<T> work, string what)
    {
        var task = Task.Factory.StartNew(work, TaskCreationOptions.LongRunning);
        Assert.True(task.Wait(Limit), $"{what} took more than {Limit.TotalSeconds} s");
        return task.Result;
    }

    private CheckRun CheckWithBody(string body, string what)
    {
        _archive.Write(Kim, _archive.Read(Kim) + "\n" + body + "\n");
        return Within(() => _archive.Check(), what);
    }

    public static TheoryData<string, string> PathologicalBodies => new()
    {
        { "50k emphasis delimiters around a word", new string('*', 50_000) + "x" + new string('*', 50_000) },
        { "100k nested quotes", string.Concat(Enumerable.Repeat("> ", 100_000)) + "x" },
        { "400k list markers on one line", string.Concat(Enumerable.Repeat("- ", 400_000)) + "x" },
        { "nested quotes on many lines", string.Concat(Enumerable.Repeat(string.Concat(Enumerable.Repeat("> ", 70)) + "x\n", 5_000)) },
        { "200k nested divs", string.Concat(Enumerable.Repeat("<div>", 200_000)) },
        { "200k nested bold tags in a paragraph", "x " + string.Concat(Enumerable.Repeat("<b>", 200_000)) },
        { "nested divs hidden in attribute values", string.Concat(Enumerable.Repeat("<div title=\"</div>\">", 20_000)) },
        { "nested divs hidden behind bogus comments", string.Concat(Enumerable.Repeat("<div><! </div>", 20_000)) },
    };

    [Theory]
    [MemberData(nameof(PathologicalBodies))]
    public void A_body_nested_too_deeply_is_a_BR107_error_within_seconds(string what, string body)
    {
        var run = CheckWithBody(body, what);

        Expect.Exit(run, 1);
        Assert.Contains("too deeply", run.Stdout);
        Expect.Only(run, "BR107");
    }

    public static TheoryData<string, string> BracketRuns => new()
    {
        { "100k nested brackets", new string('[', 100_000) },
        { "100k nested brackets, closed", new string('[', 100_000) + "x" + new string(']', 100_000) + "(/a)" },
        { "100k nested links", string.Concat(Enumerable.Repeat("[", 50_000)) + "x" + string.Concat(Enumerable.Repeat("](/a)", 50_000)) },
        { "80k unclosed links (quadratic in Markdig)", string.Concat(Enumerable.Repeat("[a](", 80_000)) },
        { "2,501 mentions (5,002 '[')", string.Concat(Enumerable.Repeat("[[kim-myong-gil]] ", 2_501)) },
    };

    [Theory]
    [MemberData(nameof(BracketRuns))]
    public void A_body_with_too_many_brackets_is_a_BR108_error_before_parsing(string what, string body)
    {
        var run = CheckWithBody(body, what);

        Expect.Exit(run, 1);
        Assert.Contains("too many '['", Expect.Reported(run, _archive, Kim, BodyStart(), "BR108"));
        Expect.Only(run, "BR108");
    }

    [Fact]
    public void A_body_with_as_many_brackets_as_allowed_checks_clean()
    {
        int already = _archive.Read(Kim).Split("\n---\n", 2)[1].Count(c => c == '[');
        var links = string.Concat(Enumerable.Repeat("[a](/people/kim-myong-gil/) and ", Markdown.BodyLimits.MaxBrackets - already));
        var run = CheckWithBody(links, "exactly the allowed number of '['");
        Expect.Exit(run, 0);
    }

    public static TheoryData<string, string> HugeBodies => new()
    {
        { "60k paragraphs", string.Concat(Enumerable.Repeat("x\n\n", 60_000)) },
        { "100k code spans in one paragraph", string.Concat(Enumerable.Repeat("`a` ", 100_000)) },
        { "a table of 2,500 rows and 100 columns", Row("h") + Row("-") + string.Concat(Enumerable.Repeat(Row("x"), 2_500)) },
        { "150k spans", "x " + string.Concat(Enumerable.Repeat("<span>a</span>", 70_000)) },
        { "40k one-item lists", string.Concat(Enumerable.Repeat("- x\n\n", 40_000)) },
    };

    [Theory]
    [MemberData(nameof(HugeBodies))]
    public void A_body_with_too_many_elements_is_a_BR108_error_within_seconds(string what, string body)
    {
        var run = CheckWithBody(body, what);

        Expect.Exit(run, 1);
        Assert.Contains("too many elements", Expect.Reported(run, _archive, Kim, BodyStart(), "BR108"));
        Expect.Only(run, "BR108");
    }

    private static string Row(string cell) => "|" + string.Concat(Enumerable.Repeat(cell + "|", 100)) + "\n";

    /// <summary>The line on which Kim's body starts: a body too large as a whole is reported there.</summary>
    private (int, int) BodyStart() => (_archive.Find(Kim, "\n---\n").Line + 2, 1);

    [Fact]
    public void A_900_KB_single_line_body_is_read_and_built_within_seconds()
    {
        var run = CheckWithBody(new string('a', 900_000), "a 900 KB line");
        Expect.Exit(run, 0);
        using var output = new TempFolder();
        var result = Within(() => SiteBuilder.Build(new SiteBuilder.Options(_archive.Root, output["site"], ThemeDir: RepoPaths.Theme, Search: false)), "building it");
        Assert.True(result.Succeeded);
    }

    [Fact]
    public void A_900_KB_title_is_a_BR308_error()
    {
        _archive.ReplaceLine(Kim, "name: \"Kim Myong Gil\"", "name: \"" + new string('a', 900_000) + "\"");
        var run = Within(() => _archive.Check(), "a 900 KB title");
        Expect.Exit(run, 1);
        Expect.Only(run, "BR308");
    }

    [Fact]
    public void A_20_MB_file_is_refused_unread()
    {
        var bytes = Encoding.UTF8.GetBytes(_archive.Read(Kim) + new string('x', 20 * 1024 * 1024));
        _archive.WriteBytes(Kim, bytes);
        var run = Within(() => _archive.Check(), "a 20 MB file");
        Expect.Exit(run, 1);
        Assert.Contains("at most 1024 KiB", Expect.Reported(run, _archive, Kim, (1, 1), "BR103"));
    }

    [Fact]
    public void An_event_summary_nested_too_deeply_to_render_is_an_error_not_a_crash_of_the_build()
    {
        // Markdig parses this, but throws when rendering it (more than ~128 levels of emphasis).
        _archive.ReplaceLine(Delegation, "summary: \"The two courts sign a memorandum of understanding.\"",
            "summary: \"" + new string('*', 600) + "x" + new string('*', 600) + "\"");
        var run = Within(() => _archive.Check(), "a deep summary");
        Expect.Exit(run, 1);
        Expect.Reported(run, _archive, Delegation, _archive.Find(Delegation, "\"****"), "BR107");
    }

    [Fact]
    public void A_body_just_inside_the_limits_builds_within_seconds()
    {
        var body = new StringBuilder();
        body.Append(new string('*', 180)).Append("deep").Append(new string('*', 180)).Append("\n\n");
        body.Append(string.Concat(Enumerable.Repeat("<div>", 60))).Append("nested").Append(string.Concat(Enumerable.Repeat("</div>", 60))).Append("\n\n");
        body.Append(string.Concat(Enumerable.Repeat("Some *text* with `code` and a <b>tag</b>.\n\n", 1_200)));
        var run = CheckWithBody(body.ToString(), "a body near the limits");
        Expect.Exit(run, 0);
        using var output = new TempFolder();
        var result = Within(() => SiteBuilder.Build(new SiteBuilder.Options(_archive.Root, output["site"], ThemeDir: RepoPaths.Theme, Search: false)), "building it");
        Assert.True(result.Succeeded);
    }

    public static TheoryData<string, string, string> HostileYaml => new()
    {
        { "billion laughs", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]", "BR203" },
        { "100k nested flow sequences", "name: " + new string('[', 100_000), "BR204" },
        { "100k nested flow mappings", "name: " + string.Concat(Enumerable.Repeat("{a: ", 100_000)), "BR204" },
        { "1000 nested block mappings", string.Concat(Enumerable.Range(0, 1_000).Select(i => new string(' ', i) + "a:\n")), "BR204" },
        { "a list of 300k values", "aliases: [" + string.Join(",", Enumerable.Repeat("x", 300_000)) + "]", "BR204" },
        { "a Python object tag", "name: !!python/object/apply:os.system [\"id\"]", "BR303" },
    };

    [Theory]
    [MemberData(nameof(HostileYaml))]
    public void Hostile_front_matter_is_an_error_within_seconds(string what, string yaml, string code)
    {
        _archive.Write(Kim, "---\n" + yaml + "\n---\n\nBody.\n");
        var run = Within(() => _archive.Check(), what);
        Expect.Exit(run, 1);
        Assert.Contains($" {code}: ", run.Stdout);
    }

    public void Dispose() => _archive.Dispose();
}
