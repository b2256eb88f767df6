using Briefings.Model;

namespace Briefings.Model;

public static class SiteUrls
{
    /// <summary>The absolute URL of a site-relative path ("/people/x/"): what feeds, sitemaps, data and previews
    /// must carry, since they are read away from the site.</summary>
    public static string Absolute(this SiteSettings site, string path) => site.BaseUrl + path;

    /// <summary>The Atom feed of a document's page.</summary>
    public static string FeedOf(Document d) => $"{d.Url}feed.xml";
}
