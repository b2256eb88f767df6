using System.Text.Json;
using AngleSharp.Dom;
using Briefings.Model;
using Briefings.Tests.Support;
using Entity = Briefings.Model.Entity;

namespace Briefings.Tests.Publishing;

[Collection(PublishedSitesCollection.Name)]
public sealed class LinkPreviewTests(PublishedSites sites)
{
    [Theory, MemberData(nameof(PublishedSites.Names), MemberType = typeof(PublishedSites))]
    public void Every_page_has_a_title_url_and_description_for_link_previews(string name)
    {
        var site = sites[name];
        var pages = HtmlPages(site);
        Assert.NotEmpty(pages);
        foreach (var (url, page) in pages)
        {
            var canonical = page.QuerySelector("link[rel=canonical]")?.GetAttribute("href");
            Assert.False(string.IsNullOrEmpty(canonical), $"{url} has no canonical link");
            Assert.StartsWith(site.Settings.BaseUrl + "/", canonical);
            foreach (var property in new[] { "og:title", "og:url", "og:description", "og:type", "og:site_name" })
                Assert.False(string.IsNullOrWhiteSpace(Meta(page, property)), $"{url} has no {property}");
            Assert.Equal(canonical, Meta(page, "og:url"));
            Assert.Equal(site.Settings.Title, Meta(page, "og:site_name"));
            Assert.Equal("summary_large_image", page.QuerySelector("meta[name='twitter:card']")?.GetAttribute("content"));
            Assert.NotNull(page.QuerySelector("footer a[href='/sources/']"));
        }
    }

    [Theory, MemberData(nameof(PublishedSites.Names), MemberType = typeof(PublishedSites))]
    public void Document_pages_describe_their_document_in_open_graph_and_json_ld(string name)
    {
        var site = sites[name];
        foreach (var d in site.Archive.Documents)
        {
            var page = Page(site, d.Url);
            Assert.Equal(d.DisplayName, Meta(page, "og:title"));
            Assert.Equal(d switch { Briefing => "article", Person => "profile", _ => "website" }, Meta(page, "og:type"));
            using var ld = JsonLd(page, d.Url);
            var root = ld.RootElement;
            Assert.Equal("https://schema.org", root.GetProperty("@context").GetString());
            Assert.Equal(Expected.SchemaType(d), root.GetProperty("@type").GetString());
            Assert.Equal(site.Absolute(d.Url), root.GetProperty("url").GetString());
            switch (d)
            {
                case Briefing b:
                    Assert.Equal(b.Date.ToString(), Meta(page, "article:published_time"));
                    Assert.Equal(Expected.LastChange(b).ToString(), Meta(page, "article:modified_time"));
                    Assert.Equal(b.Title, root.GetProperty("headline").GetString());
                    Assert.Equal(b.Date.ToString(), root.GetProperty("datePublished").GetString());
                    Assert.Equal(Expected.LastChange(b).ToString(), root.GetProperty("dateModified").GetString());
                    var citations = root.GetProperty("citation").EnumerateArray().ToList();
                    Assert.Equal(b.Sources.Select(s => (s.Url, s.Title, s.Publisher)),
                        citations.Select(c => (c.GetProperty("url").GetString()!, c.GetProperty("name").GetString()!, c.GetProperty("publisher").GetProperty("name").GetString()!)));
                    Assert.All(citations, c => Assert.Equal("CreativeWork", c.GetProperty("@type").GetString()));
                    Assert.Equal(b.Actors.Select(r => r.Id).Distinct().Select(id => site.Absolute(site.Archive.Documents.Single(x => x.Id == id).Url)),
                        root.GetProperty("about").EnumerateArray().Select(x => x.GetProperty("@id").GetString()));
                    var mentioned = b.BodyRefs.Mentions.Concat(b.Events.SelectMany(e => e.SummaryRefs.Mentions)).Select(r => r.Id).ToHashSet();
                    var mentions = root.TryGetProperty("mentions", out var m) ? m.EnumerateArray().Select(x => x.GetProperty("@id").GetString()!).ToHashSet() : [];
                    Assert.Equal(mentioned.Select(id => site.Absolute(site.Archive.Documents.Single(x => x.Id == id).Url)).Order(), mentions.Order());
                    break;
                case Entity e:
                    Assert.Null(Meta(page, "article:published_time"));
                    Assert.Equal(d.DisplayName, root.GetProperty("name").GetString());
                    var names = new[] { e.NativeName }.Concat(e.Aliases).OfType<string>().Where(n => n != d.DisplayName).ToList();
                    if (names.Count > 0)
                        Assert.Superset(names.ToHashSet(), root.GetProperty("alternateName").EnumerateArray().Select(x => x.GetString()!).ToHashSet());
                    if (e is Person p && p.Positions.FirstOrDefault(x => x.Until is null && x.Title is not null) is not null)
                        Assert.True(root.TryGetProperty("jobTitle", out _), $"{d.Url} has a current position but no jobTitle");
                    break;
            }
        }
    }

