using AngleSharp.Dom;
using Briefings.Tests.Support;

namespace Briefings.Tests.Site;

/// <summary>The test site with an event and a position that each quote one source twice (issue 15: the fact read
/// "Sources: [2] Example Wire, [1] Example Paper, [2] Example Wire", and the source's page listed the fact twice under
/// one element id).</summary>
public sealed class QuotedTwiceSite() : TestSiteWith(QuotedTwiceSite.Files)
{
    public const string Briefing = "/briefings/2020-03-03-twice-quoted/";
    public const string Person = "/people/twice-quoted-official/";
    public const string Wire = "/sources/twice-wire/";
    public const string FirstQuote = "The Central Court received a delegation.";
    public const string SecondQuote = "The talks covered judicial cooperation.";

    private static readonly IReadOnlyDictionary<string, string> Files = new Dictionary<string, string>
    {
        ["sources/twice-wire.md"] = """
            ---
            url: "https://wire.example.org/twice/report"
            title: "Report of the talks"
            publisher: "Example Wire"
            published: 2020-03-02
            kind: state-media
            ---

            The wire's report of the talks.

            """,
        ["briefings/2020/2020-03-03-twice-quoted.md"] = """
            ---
            title: "Central Court meets a delegation"
            date: 2020-03-03
            summary: "The Central Court met a Chinese delegation, as one report says twice."
            actors:
              - dprk-central-court
            events:
              - date: 2020-03-02
                type: meeting
                summary: "The Central Court meets a delegation [@own-paper]."
                participants:
                  - dprk-central-court
                sources:
                  - source: twice-wire
                    quote: "The Central Court received a delegation."
                    locator: "paragraph 1"
                  - own-paper
                  - source: twice-wire
                    quote: "The talks covered judicial cooperation."
                    locator: "paragraph 4"
                confidence: medium
            sources:
              - id: own-paper
                url: "https://paper.example.org/twice/meeting"
                title: "Court meets delegation"
                publisher: "Example Paper"
                published: 2020-03-03
                kind: news
            ---

            The [[dprk-central-court]] met a delegation [@twice-wire] [@own-paper].

            """,
        ["people/twice-quoted-official.md"] = """
            ---
            name: "Twice Quoted"
            country: north-korea
            positions:
              - institution: dprk-central-court
                title: "Judge"
                from: 2019
                sources:
                  - source: twice-wire
                    quote: "Judge Twice of the Central Court"
                  - source: twice-wire
                    quote: "the judge, Twice"
            ---

            A judge of the [[dprk-central-court]] [@twice-wire].

            """,
    };
}

/// <summary>A fact that quotes one source twice names the source once in its "Sources:" line and shows both quotes,
/// wherever it is listed; the source's page lists the fact once, with both quotes.</summary>
public sealed class QuotedTwiceTests(QuotedTwiceSite site) : IClassFixture<QuotedTwiceSite>
{
    /// <summary>The sources a fact's "Sources:" line names, as read.</summary>
    private static List<string> SourcesLine(IElement fact)
    {
        var line = Assert.Single(fact.QuerySelectorAll(".meta"), p => p.TextContent.Contains("Source"));
        return line.QuerySelectorAll("a").Where(a => a.GetAttribute("href")!.Contains("#source-")).Select(a => a.TextContent).ToList();
    }

    private static List<string> Quotes(IElement fact) =>
        fact.QuerySelectorAll("figure.quote blockquote").Select(q => q.TextContent).ToList();

    [Theory]
    [InlineData(QuotedTwiceSite.Briefing, "event-2020-03-02-meeting")]
    [InlineData("/institutions/dprk-central-court/", "2020-03-03-twice-quoted--event-2020-03-02-meeting")]
    [InlineData("/timeline/", "2020-03-03-twice-quoted--event-2020-03-02-meeting")]
    public void An_event_quoting_one_source_twice_names_it_once_and_shows_both_quotes(string url, string id)
    {
        var fact = site.Page(url).GetElementById(id);
        Assert.True(fact is not null, $"no #{id} on {url}");
        Assert.Equal(["[2] Example Wire", "[1] Example Paper"], SourcesLine(fact!));
        Assert.Equal([QuotedTwiceSite.FirstQuote, QuotedTwiceSite.SecondQuote], Quotes(fact!));
    }

    [Fact]
    public void A_position_quoting_one_source_twice_names_it_once_and_shows_both_quotes()
    {
        var fact = site.Page(QuotedTwiceSite.Person).GetElementById("position-dprk-central-court-2019");
        Assert.NotNull(fact);
        Assert.Equal(["[1] Example Wire"], SourcesLine(fact!));
        Assert.Equal(["Judge Twice of the Central Court", "the judge, Twice"], Quotes(fact!));
        Assert.StartsWith("Source:", Assert.Single(fact!.QuerySelectorAll(".meta"), p => p.TextContent.Contains("Source")).TextContent.Trim());
    }

    [Fact]
    public void The_source_page_lists_a_fact_quoting_it_twice_once_with_both_quotes()
    {
        var page = site.Page(QuotedTwiceSite.Wire);
        var facts = page.QuerySelectorAll("li.fact").ToList();
        Assert.Equal(["2020-03-03-twice-quoted--event-2020-03-02-meeting", "twice-quoted-official--position-dprk-central-court-2019"],
            facts.Select(f => f.Id).ToList());
        Assert.Equal([QuotedTwiceSite.FirstQuote, QuotedTwiceSite.SecondQuote], Quotes(facts[0]));
        Assert.Equal("2", page.QuerySelector("#facts-heading .count")!.TextContent);
        var listed = Assert.Single(site.Page("/sources/").QuerySelectorAll("li"), li => li.QuerySelector("a")?.GetAttribute("href") == QuotedTwiceSite.Wire);
        Assert.Contains("2 facts in 2 files", listed.TextContent);
    }
}
