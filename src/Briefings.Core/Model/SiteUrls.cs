namespace Briefings.Model;

/// <summary>Every URL and anchor of the site, made here and nowhere else: pages, lists, feeds, data files, the
/// sitemap, redirects and the anchors within pages. Pages, previews, feeds, the sitemap, data files and
/// <c>serve</c> take them from here; templates take them from their model (<c>site.urls</c>, <c>page.url</c>, ...).
/// Paths are site-relative ("/people/x/"); <see cref="Absolute"/> makes one absolute.</summary>
public static class SiteUrls
{
    public const string Home = "/";
    public const string Timeline = "/timeline/";
    /// <summary>Who works with whom across the archive.</summary>
    public const string Network = "/network/";
    public const string Tags = "/tags/";
    public const string Sources = "/sources/";
    public const string Search = "/search/";
    /// <summary>Every correction of the archive, newest first.</summary>
    public const string Corrections = "/corrections/";
    public const string NotFound = "/404.html";
    /// <summary>The Atom feed of the latest briefings.</summary>
    public const string Feed = "/feed.xml";
    /// <summary>The XSL stylesheet (theme/assets/feed.xsl) every feed names, so a browser shows a feed as a page.</summary>
    public const string FeedStylesheet = "/assets/feed.xsl";
    public const string Sitemap = "/sitemap.xml";
    /// <summary>Part <paramref name="n"/> (from 1) of the sitemap, when the site has more pages than one sitemap may
    /// list: /sitemap.xml is then the index of its parts.</summary>
    public static string SitemapPart(int n) => $"{SitemapPartPrefix}{n}.xml";
    /// <summary>Whether a site path is one that <see cref="SitemapPart"/> gives.</summary>
    public static bool IsSitemapPart(string sitePath) =>
        sitePath.StartsWith(SitemapPartPrefix, StringComparison.Ordinal) && sitePath.EndsWith(".xml", StringComparison.Ordinal)
        && int.TryParse(sitePath.AsSpan()[SitemapPartPrefix.Length..^".xml".Length], System.Globalization.NumberStyles.None, null, out var n)
        && n > 0 && SitemapPart(n) == sitePath;
    private const string SitemapPartPrefix = "/sitemap-";
    public const string Robots = "/robots.txt";
    /// <summary>Netlify's list of redirects (from former ids).</summary>
    public const string NetlifyRedirects = "/_redirects";
    /// <summary>The folder of the data files (JSON, CSV and the schema).</summary>
    public const string DataFolder = "/data/";

    /// <summary>The list of every document of a kind: "/people/"; for briefings, "/briefings/".</summary>
    public static string ListOf(DocumentKind kind) => $"/{kind.Folder()}/";

    /// <summary>A document's page, "/people/kim-myong-gil/", or where it stood under a former id; a page of the
    /// site itself stands at the top, "/about/".</summary>
    public static string PageOf(DocumentKind kind, string id) => kind == DocumentKind.Page ? $"/{id}/" : $"{ListOf(kind)}{id}/";

    /// <summary>The list of a year's briefings: "/briefings/2019/".</summary>
    public static string Year(int year) => $"{ListOf(DocumentKind.Briefing)}{year}/";

    public static string Tag(string tag) => $"{Tags}{tag}/";

    /// <summary>Page <paramref name="number"/> of a list split into parts: the first keeps the list's URL, the next
    /// are "/briefings/page/2/".</summary>
    public static string PageOfList(string listUrl, int number) => number == 1 ? listUrl : $"{listUrl}page/{number}/";

    /// <summary>Why a document of <paramref name="kind"/> cannot take <paramref name="id"/>: its page would stand where
    /// the site has one of its own (the further parts of its kind's list, "/people/page/2/"; a year's briefings,
    /// "/briefings/2019/"; the publishers' lists, "/sources/publishers/..."), or null when it can. Pages of the site
    /// itself have their own rule (<see cref="SitePage.IsReserved"/>).</summary>
    public static string? Taken(DocumentKind kind, string id) =>
        kind == DocumentKind.Page ? null
        : id == "page" ? $"{ListOf(kind)}page/ holds the further parts of the list of {kind.Folder()}"
        : kind == DocumentKind.Briefing && id.Length == 4 && id.All(char.IsAsciiDigit) ? $"{Year(int.Parse(id))} is the list of that year's briefings"
        : kind == DocumentKind.Source && id == "publishers" ? $"{Sources}publishers/ holds the list of each publisher's sources"
        : null;

