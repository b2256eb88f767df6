using AngleSharp.Dom;
using Briefings.Model;
using Briefings.Publishing;
using Briefings.Rendering;
using Briefings.Tests.Support;
using static Briefings.Tests.Site.EvidenceSite;

namespace Briefings.Tests.Site;

/// <summary>What a reader checking a fact sees (issue 13): each fact at its permanent address with a link to it, the
/// words of the source that support it, the catalog source's page with everything that rests on it, corrections,
/// the site's own pages and the data page. Expected values come from the files of <see cref="EvidenceSite"/>.</summary>
public sealed class EvidencePagesTests(EvidenceSiteBuild site) : IClassFixture<EvidenceSiteBuild>
{
    private const string Talks = Exchange + "#court-exchange-talks";
    private const string Signing = Exchange + "#event-2020-05-03-signing";
    private const string Statement = FollowUp + "#event-2021-02-statement";
    private const string Position = Official + "#position-dprk-central-court-2018";

    private static IElement FactLink(IElement fact) =>
        Assert.Single(fact.QuerySelectorAll("a.fact-link"));

    [Fact]
    public void A_fact_has_its_anchor_as_id_on_its_own_page_and_a_labelled_link_to_its_address()
    {
        var page = site.Page(Exchange);
        foreach (var (id, address) in new[] { ("court-exchange-talks", Talks), ("event-2020-05-03-signing", Signing) })
        {
            var fact = page.GetElementById(id);
            Assert.True(fact is { LocalName: "li" }, $"no fact #{id} on {Exchange}");
            var link = FactLink(fact!);
            Assert.Equal(address, link.GetAttribute("href"));
            Assert.StartsWith("Link to this fact", link.Text());
        }
        var position = site.Page(Official).GetElementById("position-dprk-central-court-2018")!;
        Assert.Equal(Position, FactLink(position).GetAttribute("href"));
    }

    [Theory]
    [InlineData("/institutions/dprk-central-court/", "2020-05-04-evidence-court-exchange--court-exchange-talks", Talks)]
    [InlineData("/timeline/", "2020-05-04-evidence-court-exchange--court-exchange-talks", Talks)]
    [InlineData("/countries/china/", "2020-05-04-evidence-court-exchange--event-2020-05-03-signing", Signing)]
    [InlineData("/institutions/dprk-central-court/", "evidence-pak-official--position-dprk-central-court-2018", Position)]
    public void A_page_listing_facts_of_several_files_gives_each_the_id_file_anchor_and_links_it_to_its_address(string url, string id, string address)
    {
        var fact = site.Page(url).GetElementById(id);
        Assert.True(fact is { LocalName: "li" }, $"no #{id} on {url}");
        Assert.Equal(address, FactLink(fact!).GetAttribute("href"));
    }

    [Fact]
    public void A_quote_is_shown_with_its_fact_in_the_source_language_with_its_translation_and_locator()
    {
        var talks = site.Page(Exchange).GetElementById("court-exchange-talks")!;
        var quote = Assert.Single(talks.QuerySelectorAll("figure.quote"));
        var blockquote = quote.QuerySelector("blockquote")!;
        Assert.Equal("ko", blockquote.GetAttribute("lang"));
        Assert.Equal(TalksQuote, blockquote.Text());
        Assert.Equal("https://wire.example.org/evidence/court-talks", blockquote.GetAttribute("cite"));
        var translation = quote.QuerySelector(".translation")!;
        Assert.Equal("en", translation.GetAttribute("lang"));
        Assert.Contains(TalksTranslation, translation.Text());
        Assert.Contains("paragraph 2", quote.QuerySelector("figcaption")!.Text());

        // A quote of an English source has no translation.
        var english = Assert.Single(site.Page(Exchange).GetElementById("event-2020-05-03-signing")!.QuerySelectorAll("figure.quote"));
        Assert.Equal("en", english.QuerySelector("blockquote")!.GetAttribute("lang"));
        Assert.Null(english.QuerySelector(".translation"));
    }

    [Fact]
    public void A_quote_is_shown_wherever_its_fact_is()
    {
        var onEntity = site.Page("/institutions/dprk-central-court/").GetElementById("2020-05-04-evidence-court-exchange--court-exchange-talks")!;
        Assert.Equal(TalksQuote, onEntity.QuerySelector("blockquote[lang='ko']")!.Text());
        var position = site.Page(Official).GetElementById("position-dprk-central-court-2018")!;
        Assert.Equal(PositionQuote, position.QuerySelector("blockquote[lang='ko']")!.Text());
    }

