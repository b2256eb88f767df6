using Briefings.Model;

namespace Briefings.Rendering;

// What templates see as `page` and `site`. Templates reach members in snake case ({{ page.briefings_count }}); a
// name no record has fails the render with strict variables (see Theme), so every member a template asks of some
// pages only is on every page that template or the layout draws, null where it does not apply.

/// <summary>What every page has: what the layout shows of it (title, description, canonical URL, link preview,
/// footer), its kind (the body's class, the preview card), and what only some pages fill in: the way among the
/// parts of a split list, an entity's feed, the target of a redirect.</summary>
public record PageModel(
    string Title, string Description, string Url, string Canonical, string Kind,
    PreviewView? Preview, CardView Card, IReadOnlyList<LinkView> Footer, string? Methodology)
{
    /// <summary>The parts of a split list; null for a page that is not one, or a list that fits on one page.</summary>
    public PagerView? Pager { get; init; }

    /// <summary>The Atom feed of the entity the page is about.</summary>
    public string? Feed { get; init; }

    /// <summary>Where a redirect page sends the reader.</summary>
    public string? Redirect { get; init; }
}

/// <summary>The <c>site</c> object of every template.</summary>
public sealed record SiteView(string Title, string Description, string BaseUrl, string Language, NavigationUrls Urls)
{
    public static SiteView Of(SiteSettings site) => new(site.Title, site.Description, site.BaseUrl, site.Language, SiteUrls.Navigation);
}
