using System.Text;
using Briefings.Checking;
using Briefings.Reading;
using Briefings.Tests.Fixtures;
using static Briefings.Tests.Fixtures.ArchiveFixture;

namespace Briefings.Tests.Checking;

/// <summary>One planted problem per diagnostic code, each in the otherwise valid fixture archive, run through
/// <c>briefings check</c>: the exit status, the code, the file and the exact line and column a user is sent to.</summary>
public sealed partial class DiagnosticCodeTests : IDisposable
{
    private readonly ArchiveFixture _archive = new();

    public void Dispose() => _archive.Dispose();

    /// <summary>Where a planted value is: the needle is searched in the file, and '»' inside it marks the column
    /// reported (the start of the value rather than of its key).</summary>
    private (int Line, int Column) At(string file, string needle, int occurrence = 1) =>
        AtIn(_archive.Read(file), needle, occurrence);

    private static (int Line, int Column) AtIn(string text, string needle, int occurrence)
    {
        int mark = Math.Max(0, needle.IndexOf('»'));
        text = text.Replace("\r\n", "\n");
        var plain = needle.Replace("»", "");
        int at = -1;
        for (int n = 0; n < occurrence; n++)
            at = text.IndexOf(plain, at + 1, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{plain}' is not in the file {occurrence} times");
        at += mark;
        return ArchiveFixture.Locate(text[..at] + "\u0001", "\u0001");
    }

    /// <summary>The line on which a file's body starts: the one after the closing '---'.</summary>
    private int BodyLine(string file) => _archive.Find(file, "\n---\n").Line + 2;

    /// <summary>Replaces one line of a file, checks, and asserts an error with the code at the needle, with the
    /// message fragment, and no diagnostic outside that file (no cascade into other files).</summary>
    [Theory]
    // BR201 malformed YAML: at the offending character.
    [InlineData(Kim, "name: \"Kim Myong Gil\"", "name: Kim: Myong Gil", "BR201", "name: Kim»: Myong", "malformed YAML")]
    [InlineData(Kim, "country: north-korea", "country: [north-korea", "BR201", "country: »[north-korea", "malformed YAML")]
    [InlineData(Kim, "country: north-korea", "  country: north-korea", "BR201", "  »country: north-korea", "malformed YAML")]
    // BR202 duplicate key: at the second key.
    [InlineData(Kim, "country: north-korea", "country: north-korea\nname: \"Kim Myong-gil\"", "BR202", "»name: \"Kim Myong-gil\"", "duplicate key 'name'")]
    [InlineData(Delegation, "type: signing", "type: signing\n    type: meeting", "BR202", "»type: meeting", "duplicate key 'type'")]
    // BR301 missing required: at the key when it is there but empty, else at the start of its mapping.
    [InlineData(Court, "type: court", "", "BR301", "»name: \"Central Court\"", "missing required field 'type'")]
    [InlineData(Delegation, "title: \"Central Court delegation led by Kim Myong Gil visits Moscow\"", "title: \"\"", "BR301", "»title: \"\"", "missing required field 'title'")]
    [InlineData(Delegation, "type: signing", "", "BR301", "- »date: 2019-06-14", "missing required field 'type'")]
    [InlineData(Kim, "url: \"https://kcna.example.org/2019/06/delegation\"", "url:", "BR301", "»url:", "missing required field 'url'")]
    // BR302 unknown key, with the nearest known key.
    [InlineData(Kim, "country: north-korea", "contry: north-korea", "BR302", "»contry", "unknown key 'contry' (did you mean 'country'?)")]
    [InlineData(Delegation, "title: \"What the court memorandum means\"", "titel: \"What the court memorandum means\"", "BR302", "»titel", "unknown key 'titel' (did you mean 'title'?)")]
    [InlineData(Kim, "country: north-korea", "country: north-korea\nformer_id: kim-myong-il", "BR302", "»former_id", "did you mean 'former_ids'?")]
    // BR303 wrong type: at the value.
    [InlineData(Kim, "country: north-korea", "country: [north-korea]", "BR303", "country: »[north-korea]", "'country' must be an id, not a list")]
    [InlineData(Delegation, "participants: [dprk-central-court, russia-supreme-court]", "participants: dprk-central-court", "BR303", "participants: »dprk-central-court", "'participants' must be a list")]
    [InlineData(Kim, "country: north-korea", "country: !!str north-korea", "BR303", "country: »!!str", "YAML tags")]
    [InlineData(Kim, "native_name: \"김명길\"", "native_name: {ko: \"김명길\"}", "BR303", "native_name: »{", "'native_name' must be a text, not a mapping")]
    // BR304 impossible or malformed date.
    [InlineData(Delegation, "date: 2019-06-14", "date: 2019-02-30", "BR304", "date: »2019-02-30", "'date' is not a real date: '2019-02-30'")]
    [InlineData(Delegation, "- date: 2019-06", "- date: 2019-13", "BR304", "- date: »2019-13", "'date' is not a real date: '2019-13'")]
    [InlineData(Kim, "from: 2019-06", "from: June 2019", "BR304", "from: »June 2019", "'from' is not a real date")]
    // BR305 partial date where a full one is needed.
    [InlineData(Delegation, "date: 2019-06-14", "date: 2019-06", "BR305", "date: »2019-06\n", "'date' needs a full date (YYYY-MM-DD), not '2019-06'")]
    [InlineData(Kim, "accessed: 2024-01-05", "accessed: 2024", "BR305", "accessed: »2024", "'accessed' needs a full date")]
    // BR306 dates in the wrong order: at the later field.
    [InlineData(Delegation, "updated: 2019-06-20", "updated: 2019-06-01", "BR306", "updated: »2019-06-01", "'updated' (2019-06-01) is before 'date' (2019-06-14)")]
    [InlineData(Delegation, "end: 2019-06-16", "end: 2019-05-31", "BR306", "end: »2019-05-31", "event 'end' (2019-05-31) is before its 'date' (2019-06)")]
    [InlineData(Lebedev, "until: 2024-02", "until: 1988", "BR306", "until: »1988", "'until' (1988) is before 'from' (1989)")]
    // BR307 value not among the allowed ones, with the nearest allowed one.
    [InlineData(Delegation, "type: delegation", "type: delegaton", "BR307", "type: »delegaton", "'type' cannot be 'delegaton'; use one of delegation, meeting")]
    [InlineData(Delegation, "type: delegation", "type: delegaton", "BR307", "type: »delegaton", "(did you mean 'delegation'?)")]
    [InlineData(Court, "type: court", "type: cout", "BR307", "type: »cout", "(did you mean 'court'?)")]
    [InlineData(Mou, "status: signed", "status: sign", "BR307", "status: »sign", "(did you mean 'signed'?)")]
    [InlineData(Kim, "kind: state-media", "kind: statemedia", "BR307", "kind: »statemedia", "(did you mean 'state-media'?)")]
    // BR309 URL not absolute http(s).
    [InlineData(Kim, "url: \"https://kcna.example.org/2019/06/delegation\"", "url: \"javascript:alert(1)\"", "BR309", "url: »\"javascript", "'url' must be an absolute http or https URL, not 'javascript:alert(1)'")]
    [InlineData(Court, "website: \"https://court.example.org/\"", "website: \"court.example.org\"", "BR309", "website: »\"court", "'website' must be an absolute http or https URL")]
    [InlineData(Kim, "archive_url: \"https://archive.example.org/kcna-2019-06\"", "archive_url: \"data:text/html,hi\"", "BR309", "archive_url: »\"data", "'archive_url' must be an absolute http or https URL")]
    [InlineData(SiteYml, "base_url: \"https://briefings.example.org\"", "base_url: \"http://briefings.example.org\"", "BR309", "base_url: »\"http:", "'base_url' must be an absolute https URL")]
    // BR311 invalid ISO code, language tag or tag.
    [InlineData(NorthKorea, "iso: KP", "iso: kp", "BR311", "iso: »kp", "ISO 3166-1 alpha-2")]
    [InlineData(NorthKorea, "iso: KP", "iso: PRK", "BR311", "iso: »PRK", "ISO 3166-1 alpha-2")]
    [InlineData(Kim, "language: en", "language: english!", "BR311", "language: »english!", "BCP 47 language tag")]
    [InlineData(SiteYml, "language: en", "language: e", "BR311", "language: »e", "BCP 47 language tag")]
    [InlineData(Delegation, "- courts", "- Courts", "BR311", "- »Courts", "'Courts' is not a valid tag")]
    [InlineData(Delegation, "- courts", "- human rights", "BR311", "- »human rights", "'human rights' is not a valid tag")]
    // BR401 unknown id, with the nearest id of the right kind.
    [InlineData(Delegation, "- dprk-russia-court-mou-2019", "- dprk-russia-court-mou-2018", "BR401", "- »dprk-russia-court-mou-2018", "unknown agreement 'dprk-russia-court-mou-2018' (did you mean 'dprk-russia-court-mou-2019'?)")]
    [InlineData(Delegation, "from: north-korea", "from: north-corea", "BR401", "from: »north-corea", "unknown 'from' country 'north-corea' (did you mean 'north-korea'?)")]
    [InlineData(Court, "country: north-korea", "country: south-korea", "BR401", "country: »south-korea", "unknown country 'south-korea'")]
    [InlineData(Kim, "- institution: dprk-central-court", "- institution: dprk-central-cort", "BR401", "institution: »dprk-central-cort", "unknown institution 'dprk-central-cort' (did you mean 'dprk-central-court'?)")]
    // BR402 id of the wrong kind.
    [InlineData(Delegation, "from: north-korea", "from: dprk-central-court", "BR402", "from: »dprk-central-court", "'from' country 'dprk-central-court' is an institution; it must be a country")]
    [InlineData(Delegation, "- north-korea", "- kim-myong-gil\n  - north-korea", "BR402", "countries:\n  - »kim-myong-gil", "country 'kim-myong-gil' is a person; it must be a country")]
    [InlineData(Mou, "- russia-supreme-court", "- russia", "BR402", "- »russia\n", "party 'russia' is a country; it must be a person or an institution")]
    [InlineData(Kim, "- institution: dprk-central-court", "- institution: russia", "BR402", "institution: »russia", "institution 'russia' is a country; it must be an institution")]
    // BR404 cited source not listed in the file.
    [InlineData(Delegation, "- kcna-delegation-2019", "- kcna-delegaton-2019", "BR404", "- »kcna-delegaton-2019", "source 'kcna-delegaton-2019' is not listed in this file's sources (did you mean 'kcna-delegation-2019'?)")]
    [InlineData(Kim, "- kcna-kim-2019", "- kcna-kim-2018", "BR404", "- »kcna-kim-2018", "source 'kcna-kim-2018' is not listed")]
    // BR406 entity refers to itself.
    [InlineData(Court, "type: court", "type: court\nparent: dprk-central-court", "BR406", "parent: »dprk-central-court", "an institution cannot be its own parent")]
    public void Planted_error_is_reported_at_its_value(string file, string oldLine, string newLine, string code, string needle, string message)
    {
        _archive.ReplaceLine(file, oldLine, newLine);
        var run = _archive.Check();

        Expect.Exit(run, 1);
        var line = Expect.Reported(run, _archive, file, At(file, needle), code);
        Assert.Contains(message, line);
        foreach (var other in run.Lines)
            Assert.True(other.StartsWith(_archive.Shown(file) + ":", StringComparison.Ordinal), $"a diagnostic outside {file}:\n{run}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void BR101_a_byte_that_is_not_UTF8_is_reported_at_its_line_and_column(bool byteOrderMark)
    {
        var text = _archive.Read(Kim);
        int at = text.IndexOf("Vice", StringComparison.Ordinal) + 2; // the 'c' of "Vice President"
        var expected = At(Kim, "Vi»ce President");
        var bytes = new List<byte>();
        if (byteOrderMark) bytes.AddRange([0xEF, 0xBB, 0xBF]);
        bytes.AddRange(Encoding.UTF8.GetBytes(text[..at]));
        bytes.Add(0xFF);
        bytes.AddRange(Encoding.UTF8.GetBytes(text[(at + 1)..]));
        _archive.WriteBytes(Kim, bytes.ToArray());

        var run = _archive.Check();

        Expect.Exit(run, 1);
        var line = Expect.Reported(run, _archive, Kim, expected, "BR101");
        Assert.Contains("not valid UTF-8", line);
        // The file cannot be read, but it is there: the references to kim-myong-gil elsewhere are not errors too.
        Expect.Only(run, "BR101");
    }

    [Fact]
    public void BR101_Latin1_text_in_the_body_is_reported_on_its_line()
    {
        var latin1 = Encoding.Latin1.GetBytes("---\nname: \"Kim Myong Gil\"\n---\n\nCaf\u00e9 in Pyongyang.\n");
        _archive.WriteBytes(Kim, latin1);

        var run = _archive.Check();

        Expect.Exit(run, 1);
        Expect.Reported(run, _archive, Kim, (5, 4), "BR101");
    }

    [Fact]
    public void BR102_a_file_without_front_matter_is_an_error_at_its_start()
    {
        _archive.Write(Kim, "name: \"Kim Myong Gil\"\n\nKim Myong Gil is a judge.\n");

        var run = _archive.Check();

        Expect.Exit(run, 1);
        Assert.Contains("must start with front matter", Expect.Reported(run, _archive, Kim, (1, 1), "BR102"));
        Expect.Only(run, "BR102");
    }

    [Fact]
    public void BR102_front_matter_that_is_never_closed_is_an_error()
    {
        _archive.Write(Kim, "---\nname: \"Kim Myong Gil\"\n\nKim Myong Gil is a judge.\n");

        var run = _archive.Check();

        Expect.Exit(run, 1);
        Assert.Contains("front matter is not closed", Expect.Reported(run, _archive, Kim, (1, 1), "BR102"));
    }

    [Fact]
    public void BR103_a_20_MB_file_is_refused_unread()
    {
        const string big = "briefings/2019/2019-06-15-huge.md";
        var text = "---\ntitle: \"Huge\"\n---\n\n" + new string('x', 20 * 1024 * 1024);
        _archive.Write(big, text);

        var run = _archive.Check();

        Expect.Exit(run, 1);
        Assert.Contains("content files may be at most 1024 KiB", Expect.Reported(run, _archive, big, (1, 1), "BR103"));
        Expect.Only(run, "BR103");
    }

    [Fact]
    public void BR104_a_symlink_to_a_file_outside_input_is_not_followed()
    {
        var outside = Path.Combine(Path.GetTempPath(), "briefings-outside-" + Guid.NewGuid().ToString("N") + ".md");
        File.WriteAllText(outside, "---\nname: [this, would, be, BR303]\n---\n");
        try
        {
            const string link = "people/someone-else.md";
            File.CreateSymbolicLink(_archive.Path(link), outside);

            var run = _archive.Check();

            Expect.Exit(run, 1);
            Assert.Contains("outside input/", Expect.Reported(run, _archive, link, (1, 1), "BR104"));
            Expect.Only(run, "BR104"); // the target was not read
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public void BR104_a_symlink_to_a_folder_is_not_followed()
    {
        const string link = "people/more";
        Directory.CreateSymbolicLink(_archive.Path(link), Path.GetTempPath());

        var run = _archive.Check();

        Expect.Exit(run, 1);
        Expect.Reported(run, _archive, link, (1, 1), "BR104");
        Expect.Only(run, "BR104");
    }

    [Fact]
    public void BR105_a_briefing_in_the_folder_of_another_year()
    {
        const string moved = "briefings/2020/2019-06-14-central-court-delegation-to-moscow.md";
        _archive.Write(moved, _archive.Read(Delegation));
        _archive.Remove(Delegation);

        var run = _archive.Check();

        Expect.Exit(run, 1);
        Assert.Contains("move it to briefings/2019/", Expect.Reported(run, _archive, moved, (1, 1), "BR105"));
        Expect.Only(run, "BR105");
    }

    [Theory]
    [InlineData(Delegation, "briefings/2019-06-14-central-court-delegation-to-moscow.md", "briefings/YYYY/<id>.md")]
    [InlineData(Delegation, "briefings/2019/june/2019-06-14-central-court-delegation-to-moscow.md", "briefings/YYYY/<id>.md")]
    [InlineData(Kim, "people/dprk/kim-myong-gil.md", "a person belongs directly in people/<id>.md")]
    public void BR105_a_file_outside_its_folder(string from, string to, string message)
    {
        _archive.Write(to, _archive.Read(from));
        _archive.Remove(from);

        var run = _archive.Check();

        Expect.Exit(run, 1);
        Assert.Contains(message, Expect.Reported(run, _archive, to, (1, 1), "BR105"));
        // The misplaced file still holds its id: references to it are not reported as unknown as well.
        Expect.Only(run, "BR105");
    }

    [Theory]
    [InlineData("notes.txt")]
    [InlineData("people/kim-myong-gil.yml")]
    [InlineData("images/map.png")]
    public void BR106_a_file_Briefings_does_not_read_is_a_warning(string stray)
    {
        _archive.Write(stray, "not content");
        _archive.Write("README.md", "# About this folder\n");
        _archive.Write("people/README.md", "# People\n");

        var run = _archive.Check();

        Expect.Exit(run, 0);
        Assert.Contains($"'{stray}' is not read", Expect.Reported(run, _archive, stray, (1, 1), "BR106", "warning"));
        Assert.Single(run.Lines); // README.md files are expected and ignored
    }

    [Fact]
    public void BR107_a_body_nested_too_deeply_for_Markdown_is_an_error_not_a_crash()
    {
        _archive.Write(Kim, _archive.Read(Kim) + new string('>', 10_000) + " quote\n");

        var run = _archive.Check();

        Expect.Exit(run, 1);
        Assert.Contains("too deeply", Expect.Reported(run, _archive, Kim, At(Kim, ">>>>"), "BR107"));
        Expect.Only(run, "BR107");
    }

    [Fact]
    public void BR107_an_event_summary_nested_too_deeply_is_reported_at_the_summary()
    {
        _archive.ReplaceLine(Delegation, "summary: \"The two courts sign a memorandum of understanding.\"",
            "summary: \"" + new string('>', 1_500) + " quote\"");

        var run = _archive.Check();

        Expect.Exit(run, 1);
        Expect.Reported(run, _archive, Delegation, At(Delegation, "summary: »\">>>"), "BR107");
    }

    [Fact]
    public void BR201_an_unclosed_quote_is_reported_where_it_opens()
    {
        _archive.ReplaceLine(Kim, "- \"Kim Myong-gil\"", "- \"Kim Myong-gil");

        var run = _archive.Check();

        Expect.Exit(run, 1);
        Expect.Reported(run, _archive, Kim, At(Kim, "- »\"Kim Myong-gil"), "BR201");
        Expect.Only(run, "BR201");
    }

    [Fact]
    public void BR201_malformed_site_yml_is_reported_in_site_yml()
    {
        _archive.ReplaceLine(SiteYml, "title: \"Test briefings\"", "title: \"Test briefings\" extra");

        var run = _archive.Check();

        Expect.Exit(run, 1);
        Assert.Contains("malformed YAML", Expect.Reported(run, _archive, SiteYml, At(SiteYml, "\"Test briefings\" »extra"), "BR201"));
    }

    [Fact]
    public void BR203_anchors_and_aliases_are_refused_at_the_anchor()
    {
        _archive.ReplaceLine(Kim, "country: north-korea", "country: &c north-korea\nalso: *c");

        var run = _archive.Check();

        Expect.Exit(run, 1);
        Assert.Contains("anchors and aliases", Expect.Reported(run, _archive, Kim, At(Kim, "country: »&c"), "BR203"));
        Expect.Only(run, "BR203");
    }

    [Fact]
    public void BR203_a_billion_laughs_alias_bomb_is_refused_without_expanding()
    {
        var bomb = new StringBuilder("country: north-korea\nlol0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (int i = 1; i < 10; i++)
            bomb.Append($"lol{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))}]\n");
        _archive.ReplaceLine(Kim, "country: north-korea", bomb.ToString().TrimEnd('\n'));

        var run = _archive.Check();

        Expect.Exit(run, 1);
        Expect.Reported(run, _archive, Kim, At(Kim, "lol0: »&a0"), "BR203");
        Expect.Only(run, "BR203");
    }

    [Fact]
    public void BR203_an_alias_without_an_anchor_is_refused_at_the_alias()
    {
        _archive.ReplaceLine(Kim, "country: north-korea", "country: *nowhere");

        var run = _archive.Check();

        Expect.Exit(run, 1);
        // YamlDotNet reports an alias to an unknown anchor as a syntax error; either code sends the user to the alias.
        var line = run.Lines.FirstOrDefault(l => l.Contains(" BR203: ", StringComparison.Ordinal) || l.Contains(" BR201: ", StringComparison.Ordinal));
        Assert.True(line is not null, run.ToString());
        Assert.StartsWith($"{_archive.Shown(Kim)}:{At(Kim, "country: »*nowhere").Line}:{At(Kim, "country: »*nowhere").Column}: error ", line);
    }

    [Fact]
    public void BR204_lists_nested_too_deeply_are_refused_at_the_first_level_too_deep()
    {
        _archive.ReplaceLine(Kim, "country: north-korea", "country: north-korea\ndeep: " + new string('[', 5_000) + new string(']', 5_000));

        var run = _archive.Check();

        Expect.Exit(run, 1);
        // The root mapping is level 0 and 'deep's value level 1: the bracket at level MaxDepth + 1 is refused.
        var (line, column) = At(Kim, "deep: »[");
        Assert.Contains($"deeper than {YamlTree.MaxDepth} levels", Expect.Reported(run, _archive, Kim, (line, column + YamlTree.MaxDepth), "BR204"));
        Expect.Only(run, "BR204");
    }

    [Fact]
    public void BR204_mappings_nested_too_deeply_are_refused()
    {
        const int levels = 50;
        _archive.ReplaceLine(Kim, "country: north-korea",
            "country: north-korea\ndeep: " + string.Concat(Enumerable.Repeat("{a: ", levels)) + "x" + new string('}', levels));

        var run = _archive.Check();

        Expect.Exit(run, 1);
        // Mapping k (k = 1, 2, ...) opens at 'deep: ' + 4(k - 1); the key inside mapping MaxDepth is the first value too deep.
        var (line, column) = At(Kim, "deep: »{");
        Expect.Reported(run, _archive, Kim, (line, column + 4 * (YamlTree.MaxDepth - 1) + 1), "BR204");
        Expect.Only(run, "BR204");
    }

    [Fact]
    public void BR204_front_matter_with_too_many_values_is_refused_at_the_first_value_too_many()
    {
        // Values counted: the root mapping, 'name', its value, 'aliases', the list, then the list items.
        int items = YamlTree.MaxNodes;
        _archive.Write(Kim, "---\nname: \"Kim Myong Gil\"\naliases: [" + string.Join(", ", Enumerable.Repeat("a", items)) + "]\n---\n");

        var run = _archive.Check();

        Expect.Exit(run, 1);
        int firstTooMany = YamlTree.MaxNodes + 1 - 5; // 1-based among the items
        int column = "aliases: [".Length + 1 + 3 * (firstTooMany - 1);
        Assert.Contains($"more than {YamlTree.MaxNodes} values", Expect.Reported(run, _archive, Kim, (3, column), "BR204"));
        Expect.Only(run, "BR204");
    }

    [Fact]
    public void BR301_a_missing_site_yml_is_reported()
    {
        _archive.Remove(SiteYml);

        var run = _archive.Check();

        Expect.Exit(run, 1);
        Assert.Contains("missing site.yml", Expect.Reported(run, _archive, SiteYml, (1, 1), "BR301"));
    }

    [Fact]
    public void BR301_a_briefing_without_sources_or_actors_reports_both()
    {
        _archive.ReplaceLine(Trial, "actors:", "cast:");

        var run = _archive.Check();

        Expect.Exit(run, 1);
        Assert.Contains("missing required field 'actors'", Expect.Reported(run, _archive, Trial, At(Trial, "»title:"), "BR301"));
        Assert.Contains("unknown key 'cast'", Expect.Reported(run, _archive, Trial, At(Trial, "»cast:"), "BR302"));
    }

    /// <summary>A quoted value keeps a message on one line, and in the order it is written: line breaks, and the
    /// bidirectional controls that would make the rest of the line read backwards in a terminal or a review, are
    /// shown as escapes.</summary>
    [Theory]
    [InlineData("line breaks", "\"2019-06-14\\n\\tnext\"", @"'2019-06-14\n\tnext'", "\n\t")]
    [InlineData("a right-to-left override", "\"2019\u202E41-60\"", @"'2019\u202E41-60'", "\u202E")]
    public void A_quoted_value_shows_its_controls_as_escapes_on_one_line(string what, string yaml, string shown, string controls)
    {
        _archive.ReplaceLine(Delegation, "date: 2019-06-14", "date: " + yaml);

        var run = _archive.Check();

        Expect.Exit(run, 1);
        var line = Expect.Reported(run, _archive, Delegation, At(Delegation, "date: »\"2019"), "BR304");
        Assert.Contains("'date' is not a real date: " + shown, line);
        Assert.All(controls, c => Assert.False(line.Contains(c), $"{what}: the message holds U+{(int)c:X4} itself"));
        Assert.Single(run.Lines);
    }

    [Fact]
    public void BR308_a_title_over_200_characters_is_too_long()
    {
        var title = new string('x', 201);
        _archive.ReplaceLine(Delegation, "title: \"Central Court delegation led by Kim Myong Gil visits Moscow\"", $"title: \"{title}\"");

        var run = _archive.Check();

        Expect.Exit(run, 1);
        Assert.Contains("'title' is 201 characters; at most 200 are allowed", Expect.Reported(run, _archive, Delegation, At(Delegation, "title: »\"xxx"), "BR308"));
        Expect.Only(run, "BR308");
    }

    [Fact]
    public void BR308_a_title_of_exactly_200_characters_is_fine()
    {
        _archive.ReplaceLine(Delegation, "title: \"Central Court delegation led by Kim Myong Gil visits Moscow\"", $"title: \"{new string('x', 200)}\"");

        Expect.Exit(_archive.Check(), 0);
    }

    [Fact]
    public void BR310_a_file_name_that_breaks_the_id_rule_suggests_the_id()
    {
        const string bad = "people/Kim_Myong_Gil.md";
        _archive.Write(bad, _archive.Read(Lebedev).Replace("Vyacheslav Lebedev", "Kim Myong Gil (2)", StringComparison.Ordinal));

        var run = _archive.Check();

        Expect.Exit(run, 1);
        var line = Expect.Reported(run, _archive, bad, (1, 1), "BR310");
        Assert.Contains("file name 'Kim_Myong_Gil' is not a valid id", line);
        Assert.Contains("(did you mean 'kim-myong-gil'?)", line);
    }

    [Fact]
    public void BR310_a_reference_that_breaks_the_id_rule_is_reported_at_the_reference()
    {
        _archive.Replace(Delegation, "actors:\n  - kim-myong-gil", "actors:\n  - Kim_Myong_Gil");

        var run = _archive.Check();

        Expect.Exit(run, 1);
        var line = Expect.Reported(run, _archive, Delegation, At(Delegation, "- »Kim_Myong_Gil"), "BR310");
        Assert.Contains("'Kim_Myong_Gil' is not a valid id in 'actors'", line);
        Assert.Contains("(did you mean 'kim-myong-gil'?)", line);
        Expect.Only(run, "BR310");
    }

    [Fact]
    public void BR310_a_former_id_that_breaks_the_id_rule()
    {
        _archive.ReplaceLine(Kim, "country: north-korea", "country: north-korea\nformer_ids: [kim--myong-gil]");

        var run = _archive.Check();

        Expect.Exit(run, 1);
        Expect.Reported(run, _archive, Kim, At(Kim, "[»kim--myong-gil"), "BR310");
    }

    [Fact]
    public void BR312_an_agreement_with_one_party_is_too_few()
    {
        _archive.Replace(Mou, "  - dprk-central-court\n  - russia-supreme-court\n", "  - dprk-central-court\n");

        var run = _archive.Check();

        Expect.Exit(run, 1);
        Assert.Contains("'parties' needs at least 2 entries; it has 1", Expect.Reported(run, _archive, Mou, At(Mou, "»- dprk-central-court"), "BR312"));
        Expect.Only(run, "BR312");
    }

    [Fact]
    public void BR313_a_body_with_too_many_mentions_is_refused()
    {
        var mentions = string.Join(' ', Enumerable.Repeat("[[dprk-central-court]]", 2_001));
        _archive.Write(Kim, _archive.Read(Kim) + "\n" + mentions + "\n");

        var run = _archive.Check();

        Expect.Exit(run, 1);
        // Reported where the body starts: the line after the closing '---'.
        Assert.Contains("2003 mentions and citations; at most 2000", Expect.Reported(run, _archive, Kim, (BodyLine(Kim), 1), "BR313"));
        Expect.Only(run, "BR313");
    }

    [Fact]
    public void BR401_an_unknown_actor_suggests_the_nearest_id()
    {
        _archive.Replace(Delegation, "actors:\n  - kim-myong-gil", "actors:\n  - kim-myong-gill");

        var run = _archive.Check();

        Expect.Exit(run, 1);
        var line = Expect.Reported(run, _archive, Delegation, At(Delegation, "- »kim-myong-gill"), "BR401");
        Assert.EndsWith("unknown actor 'kim-myong-gill' (did you mean 'kim-myong-gil'?)", line);
        Expect.Only(run, "BR401");
    }

    [Fact]
    public void BR401_an_unknown_mention_in_the_body_is_reported_at_the_brackets()
    {
        _archive.Replace(Mou, "[[kim-myong-gil]]", "[[kim-myung-gil]]");

        var run = _archive.Check();

        Expect.Exit(run, 1);
        var line = Expect.Reported(run, _archive, Mou, At(Mou, "[[kim-myung-gil]]"), "BR401");
        Assert.EndsWith("unknown mention 'kim-myung-gil' (did you mean 'kim-myong-gil'?)", line);
    }

    [Fact]
    public void BR401_an_unknown_mention_in_an_event_summary_is_reported_at_the_summary()
    {
        _archive.Replace(Delegation, "led by [[kim-myong-gil]] travels", "led by [[kim-myong-gi]] travels");

        var run = _archive.Check();

        Expect.Exit(run, 1);
        var line = Expect.Reported(run, _archive, Delegation, At(Delegation, "summary: »\"A Central Court delegation"), "BR401");
        Assert.EndsWith("unknown mention 'kim-myong-gi' (did you mean 'kim-myong-gil'?)", line);
    }

    [Fact]
    public void BR401_a_reference_to_a_former_id_names_the_current_one()
    {
        _archive.ReplaceLine(Kim, "country: north-korea", "country: north-korea\nformer_ids:\n  - kim-myong-kil");
        _archive.Replace(Mou, "[[kim-myong-gil]]", "[[kim-myong-kil]]");

        var run = _archive.Check();

        Expect.Exit(run, 1);
        Assert.EndsWith("it was renamed (did you mean 'kim-myong-gil'?)",
            Expect.Reported(run, _archive, Mou, At(Mou, "[[kim-myong-kil]]"), "BR401"));
    }

    [Fact]
    public void BR403_an_id_used_by_two_kinds_is_reported_on_both_files()
    {
        const string twin = "institutions/kim-myong-gil.md";
        _archive.Write(twin, _archive.Read(RussianCourt));

        var run = _archive.Check();

        Expect.Exit(run, 1);
        Assert.Contains($"also used by {_archive.Shown(Kim)}", Expect.Reported(run, _archive, twin, (1, 1), "BR403"));
        Assert.Contains($"also used by {_archive.Shown(twin)}", Expect.Reported(run, _archive, Kim, (1, 1), "BR403"));
        Expect.Only(run, "BR403");
    }

    [Fact]
    public void BR403_a_former_id_that_is_the_id_of_another_document()
    {
        _archive.ReplaceLine(Kim, "country: north-korea", "country: north-korea\nformer_ids:\n  - dprk-central-court");

        var run = _archive.Check();

        Expect.Exit(run, 1);
        Assert.Contains($"former id 'dprk-central-court' is the id of {_archive.Shown(Court)}",
            Expect.Reported(run, _archive, Kim, At(Kim, "  - »dprk-central-court\n"), "BR403"));
    }

    [Fact]
    public void BR403_a_former_id_claimed_by_two_documents()
    {
        _archive.ReplaceLine(Kim, "country: north-korea", "country: north-korea\nformer_ids: [chairman-kim]");
        _archive.ReplaceLine(Lebedev, "country: russia", "country: russia\nformer_ids: [chairman-kim]");

        var run = _archive.Check();

        Expect.Exit(run, 1);
        Assert.Contains($"former id 'chairman-kim' is already listed by {_archive.Shown(Kim)}",
            Expect.Reported(run, _archive, Lebedev, At(Lebedev, "[»chairman-kim]"), "BR403"));
    }

    [Fact]
    public void BR404_a_citation_of_an_unlisted_source_is_reported_at_the_citation()
    {
        _archive.Replace(Kim, "[@kcna-kim-2019]", "[@kcna-kim-2019; @yonhap-kim-2019]");

        var run = _archive.Check();

        Expect.Exit(run, 1);
        Assert.Contains("source 'yonhap-kim-2019' is not listed in this file's sources",
            Expect.Reported(run, _archive, Kim, At(Kim, "[@kcna-kim-2019; @yonhap"), "BR404"));
        Expect.Only(run, "BR404");
    }

    [Fact]
    public void BR405_a_source_id_listed_twice()
    {
        _archive.Replace(Delegation, "  - id: nkn-analysis-2019", "  - id: tass-signing-2019");

        var run = _archive.Check();

        Expect.Exit(run, 1);
        Assert.Contains("source id 'tass-signing-2019' is listed twice in this file",
            Expect.Reported(run, _archive, Delegation, At(Delegation, "id: »tass-signing-2019", occurrence: 2), "BR405"));
    }

    [Fact]
    public void BR406_an_institution_that_is_its_own_parent()
    {
        _archive.ReplaceLine(RussianCourt, "type: court", "type: court\nparent: russia-supreme-court");

        var run = _archive.Check();

        Expect.Exit(run, 1);
        Expect.Reported(run, _archive, RussianCourt, At(RussianCourt, "parent: »russia-supreme-court"), "BR406");
        Expect.Only(run, "BR406");
    }

    [Fact]
    public void BR501_a_source_never_cited_is_a_warning_and_exit_0()
    {
        _archive.Replace(Delegation, "; @nkn-analysis-2019]", "]");

        var run = _archive.Check();

        Expect.Exit(run, 0);
        Assert.Contains("source 'nkn-analysis-2019' is listed but never cited",
            Expect.Reported(run, _archive, Delegation, At(Delegation, "id: »nkn-analysis-2019"), "BR501", "warning"));
        Expect.Only(run, "BR501");
        Assert.Contains("0 errors, 1 warning", run.Stderr);
    }

    [Fact]
    public void BR501_a_source_cited_only_by_an_event_summary_counts_as_used()
    {
        _archive.Replace(Delegation, "; @nkn-analysis-2019]", "]");
        _archive.Replace(Delegation, "sign a memorandum of understanding.", "sign a memorandum of understanding [@nkn-analysis-2019].");

        Expect.Exit(_archive.Check(), 0);
        Assert.Empty(_archive.Check().Lines);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))", "javascript:alert(1)")]
    [InlineData("<javascript:alert(1)>", "javascript:alert(1)")]
    [InlineData("![x](data:image/png;base64,AAAA)", "data:image/png;base64,AAAA")]
    [InlineData("[x](relative/page)", "relative/page")]
    public void BR502_an_unsafe_link_in_the_body_is_a_warning_and_exit_0(string link, string url)
    {
        _archive.Write(Kim, _archive.Read(Kim) + "\nSee " + link + " for more.\n");

        var run = _archive.Check();

        Expect.Exit(run, 0);
        Assert.Contains($"link to '{url}' removed", Expect.Reported(run, _archive, Kim, At(Kim, "See »" + link), "BR502", "warning"));
        Expect.Only(run, "BR502");
    }

    [Fact]
    public void Safe_links_in_the_body_give_no_warning()
    {
        _archive.Write(Kim, _archive.Read(Kim) + "\nSee [a](https://example.org/a), [b](/people/), [c](#sources) and <https://example.org/>.\n");

        var run = _archive.Check();

        Expect.Exit(run, 0);
        Assert.Empty(run.Lines);
    }
}