    [Fact]
    public void A_catalog_source_cited_from_three_files_lists_every_fact_with_its_quote_newest_first()
    {
        var page = site.Page(Wire);
        Assert.Equal("중앙재판소 대표단 회담", page.QuerySelector("main h1")!.Text());
        Assert.Equal("ko", page.QuerySelector("main h1")!.GetAttribute("lang"));
        Assert.Contains("nothing in it is confirmed elsewhere", page.QuerySelector("main .prose")!.Text());

        var facts = page.Section("Facts that rest on it").QuerySelectorAll("li.fact").ToList();
        Assert.Equal([Statement, Signing, Talks, Position], facts.Select(f => FactLink(f).GetAttribute("href")).ToList());
        var quotes = facts.Select(f => f.QuerySelector("blockquote")?.Text()).ToList();
        Assert.Equal([StatementQuote, null, TalksQuote, PositionQuote], quotes);
        Assert.All(facts.Select(f => f.QuerySelector("blockquote")).OfType<IElement>(), q => Assert.Equal("ko", q.GetAttribute("lang")));
        // The three files it rests on.
        Assert.Equal([FollowUp, Exchange], page.Section("Briefings that cite it").ItemLinks());
        Assert.Equal([Official], page.Section("Pages that cite it").ItemLinks());
    }

    [Fact]
    public void The_sources_page_lists_the_catalog_and_still_the_publishers()
    {
        var page = site.Page("/sources/");
        var catalog = page.Section("The catalog").ItemLinks();
        Assert.Equal([CourtRecord, Wire], catalog);
        Assert.Contains(page.QuerySelectorAll("main h3"), h => h.Text().StartsWith("Example Paper", StringComparison.Ordinal));
    }

    [Fact]
    public void A_page_numbers_the_catalog_sources_it_cites_in_its_source_list_and_links_each_to_its_page()
    {
        var page = site.Page(Exchange);
        var sources = page.Section("Sources").QuerySelectorAll("ol > li").ToList();
        Assert.Equal(["source-exchange-paper", "source-evidence-state-wire", "source-evidence-court-record"], sources.Select(li => li.Id).ToList());
        Assert.Contains(sources[1].QuerySelectorAll("a"), a => a.GetAttribute("href") == Wire && a.Text() == "About this source");
        var citations = page.QuerySelector("main .prose")!.QuerySelectorAll("sup a").Select(a => (a.GetAttribute("href"), a.Text())).ToList();
        Assert.Equal([("#source-evidence-state-wire", "[2]"), ("#source-exchange-paper", "[1]"), ("#source-evidence-court-record", "[3]")], citations);
    }

    [Theory]
    [InlineData(Statement, "one source only, state media")]
    [InlineData(Signing, null)]
    public void A_fact_on_thin_evidence_says_so(string address, string? note)
    {
        var (url, id) = (address[..address.IndexOf('#')], address[(address.IndexOf('#') + 1)..]);
        var fact = site.Page(url).GetElementById(id)!;
        Assert.Equal(note, fact.QuerySelector(".evidence")?.Text());
    }

    [Fact]
    public void A_conflict_the_content_marks_is_shown_in_lists_too()
    {
        var fact = site.Page("/institutions/ministry-of-social-security/").GetElementById("2021-03-01-evidence-follow-up--event-2021-02-statement")!;
        Assert.Equal("conflicting reports", fact.QuerySelector(".conflict")?.Text());
        Assert.Equal("low confidence", fact.QuerySelector(".confidence")?.Text());
    }

    [Fact]
    public void Lists_of_agreements_positions_and_events_show_confidence_with_a_legend_linking_to_the_methodology()
    {
        var agreements = site.Page("/agreements/");
        var mou = agreements.QuerySelectorAll("main .agreement-list li").Single(li => li.QuerySelector("a")!.GetAttribute("href") == "/agreements/dprk-china-court-mou-2019/");
        Assert.Equal("medium confidence", mou.QuerySelector(".confidence")!.Text());
        // As its own page gives it.
        Assert.Equal("medium confidence", site.Page("/agreements/dprk-china-court-mou-2019/").QuerySelector("main .facts .confidence")!.Text());
        var institution = site.Page("/institutions/dprk-central-court/");
        var position = institution.GetElementById("evidence-pak-official--position-dprk-central-court-2018")!;
        Assert.Equal("medium confidence", position.QuerySelector(".confidence")!.Text());
        foreach (var page in new[] { agreements, institution, site.Page("/timeline/") })
            Assert.Contains(page.QuerySelectorAll("main .legend a"), a => a.GetAttribute("href") == "/methodology/");
    }

