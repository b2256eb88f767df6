using Briefings.Authoring;
using Briefings.Errors;
using static Briefings.Tests.Fixtures.ArchiveFixture;

namespace Briefings.Tests.Checking;

/// <summary>The planted problems of the evidence codes (BR701-BR707) and of the checks of quotes, the catalog,
/// corrections, pages and the footer, each at the file, line and column a user is sent to.</summary>
public sealed partial class DiagnosticCodeTests
{
    [Theory]
    // Quotes in a fact's sources: checked like the rest.
    [InlineData(Kim, "locator: \"paragraph 2\"", "locaton: \"paragraph 2\"", "BR302", "»locaton", "unknown key 'locaton' (did you mean 'locator'?)")]
    [InlineData(Lebedev, "quote: \"Председатель Верховного суда России Вячеслав Лебедев\"", "quote: \"\"", "BR301", "»quote: \"\"", "missing required field 'quote'")]
    [InlineData(Lebedev, "- source: rg-courts-2019", "- source: rg-courts-2018", "BR404", "source: »rg-courts-2018", "source 'rg-courts-2018' is not listed in this file's sources (did you mean 'rg-courts-2019'?)")]
    [InlineData(Lebedev, "- source: rg-courts-2019", "- quote: \"words\"", "BR301", "- »quote: \"words\"", "missing required field 'source'")]
    // Corrections.
    [InlineData(Trial, "- date: 2020-03-05", "- date: 2020-03", "BR305", "- date: »2020-03\n", "'date' needs a full date")]
    [InlineData(Trial, "- date: 2020-03-05", "- date: 2020-03-01", "BR306", "- date: »2020-03-01", "correction 'date' (2020-03-01) is before the briefing's 'date' (2020-03-02)")]
    [InlineData(Trial, "note: \"The meeting was in February 2020, not in March [@tass-review-2020].\"", "notes: \"x\"", "BR302", "»notes", "unknown key 'notes' (did you mean 'note'?)")]
    [InlineData(Mou, "note: \"The memorandum was signed in Moscow, not in Pyongyang as first written [@tass-mou-2019].\"", "note: \"Signed by [[kim-myong-gi]].\"", "BR401", "note: »\"Signed", "unknown mention 'kim-myong-gi' (did you mean 'kim-myong-gil'?)")]
    // The footer names pages.
    [InlineData(SiteYml, "footer: [about, methodology]", "footer: [about, methodolgy]", "BR401", "[about, »methodolgy", "unknown footer page 'methodolgy' (did you mean 'methodology'?)")]
    [InlineData(SiteYml, "footer: [about, methodology]", "footer: [about, kim-myong-gil]", "BR402", "[about, »kim-myong-gil", "footer page 'kim-myong-gil' is a person; it must be a page")]
    // Catalog sources and pages are read like the other kinds.
    [InlineData(KcnaSource, "url: \"https://kcna.example.org/2019/06/15/courts-memorandum\"", "url:", "BR301", "»url:", "missing required field 'url'")]
    [InlineData(RgSource, "kind: news", "kind: news\nid: rg-courts-2019", "BR302", "»id: rg", "unknown key 'id'")]
    [InlineData(RgSource, "kind: news", "kind: newspaper", "BR307", "kind: »newspaper", "'kind' cannot be 'newspaper'")]
    [InlineData(About, "summary: \"Who writes the test briefings, and why.\"", "sources: []", "BR302", "»sources", "unknown key 'sources'")]
    [InlineData(Methodology, "title: \"Methodology\"", "title: \"\"", "BR301", "»title", "missing required field 'title'")]
    // BR701: a declared id that is another fact's address.
    [InlineData(Delegation, "type: signing", "type: signing\n    id: event-2019-06-delegation", "BR701", "id: »event-2019-06-delegation", "event id 'event-2019-06-delegation' is also the address of the event at line 15; give this event another id")]
    // BR704: citations written wrong, in an event summary and a correction note (reported at the value).
    [InlineData(Delegation, "summary: \"The two courts sign a memorandum of understanding.\"", "summary: \"The two courts sign a memorandum [@ tass-signing-2019].\"", "BR704", "summary: »\"The two courts", "write [@tass-signing-2019]")]
    [InlineData(Trial, "note: \"The meeting was in February 2020, not in March [@tass-review-2020].\"", "note: \"The meeting was in February 2020 [tass-review-2020].\"", "BR704", "note: »\"The meeting", "'[tass-review-2020]' is not a citation and would be published as plain text; write [@tass-review-2020]")]
    public void Planted_evidence_error_is_reported_at_its_value(string file, string oldLine, string newLine, string code, string needle, string message) =>
        Planted_error_is_reported_at_its_value(file, oldLine, newLine, code, needle, message);