    [Theory, MemberData(nameof(PublishedSites.Names), MemberType = typeof(PublishedSites))]
    public void Other_pages_describe_themselves_as_the_website_or_a_page_of_it(string name)
    {
        var site = sites[name];
        var documents = site.Archive.Documents.Select(d => d.Url).ToHashSet();
        foreach (var (url, page) in HtmlPages(site).Where(p => !documents.Contains(p.Url) && !IsRedirect(p.Page)))
        {
            using var ld = JsonLd(page, url);
            var type = ld.RootElement.GetProperty("@type").GetString();
            Assert.Equal(url == "/" ? "WebSite" : url is "/search/" or "/404.html" or "/data/" or "/network/" ? "WebPage" : "CollectionPage", type);
        }
    }

    /// <summary>The card of each kind of page, as a preview shows it: an absolute URL to a PNG the site publishes, of
    /// the size the page states, and words for a reader who cannot see it.</summary>
    [Theory, MemberData(nameof(PublishedSites.Names), MemberType = typeof(PublishedSites))]
    public void Every_page_has_a_preview_picture_of_its_kind_with_its_size_and_alt_text(string name)
    {
        var site = sites[name];
        var documents = site.Archive.Documents.ToDictionary(d => d.Url);
        var kinds = new HashSet<string>();
        foreach (var (url, page) in HtmlPages(site))
        {
            var image = Meta(page, "og:image");
            Assert.False(string.IsNullOrEmpty(image), $"{url} has no og:image");
            Assert.StartsWith(site.Settings.BaseUrl + "/assets/cards/", image);
            var file = site.FileOf(image![site.Settings.BaseUrl.Length..]);
            Assert.True(File.Exists(file), $"{url}: its og:image {image} is not in the site");
            var (width, height) = PngSize(file);
            Assert.Equal((1200, 630), (width, height));
            Assert.Equal(width.ToString(), Meta(page, "og:image:width"));
            Assert.Equal(height.ToString(), Meta(page, "og:image:height"));
            Assert.Equal("image/png", Meta(page, "og:image:type"));
            var alt = Meta(page, "og:image:alt");
            Assert.False(string.IsNullOrWhiteSpace(alt), $"{url} has no og:image:alt");
            // The card shows the site's title (theme/cards/make.sh draws it from site.yml), and its alt text says it.
            Assert.StartsWith(site.Settings.Title + ". ", alt);
            // A document's page shows the card of its kind, and says so; other pages show the site's card.
            var kind = documents.TryGetValue(url, out var d) && d.Kind is not (DocumentKind.Page) ? d.Kind.Noun()
                : url.StartsWith(SiteUrls.Timeline, StringComparison.Ordinal) ? "timeline" : "site";
            Assert.EndsWith($"/assets/cards/{kind}.png", image);
            if (kind != "site") Assert.Contains(kind, alt!, StringComparison.OrdinalIgnoreCase);
            kinds.Add(kind);
        }
        Assert.Superset(new HashSet<string> { "site", "briefing", "country", "institution", "person", "agreement", "timeline" }, kinds);
    }

