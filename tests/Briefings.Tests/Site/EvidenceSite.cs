using Briefings.Tests.Support;

namespace Briefings.Tests.Site;

/// <summary>The test site (Site/TestSite) with the evidence of issue 13 added in files of its own, so that what the
/// tests expect is written here beside them: a catalog source in Korean and state media, cited with quotes from three
/// files (two briefings and a person); corrections of a briefing and a person; the site's About and Methodology
/// pages, linked from the footer; a conflict; a fact with a declared id.</summary>
public static class EvidenceSite
{
    public const string Exchange = "/briefings/2020-05-04-evidence-court-exchange/";
    public const string FollowUp = "/briefings/2021-03-01-evidence-follow-up/";
    public const string Official = "/people/evidence-pak-official/";
    public const string Wire = "/sources/evidence-state-wire/";
    public const string CourtRecord = "/sources/evidence-court-record/";

    public const string TalksQuote = "중앙재판소 대표단은 5월 2일 중국 최고인민법원 대표단과 회담하였다.";
    public const string TalksTranslation = "The Central Court delegation held talks with a delegation of China's Supreme People's Court on 2 May.";
    public const string StatementQuote = "사회안전성은 협력을 계속할 것이라고 밝혔다.";
    public const string PositionQuote = "중앙재판소 부소장 박";

    public static readonly IReadOnlyDictionary<string, string> Files = new Dictionary<string, string>
    {
        ["site.yml"] = """
            title: "Test Briefings"
            description: "A small archive for the site tests."
            base_url: "https://briefings.example.org"
            language: en
            footer:
              - about
              - methodology

            """,
        ["sources/evidence-state-wire.md"] = """
            ---
            url: "https://wire.example.org/evidence/court-talks"
            title: "중앙재판소 대표단 회담"
            publisher: "Example State Wire"
            published: 2020-05-02
            language: ko
            kind: state-media
            accessed: 2020-05-05
            archive_url: "https://archive.example.org/evidence/court-talks"
            ---

            The state news agency's report of the talks. It reports what the government wants known; nothing in it is confirmed elsewhere.

            """,
        ["sources/evidence-court-record.md"] = """
            ---
            url: "https://court.example.org/evidence/record"
            title: "Record of the court exchange"
            publisher: "Example Court"
            published: 2020-05
            kind: court-record
            ---

            The court's own record of the exchange.

            """,
        ["briefings/2020/2020-05-04-evidence-court-exchange.md"] = """
            ---
            title: "Courts of the DPRK and China exchange delegations"
            date: 2020-05-04
            summary: "The Central Court and China's Supreme People's Court held talks and signed a protocol."
            actors:
              - dprk-central-court
              - china-supreme-peoples-court
            events:
              - id: court-exchange-talks
                date: 2020-05-02
                type: meeting
                summary: "The two courts hold talks."
                participants:
                  - dprk-central-court
                sources:
                  - source: evidence-state-wire
                    quote: "중앙재판소 대표단은 5월 2일 중국 최고인민법원 대표단과 회담하였다."
                    translation: "The Central Court delegation held talks with a delegation of China's Supreme People's Court on 2 May."
                    locator: "paragraph 2"
                confidence: high
              - date: 2020-05-03
                type: signing
                summary: "The two courts sign a protocol."
                participants:
                  - china-supreme-peoples-court
                sources:
                  - evidence-state-wire
                  - source: exchange-paper
                    quote: "The courts signed a protocol on 3 May."
                    locator: "p. 4"
                confidence: medium
            corrections:
              - date: 2020-05-10
                note: "The talks were on 2 May, not 1 May as first written [@exchange-paper]."
            sources:
              - id: exchange-paper
                url: "https://paper.example.org/evidence/protocol"
                title: "Courts sign a protocol"
                publisher: "Example Paper"
                published: 2020-05-04
                kind: news
            ---

            The [[dprk-central-court]] held talks in Beijing [@evidence-state-wire] and signed a protocol [@exchange-paper], as the court's record shows [@evidence-court-record].

            """,
        ["briefings/2021/2021-03-01-evidence-follow-up.md"] = """
            ---
            title: "Security ministry promises further cooperation"
            date: 2021-03-01
            summary: "The Ministry of Social Security said it would go on cooperating; other reports disagree."
            actors:
              - ministry-of-social-security
            events:
              - date: 2021-02
                type: statement
                summary: "The ministry says cooperation will continue."
                participants:
                  - ministry-of-social-security
                sources:
                  - source: evidence-state-wire
                    quote: "사회안전성은 협력을 계속할 것이라고 밝혔다."
                    translation: "The Ministry of Social Security said it would continue cooperation."
                confidence: low
            tags:
              - conflicting-reports
            ---

            The [[ministry-of-social-security]] said it would go on cooperating [@evidence-state-wire].

            """,
        ["people/evidence-pak-official.md"] = """
            ---
            name: "Pak Official"
            country: north-korea
            positions:
              - institution: dprk-central-court
                title: "Vice President"
                from: 2018
                confidence: medium
                sources:
                  - source: evidence-state-wire
                    quote: "중앙재판소 부소장 박"
                    translation: "Vice President of the Central Court Pak"
                    locator: "paragraph 3"
            corrections:
              - date: 2021-04-01
                note: "His title was first given as judge; the source names him vice president."
            ---

            A vice president of the [[dprk-central-court]] [@evidence-state-wire].

            """,
        ["pages/about.md"] = """
            ---
            title: "About"
            summary: "Who publishes this archive, and why."
            ---

            This archive is published by the test team.

            """,
        ["pages/methodology.md"] = """
            ---
            title: "Methodology"
            summary: "How a fact is verified, and what each confidence level means."
            ---

            Every fact rests on a source and quotes it.

            """,
    };

    /// <summary>Writes the evidence site into <paramref name="folder"/>: the test site, then the files above.</summary>
    public static string Write(string folder) => TestSiteWith.Write(folder, Files);
}

/// <summary>The evidence site, built once per test class.</summary>
public sealed class EvidenceSiteBuild() : TestSiteWith(EvidenceSite.Files);