    [Fact]
    public void BR701_two_positions_with_one_id_are_reported_at_the_later()
    {
        _archive.InsertAfter(Lebedev, "positions:", "  - institution: russia-supreme-court\n    id: chairman-1989\n    title: \"Judge\"\n    from: 1980");

        var run = _archive.Check();

        Expect.Exit(run, 1);
        var line = Expect.Reported(run, _archive, Lebedev, At(Lebedev, "id: »chairman-1989", occurrence: 2), "BR701");
        Assert.Contains($"position id 'chairman-1989' is also the address of the position at line {At(Lebedev, "- »institution: russia-supreme-court").Line}", line);
        Expect.Only(run, "BR701");
    }

    [Fact]
    public void BR702_a_file_may_not_list_a_catalog_source_as_its_own()
    {
        _archive.InsertAfter(Mou, "kind: news",
            "  - id: kcna-courts-2019\n    url: \"https://kcna.example.org/2019/06/other\"\n    title: \"Another report\"\n    publisher: \"KCNA\"");

        var run = _archive.Check();

        Expect.Exit(run, 1);
        var line = Expect.Reported(run, _archive, Mou, At(Mou, "id: »kcna-courts-2019"), "BR702");
        Assert.Contains($"source 'kcna-courts-2019' is in the catalog ({_archive.Shown(KcnaSource)}); cite it as [@kcna-courts-2019] without listing it here", line);
        Expect.Only(run, "BR702");
    }

    [Theory]
    [InlineData("sources", "is taken: /sources/ is already a part of the site")]
    [InlineData("timeline", "is taken: /timeline/ is already a part of the site")]
    [InlineData("ko", "looks like a language tag")]
    [InlineData("zh-hans", "looks like a language tag")]
    [InlineData("pt-br", "looks like a language tag")]
    public void BR703_a_page_may_not_take_a_url_of_the_site_or_a_language(string id, string message)
    {
        var page = $"pages/{id}.md";
        _archive.Write(page, "---\ntitle: \"A page\"\n---\n\nText.\n");

        var run = _archive.Check();

        Expect.Exit(run, 1);
        Assert.Contains(message, Expect.Reported(run, _archive, page, (1, 1), "BR703"));
        Expect.Only(run, "BR703");
    }

    [Theory]
    [InlineData(Kim, "people/page.md", "id 'page' is taken: /people/page/ holds the further parts of the list of people")]
    [InlineData(Court, "institutions/page.md", "id 'page' is taken: /institutions/page/ holds the further parts of the list of institutions")]
    [InlineData(KcnaSource, "sources/publishers.md", "id 'publishers' is taken: /sources/publishers/ holds the list of each publisher's sources")]
    [InlineData(Delegation, "briefings/2019/2019.md", "id '2019' is taken: /briefings/2019/ is the list of that year's briefings")]
    [InlineData(Delegation, "briefings/2019/page.md", "id 'page' is taken: /briefings/page/ holds the further parts of the list of briefings")]
    public void BR703_a_document_may_not_take_a_url_the_site_uses_for_its_lists(string copied, string path, string message)
    {
        _archive.Write(path, _archive.Read(copied));

        var run = _archive.Check();

        Expect.Exit(run, 1);
        Assert.Contains(message + "; choose another id", Expect.Reported(run, _archive, path, (1, 1), "BR703"));
    }

    [Fact]
    public void A_page_with_another_id_is_fine()
    {
        _archive.Write("pages/corrections-policy.md", "---\ntitle: \"How we correct\"\n---\n\nWe say what changed.\n");

        var run = _archive.Check();

        Expect.Exit(run, 0);
        Assert.Empty(run.Lines);
    }

