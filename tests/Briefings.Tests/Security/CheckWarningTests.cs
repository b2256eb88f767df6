using Briefings.Tests.Checking;
using Briefings.Tests.Fixtures;

namespace Briefings.Tests.Security;

/// <summary><c>briefings check</c> warns (BR502) about every piece of raw HTML that the sanitiser will remove,
/// at the line and column of that HTML, so a pull request shows the reviewer what a stranger tried.</summary>
public sealed class CheckWarningTests : IDisposable
{
    private const string Kim = ArchiveFixture.Kim;
    private const string Delegation = ArchiveFixture.Delegation;
    private readonly ArchiveFixture _archive = new();

    [Theory]
    [InlineData("<script>alert(1)</script>", "raw HTML element <script> removed")]
    [InlineData("<img src=\"https://example.org/a.png\" onerror=\"alert(1)\">", "attribute 'onerror' of <img> removed")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "link to 'javascript:alert(1)' in <a href> removed")]
    [InlineData("<img src=\"data:image/png;base64,AAAA\">", "link to 'data:image/png;base64,AAAA' in <img src> removed")]
    [InlineData("<iframe src=\"https://example.org/\"></iframe>", "raw HTML element <iframe> removed")]
    [InlineData("<span style=\"color:red\">x</span>", "attribute 'style' of <span> removed")]
    [InlineData("<svg onload=alert(1)></svg>", "raw HTML element <svg> removed")]
    [InlineData("<b id=\"main\">x</b>", "attribute 'id' of <b> removed")]
    public void Raw_html_in_a_body_that_the_sanitiser_removes_is_a_warning_where_it_is_written(string html, string expected)
    {
        _archive.Write(Kim, _archive.Read(Kim) + "\nSee " + html + " for more.\n");

        var run = _archive.Check();

        Expect.Exit(run, 0);
        Assert.Contains(expected, Expect.Reported(run, _archive, Kim, _archive.Find(Kim, html), "BR502", "warning"));
        Expect.Only(run, "BR502");
    }

    [Fact]
    public void An_html_block_is_reported_at_its_first_line()
    {
        _archive.Write(Kim, _archive.Read(Kim) + "\n<div>\n<p>fine</p>\n<script>alert(1)</script>\n</div>\n");

        var run = _archive.Check();

        Expect.Exit(run, 0);
        Assert.Contains("<script> removed", Expect.Reported(run, _archive, Kim, _archive.Find(Kim, "<div>"), "BR502", "warning"));
        Assert.Single(run.Lines);
    }

    [Fact]
    public void Raw_html_in_an_event_summary_is_reported_at_the_summary()
    {
        _archive.ReplaceLine(Delegation, "summary: \"The two courts sign a memorandum of understanding.\"",
            "summary: \"The courts sign <img src=x onerror=alert(1)> a memorandum.\"");

        var run = _archive.Check();

        Expect.Exit(run, 0);
        var at = _archive.Find(Delegation, "\"The courts sign");
        Assert.Contains("attribute 'onerror' of <img> removed", Expect.Reported(run, _archive, Delegation, at, "BR502", "warning"));
    }

    [Fact]
    public void Html_from_the_allow_list_and_comments_give_no_warning()
    {
        _archive.Write(Kim, _archive.Read(Kim) + """

            <details><summary>More</summary>
            <abbr title="Ministry of State Security">MSS</abbr> <a href="https://example.org/" title="x">a</a>, <a href="/people/">b</a>, <a href="#sources">c</a>.
            </details>

            <!-- a note for reviewers -->
            <table><tr><td colspan="2">x</td></tr></table>

            """);

        var run = _archive.Check();

        Expect.Exit(run, 0);
        Assert.Empty(run.Lines);
    }

    /// <summary>A warning quotes contributor text, which must not carry terminal escapes into a maintainer's shell or a CI log.</summary>
    [Fact]
    public void Control_characters_in_removed_html_are_escaped_in_the_warning()
    {
        _archive.Write(Kim, _archive.Read(Kim) + "\n<div>\n<x\u001b[2J>y</x\u001b[2J> <b \u001b]0;pwned\u0007=1>z</b>\n</div>\n");

        var run = _archive.Check();

        Expect.Exit(run, 0);
        Assert.Equal(2, run.Lines.Count(l => l.Contains(" BR502: ", StringComparison.Ordinal)));
        Assert.DoesNotContain(run.Stdout, c => char.IsControl(c) && c is not ('\n' or '\r'));
        Assert.Contains("\\u001B", run.Stdout);
    }

    public void Dispose() => _archive.Dispose();
}