    [Fact]
    public void A_correction_is_noticed_at_the_top_of_its_page()
    {
        var page = site.Page(Exchange);
        var notice = page.QuerySelector("main .correction-notice")!;
        Assert.True(notice.CompareDocumentPosition(page.QuerySelector("main .prose")!).HasFlag(DocumentPositions.Following), "the notice is not above the body");
        Assert.Equal("2020-05-10", notice.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Contains("The talks were on 2 May, not 1 May as first written", notice.Text());
        Assert.Contains(notice.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/corrections/");
        Assert.Contains("His title was first given as judge", site.Page(Official).QuerySelector("main .correction-notice")!.Text());
    }

    [Fact]
    public void The_corrections_page_lists_every_correction_newest_first_and_links_to_the_methodology()
    {
        var page = site.Page(SiteUrls.Corrections);
        var items = page.QuerySelectorAll("main li.correction").ToList();
        Assert.Equal([Official, Exchange], items.Select(li => li.QuerySelector("a")!.GetAttribute("href")).ToList());
        Assert.Equal(["2021-04-01", "2020-05-10"], items.Select(li => li.QuerySelector("time")!.GetAttribute("datetime")).ToList());
        Assert.Contains(page.QuerySelectorAll("main header a"), a => a.GetAttribute("href") == "/methodology/");
    }

    [Fact]
    public void The_newest_correction_is_the_pages_update_in_feed_sitemap_and_link_preview()
    {
        var feed = System.Xml.Linq.XDocument.Load(site.FileOf("/feed.xml"));
        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
        var entry = feed.Root!.Elements(atom + "entry").Single(e => e.Element(atom + "id")!.Value.EndsWith(Exchange, StringComparison.Ordinal));
        Assert.StartsWith("2020-05-10", entry.Element(atom + "updated")!.Value);
        var content = Html.Parse(entry.Element(atom + "content")!.Value);
        Assert.Contains("Corrected 10 May 2020:", content.Body!.Text());
        Assert.Contains(content.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://briefings.example.org" + Talks);

        var sitemap = System.Xml.Linq.XDocument.Load(site.FileOf("/sitemap.xml"));
        System.Xml.Linq.XNamespace sm = Sitemap.Namespace;
        string? LastMod(string url) => sitemap.Root!.Elements(sm + "url")
            .Single(u => u.Element(sm + "loc")!.Value == "https://briefings.example.org" + url).Element(sm + "lastmod")?.Value;
        Assert.Equal("2020-05-10", LastMod(Exchange));
        Assert.Equal("2021-04-01", LastMod(Official));
        Assert.Equal("2021-04-01", LastMod(SiteUrls.Corrections));

        var jsonLd = System.Text.Json.JsonDocument.Parse(site.Page(Exchange).QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal("2020-05-10", jsonLd.RootElement.GetProperty("dateModified").GetString());
    }

    [Fact]
    public void The_sites_own_pages_are_published_and_the_footer_links_them_in_order_on_every_page()
    {
        Assert.Equal("About", site.Page("/about/").QuerySelector("main h1")!.Text());
        Assert.Contains("published by the test team", site.Page("/about/").QuerySelector("main .prose")!.Text());
        Assert.Equal("Methodology", site.Page("/methodology/").QuerySelector("main h1")!.Text());
        foreach (var file in site.HtmlFiles().Where(f => !f.EndsWith("404.html", StringComparison.Ordinal)))
        {
            var links = Html.Parse(File.ReadAllText(file)).QuerySelectorAll("footer a").Select(a => a.GetAttribute("href")).ToList();
            Assert.True(links.Take(2).SequenceEqual(["/about/", "/methodology/"]), $"{file}: footer links {string.Join(" ", links)}");
            Assert.Contains("/data/", links);
            Assert.Contains("/corrections/", links);
        }
    }

    [Fact]
    public void The_data_page_describes_every_download_with_its_columns_and_licence()
    {
        var page = site.Page(SiteUrls.DataFolder);
        Assert.Contains("CC BY 4.0", page.Section("Licence").Text());
        var files = page.QuerySelectorAll("main .data-files dt").ToList();
        Assert.Equal(DataDownloads.Files.Select(f => f.Path), files.Select(dt => dt.QuerySelector("a")!.GetAttribute("href")));
        foreach (var dt in files)
        {
            var href = dt.QuerySelector("a")!.GetAttribute("href")!;
            Assert.True(site.Exists(href), $"the data page links to {href}, which the build did not write");
            if (!href.EndsWith(".csv", StringComparison.Ordinal)) continue;
            // The columns the page names are those of the file's header row.
            var header = File.ReadLines(site.FileOf(href)).First().Split(',');
            Assert.Equal(header, dt.NextElementSibling!.QuerySelectorAll("code").Select(c => c.Text()));
        }
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == DataDownloads.IndexPath);
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == DataDownloads.SchemaPath);
    }
}