    [Theory]
    [InlineData("[@ kcna-kim-2019]", "citation '[@ kcna-kim-2019]' cannot be read", "write [@kcna-kim-2019]")]
    [InlineData("[ @kcna-kim-2019 ]", "cannot be read", "write [@kcna-kim-2019]")]
    [InlineData("[@kcna-kim-2019;]", "cannot be read", "write [@kcna-kim-2019]")]
    [InlineData("[@ kcna-kim-2019; @rg-courts-2019]", "cannot be read", "write [@kcna-kim-2019; @rg-courts-2019]")]
    [InlineData("[@kcna-kim-2019 and more", "'[@' opens a citation that is not closed with ']' on its line", "write [@kcna-kim-2019]")]
    [InlineData("[kcna-kim-2019]", "'[kcna-kim-2019]' is not a citation and would be published as plain text", "write [@kcna-kim-2019]")]
    [InlineData("@kcna-kim-2019", "'@kcna-kim-2019' is not a citation", "write [@kcna-kim-2019]")]
    // A catalog source is one the file may cite, though the file does not list it.
    [InlineData("[rg-courts-2019]", "'[rg-courts-2019]' is not a citation", "write [@rg-courts-2019]")]
    public void BR704_a_citation_written_wrong_in_the_body_is_an_error_with_its_fix(string written, string message, string fix)
    {
        _archive.Write(Kim, _archive.Read(Kim) + "\nSee " + written + " for the report.\n");

        var run = _archive.Check();

        Expect.Exit(run, 1);
        var line = Expect.Reported(run, _archive, Kim, At(Kim, "See »" + written), "BR704");
        Assert.Contains(message, line);
        Assert.Contains(fix, line);
        Expect.Only(run, "BR704");
    }

    [Theory]
    [InlineData("`[@ kcna-kim-2019]` and `@kcna-kim-2019`")]                     // code
    [InlineData("[kcna-kim-2019](https://example.org/report)")]                 // a link
    [InlineData("[the report by @kcna-kim-2019](https://example.org/report)")]  // a link's text
    [InlineData("[kcna-kim-2019] has it.\n\n[kcna-kim-2019]: https://example.org/report\n\nSee it")] // a real reference link
    [InlineData("\\[@ kcna-kim-2019]")]                                          // escaped on purpose
    [InlineData("[not-a-source] and @not-a-source")]                             // not a source of this file
    [InlineData("press@kcna-kim-2019.example.org")]                              // an address
    [InlineData("[@kcna-kim-2019; @rg-courts-2019]")]                            // right
    public void Text_that_only_looks_like_a_citation_is_not_an_error(string text)
    {
        _archive.Write(Kim, _archive.Read(Kim) + "\nSee " + text + " for the report.\n");

        var run = _archive.Check();

        Expect.Exit(run, 0);
        Assert.Empty(run.Lines);
    }

    [Fact]
    public void BR704_a_citation_written_wrong_on_a_later_line_of_a_paragraph_is_placed_on_its_line()
    {
        _archive.Write(Kim, _archive.Read(Kim) + "\nFirst line of a paragraph,\nand the second one [@ kcna-kim-2019].\n");

        var run = _archive.Check();

        Expect.Exit(run, 1);
        Expect.Reported(run, _archive, Kim, At(Kim, "second one »[@ kcna"), "BR704");
    }

    [Fact]
    public void BR705_the_placeholder_prose_of_new_is_an_error_while_it_is_there()
    {
        _archive.Write(Kim, _archive.Read(Kim) + "\n" + Briefings.Reading.Placeholder.Mark + " with what a reader should know.\n");

        var run = _archive.Check();

        Expect.Exit(run, 1);
        Assert.Contains("placeholder text that 'briefings new' wrote",
            Expect.Reported(run, _archive, Kim, At(Kim, Briefings.Reading.Placeholder.Mark), "BR705"));
        Expect.Only(run, "BR705");
    }

    [Fact]
    public void BR706_one_url_described_two_ways_is_a_warning_at_both_places()
    {
        _archive.ReplaceLine(Trial, "url: \"https://tass.example.org/2020/03/review\"", "url: \"https://kcna.example.org/2019/06/15/courts-memorandum\"");

        var run = _archive.Check();

        Expect.Exit(run, 0);
        var inFile = Expect.Reported(run, _archive, Trial, At(Trial, "id: »tass-review-2020"), "BR706", "warning");
        Assert.Contains($"described with another title ('Central Court and Supreme Court of Russia sign memorandum') at {_archive.Shown(KcnaSource)}:2", inFile);
        var inCatalog = Expect.Reported(run, _archive, KcnaSource, At(KcnaSource, "url: »\"https"), "BR706", "warning");
        Assert.Contains($"described with another title ('Courts review cooperation') at {_archive.Shown(Trial)}:{At(Trial, "id: »tass-review-2020").Line}", inCatalog);
        Expect.Only(run, "BR706");
    }

