using System.Text.RegularExpressions;
using Briefings.Tests.Support;

namespace Briefings.Tests.Site;

/// <summary>Codes of the content format (source kinds, tags, types, statuses, language tags) reach readers as words.</summary>
public sealed partial class LabelTests(TestSiteBuild site, EvidenceSiteBuild evidence) : IClassFixture<TestSiteBuild>, IClassFixture<EvidenceSiteBuild>
{
    /// <summary>Codes the test site's files use, which a reader should never meet as they are written.</summary>
    private static readonly string[] Codes = ["state-media", "judicial-cooperation", "security-cooperation", "in-force", "court-record"];

    [Fact]
    public void No_page_shows_a_code_as_it_is_written_in_the_files() => AssertNoCodeShown(site, ignoreUrls: false);

    /// <summary>The same on the evidence pages: catalog sources, corrections, the data and site pages. Their ids
    /// hold codes (<c>evidence-court-record</c>), so an address shown as text is not a label; and a publisher may end
    /// in the word its kind begins with ("Example Court · Court record"), so the doubled-word check stays with the
    /// test site, where it guards the kickers.</summary>
    [Fact]
    public void No_evidence_page_shows_a_code_as_it_is_written_in_the_files() => AssertNoCodeShown(evidence, ignoreUrls: true);

    private static void AssertNoCodeShown(SiteFixture site, bool ignoreUrls)
    {
        Assert.True(site.HtmlFiles().Count > 30);
        foreach (var file in site.HtmlFiles())
        {
            var page = Html.Parse(File.ReadAllText(file));
            if (page.Body is null || page.QuerySelector("meta[http-equiv=refresh]") is not null) continue;
            var text = page.Body.Text() + " " + page.Title;
            if (ignoreUrls) text = Url().Replace(text, " ");
            foreach (var code in Codes)
                Assert.False(text.Contains(code, StringComparison.Ordinal), $"{file} shows '{code}' to readers: …{Around(text, code)}…");
            // A badge, a status or a kicker is a label, never a lowercase code.
            foreach (var label in page.QuerySelectorAll(".badge, .status, .kicker, .tag").Select(e => e.Text()).Where(t => t.Length > 0))
                Assert.True(char.IsUpper(label[0]) || char.IsDigit(label[0]), $"{file} shows the label '{label}'");
            if (!ignoreUrls) Assert.DoesNotMatch(Doubled(), text);
        }
    }

    [Fact]
    public void Labels_read_as_words()
    {
        var briefing = site.Page(TestSite.Court);
        Assert.Contains("Judicial cooperation", briefing.QuerySelectorAll("a.tag").Select(a => a.Text()));
        Assert.Contains("State media", briefing.Section("Sources").QuerySelectorAll(".badge").Select(b => b.Text()));
        Assert.Contains("In Russian.", site.Page(TestSite.Krasnov).Section("Sources").Text());
        Assert.Equal("Agreement · Memorandum of understanding", site.Page("/agreements/dprk-china-court-mou-2019/").QuerySelector(".kicker")!.Text());
        Assert.StartsWith("Institution · News media", site.Page("/institutions/kcna/").QuerySelector(".kicker")!.Text());
        Assert.Equal("Tagged Judicial cooperation", site.Page("/tags/judicial-cooperation/").QuerySelector("h1")!.Text());
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();

    private static string Around(string text, string code)
    {
        int at = text.IndexOf(code, StringComparison.Ordinal);
        return text[Math.Max(0, at - 40)..Math.Min(text.Length, at + code.Length + 40)];
    }

    /// <summary>"Agreement · agreement": a kind said twice.</summary>
    [GeneratedRegex(@"\b(\w+) · \1\b", RegexOptions.IgnoreCase)]
    private static partial Regex Doubled();
}