    /// <summary>Every briefing that involves an entity: "/people/kim-myong-gil/briefings/".</summary>
    public static string BriefingsOf(Document d) => $"{d.Url}briefings/";

    /// <summary>Every event that involves an entity, by date: "/people/kim-myong-gil/events/" (beyond the contract's
    /// list, made the way its "Long lists" makes an entity's briefings).</summary>
    public static string EventsOf(Document d) => $"{d.Url}events/";

    /// <summary>Every agreement that involves an entity: "/countries/china/agreements/" (beyond the contract's list,
    /// made the way its "Long lists" makes an entity's briefings).</summary>
    public static string AgreementsOf(Document d) => $"{d.Url}agreements/";

    /// <summary>Every institution of a country, and every person: "/countries/china/institutions/" (beyond the
    /// contract's list: its page shows the first of each and links here).</summary>
    public static string InstitutionsOf(Document country) => $"{country.Url}institutions/";

    public static string PeopleOf(Document country) => $"{country.Url}people/";

    /// <summary>Every page that cites a publisher: "/sources/publishers/reuters/" (beyond the contract's list: the
    /// sources page shows the latest of each publisher and links here).</summary>
    public static string Publisher(string slug) => $"{Sources}publishers/{slug}/";

    /// <summary>The timeline of one facet's events: "/timeline/type/delegation/", "/timeline/year/2019/",
    /// "/timeline/confidence/high/" (beyond the contract's list). A country's are its events page,
    /// <see cref="EventsOf"/>.</summary>
    public static string TimelineOf(string facet, string value) => $"{Timeline}{facet}/{value}/";

    /// <summary>The search page asking a query (the query as given: a URI template's placeholder stays as it is).</summary>
    public static string SearchFor(string query) => $"{Search}?q={query}";

    /// <summary>A data file: "/data/archive.json".</summary>
    public static string Data(string file) => DataFolder + file;

    /// <summary>The Atom feed of a page (an entity's, or where one stood under a former id).</summary>
    public static string FeedOf(string pageUrl) => $"{pageUrl}feed.xml";

    /// <summary>The Atom feed of a document's page.</summary>
    public static string FeedOf(Document d) => FeedOf(d.Url);

    /// <summary>A place on a page: the hook every fact's permanent address goes through (events, positions, sources).</summary>
    public static string At(string pageUrl, string anchor) => $"{pageUrl}#{anchor}";

    /// <summary>The anchor of a source's entry in its page's source list.</summary>
    public static string SourceAnchor(string sourceId) => $"source-{sourceId}";

    /// <summary>The anchor of a source's first citation in the body, which its source-list entry links back to.</summary>
    public static string CitationAnchor(string sourceId) => $"cite-{sourceId}";

    /// <summary>The anchors of the sources page: a publisher's entry, and the heading of an initial letter.</summary>
    public static string PublisherAnchor(string slug) => $"publisher-{slug}";

    public static string InitialAnchor(string slug) => $"initial-{slug}";

    /// <summary>The absolute URL of a site-relative path ("/people/x/"): what feeds, sitemaps, data and previews
    /// must carry, since they are read away from the site.</summary>
    public static string Absolute(this SiteSettings site, string path) => site.BaseUrl + path;

    /// <summary>The <c>site.urls</c> of every template: the pages the navigation and the footers link to.</summary>
    public static NavigationUrls Navigation { get; } = new(
        Home: Home,
        Briefings: ListOf(DocumentKind.Briefing),
        Timeline: Timeline,
        Network: Network,
        Countries: ListOf(DocumentKind.Country),
        Institutions: ListOf(DocumentKind.Institution),
        People: ListOf(DocumentKind.Person),
        Agreements: ListOf(DocumentKind.Agreement),
        Tags: Tags,
        Sources: Sources,
        Corrections: Corrections,
        Data: DataFolder,
        Search: Search,
        Feed: Feed);
}

/// <summary>The pages every page links to, as templates reach them: <c>{{ site.urls.timeline }}</c>.</summary>
public sealed record NavigationUrls(
    string Home, string Briefings, string Timeline, string Network, string Countries, string Institutions, string People,
    string Agreements, string Tags, string Sources, string Corrections, string Data, string Search, string Feed);