    [Fact]
    public void BR706_the_same_url_described_the_same_way_twice_is_fine()
    {
        // Kim's file and the delegation briefing both describe KCNA's June 2019 report, word for word.
        Assert.Contains("https://kcna.example.org/2019/06/delegation", _archive.Read(Kim));
        Assert.Contains("https://kcna.example.org/2019/06/delegation", _archive.Read(Delegation));

        Assert.Empty(_archive.Check().Lines);
    }

    [Fact]
    public void BR707_events_told_apart_only_by_their_order_are_a_warning_at_each()
    {
        _archive.Replace(Delegation, "  - date: 2019-06-14\n    type: signing",
            "  - date: 2019-06-14\n    type: signing\n    summary: \"A first signing.\"\n    sources: [tass-signing-2019]\n  - date: 2019-06-14\n    type: signing");

        var run = _archive.Check();

        Expect.Exit(run, 0);
        var first = At(Delegation, "- »date: 2019-06-14", occurrence: 1);
        var second = At(Delegation, "- »date: 2019-06-14", occurrence: 2);
        Assert.Contains($"this event and the one at line {second.Line} both make the address 'event-2019-06-14-signing'",
            Expect.Reported(run, _archive, Delegation, first, "BR707", "warning"));
        Assert.Contains("(this one is #event-2019-06-14-signing-2); give each an 'id'",
            Expect.Reported(run, _archive, Delegation, second, "BR707", "warning"));
        Expect.Only(run, "BR707");
    }

    [Fact]
    public void BR501_a_catalog_source_no_file_cites_is_a_warning()
    {
        const string unused = "sources/unused-report.md";
        _archive.Write(unused, "---\nurl: \"https://example.org/unused\"\ntitle: \"Unused\"\npublisher: \"Nobody\"\n---\n\nNotes [@unused-report].\n");

        var run = _archive.Check();

        Expect.Exit(run, 0);
        // Its own notes citing it do not count.
        Assert.Contains("catalog source 'unused-report' is cited by no file", Expect.Reported(run, _archive, unused, (1, 1), "BR501", "warning"));
        Expect.Only(run, "BR501");
    }

    [Fact]
    public void A_briefing_may_rest_on_catalog_sources_alone()
    {
        const string file = "briefings/2019/2019-06-16-catalog-only.md";
        _archive.Write(file, """
            ---
            title: "Courts sign"
            date: 2019-06-16
            summary: "The courts signed a memorandum."
            actors: [dprk-central-court]
            events:
              - date: 2019-06-14
                type: signing
                summary: "The courts sign [@kcna-courts-2019]."
                sources:
                  - source: rg-courts-2019
                    quote: "Верховные суды России и КНДР подписали меморандум"
            ---

            The courts signed [@kcna-courts-2019].

            """);

        var run = _archive.Check();

        Expect.Exit(run, 0);
        Assert.Empty(run.Lines);
    }

    [Fact]
    public void A_briefing_that_lists_and_cites_no_source_still_needs_sources()
    {
        _archive.Write("briefings/2019/2019-06-16-no-sources.md", "---\ntitle: \"T\"\ndate: 2019-06-16\nsummary: \"S.\"\nactors: [dprk-central-court]\n---\n\nNo citation.\n");

        var run = _archive.Check();

        Expect.Exit(run, 1);
        Assert.Contains("missing required field 'sources'", Expect.Reported(run, _archive, "briefings/2019/2019-06-16-no-sources.md", (2, 1), "BR301"));
    }

    [Fact]
    public void BR308_a_quote_over_1000_characters_is_too_long()
    {
        _archive.ReplaceLine(Lebedev, "quote: \"Председатель Верховного суда России Вячеслав Лебедев\"", $"quote: \"{new string('x', 1001)}\"");

        var run = _archive.Check();

        Expect.Exit(run, 1);
        Assert.Contains("'quote' is 1001 characters; at most 1000 are allowed", Expect.Reported(run, _archive, Lebedev, At(Lebedev, "quote: »\"xxx"), "BR308"));
        Expect.Only(run, "BR308");
    }
}