    /// <summary>An entity's description says what it is, from its own facts: a person's latest post and its
    /// institution, an institution's kind and country, a country's place in the archive; and how many briefings.</summary>
    [Theory, MemberData(nameof(PublishedSites.Names), MemberType = typeof(PublishedSites))]
    public void An_entity_page_describes_what_the_entity_is(string name)
    {
        var site = sites[name];
        foreach (var e in site.Archive.Documents.OfType<Entity>())
        {
            var page = Page(site, e.Url);
            var description = Meta(page, "og:description")!;
            Assert.Equal(description, page.QuerySelector("meta[name=description]")?.GetAttribute("content"));
            Assert.StartsWith(e.DisplayName, description);
            var briefings = Expected.BriefingsOf(site.Archive, e.Id).Count;
            if (e is not Agreement)
                Assert.Contains(briefings == 0 ? "No briefing yet" : briefings == 1 ? "In 1 briefing," : $"In {briefings} briefings,", description);
            string NameOf(string id) => site.Archive.Documents.Single(x => x.Id == id).DisplayName;
            switch (e)
            {
                case Person p when p.Positions.OrderByDescending(x => x.From).FirstOrDefault() is { } post:
                    if (post.Title is not null) Assert.Contains(post.Title, description);
                    Assert.Contains(NameOf(post.Institution.Id), description);
                    break;
                case Institution i:
                    Assert.Contains($": {Briefings.Rendering.Labels.Of(i.Type)}, {NameOf(i.Country.Id)}", description);
                    break;
                case Country c:
                    Assert.Contains("a country", description);
                    break;
            }
            Assert.DoesNotContain(" 0 ", description);
        }
    }

    /// <summary>Width and height from a PNG's header (IHDR), as a preview's crawler reads them.</summary>
    private static (int Width, int Height) PngSize(string file)
    {
        var bytes = File.ReadAllBytes(file);
        Assert.True(bytes.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }), $"{file} is not a PNG");
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    [Fact]
    public void Contributor_text_cannot_close_the_json_ld_script()
    {
        var site = sites.Hostile;
        var b = site.Archive.Briefings.Single(x => x.Title == PublishedSites.HostileTitle);
        foreach (var url in new[] { b.Url, $"/people/{PublishedSites.RenamedPerson}/" })
        {
            var page = Page(site, url);
            // One script element of JSON-LD, none that the contributor's "<script>" opened, and text that is all JSON.
            Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']"));
            Assert.All(page.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src") || s.GetAttribute("type") == "application/ld+json", s.OuterHtml));
            var text = page.QuerySelector("script[type='application/ld+json']")!.TextContent;
            Assert.DoesNotContain('<', text);
            using var ld = JsonDocument.Parse(text);
        }
        using var article = JsonLd(Page(site, b.Url), b.Url);
        Assert.Equal(PublishedSites.HostileTitle, article.RootElement.GetProperty("headline").GetString());
        using var person = JsonLd(Page(site, $"/people/{PublishedSites.RenamedPerson}/"), "renamed person");
        Assert.Contains("<script>alert('alias')</script>", person.RootElement.GetProperty("alternateName").EnumerateArray().Select(x => x.GetString()));
    }

    private static JsonDocument JsonLd(IDocument page, string url)
    {
        var script = Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']"));
        try { return JsonDocument.Parse(script.TextContent); }
        catch (JsonException e) { throw new Xunit.Sdk.XunitException($"the JSON-LD of {url} is not JSON: {e.Message}"); }
    }

    private static string? Meta(IDocument page, string property) =>
        page.QuerySelectorAll("meta[property]").FirstOrDefault(m => m.GetAttribute("property") == property)?.GetAttribute("content");

    private static bool IsRedirect(IDocument page) => page.QuerySelector("meta[http-equiv=refresh]") is not null;

    internal static IDocument Page(BuiltSite site, string url)
    {
        Assert.True(File.Exists(site.FileOf(url)), $"no page at {url}");
        return Html.Parse(File.ReadAllText(site.FileOf(url)));
    }

    internal static IReadOnlyList<(string Url, IDocument Page)> HtmlPages(BuiltSite site) =>
        SiteFiles.List(site.OutputDir).Where(f => f.EndsWith(".html", StringComparison.Ordinal) && !f.StartsWith("pagefind/", StringComparison.Ordinal))
            .Select(f => f.EndsWith("index.html", StringComparison.Ordinal) ? "/" + f[..^"index.html".Length] : "/" + f)
            .Select(url => (url, Page(site, url))).ToList();
}
