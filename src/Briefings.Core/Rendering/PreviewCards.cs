using Briefings.Model;

namespace Briefings.Rendering;

/// <summary>The picture a link preview shows (<c>og:image</c>), as an absolute URL with its size and what it says.</summary>
public sealed record CardView(string Url, string Alt, int Width, int Height, string MediaType);

/// <summary>The link-preview cards: one per kind of page, drawn once by <c>theme/cards/make.sh</c> and kept as PNGs in
/// <c>theme/assets/cards/</c>, so a build only copies them (no image is made per page, and the output stays
/// byte-identical). The words here are the words on each card, for its alt text: change both together.</summary>
public static class PreviewCards
{
    public const int Width = 1200;
    public const int Height = 630;

    /// <summary>What the cards say below the site's name, each card adding its kind.</summary>
    private const string About = "North Korea's courts, prosecutors and security ministries, and their cooperation abroad: every fact with its source.";

    /// <summary>The card of a page kind (as <see cref="SitePages"/> names kinds) and the words in large type on it.
    /// Lists, tags, search and the site's own pages show the site's card.</summary>
    private static (string Card, string Label) Of(string kind) => kind switch
    {
        "briefing" => ("briefing", "Briefing"),
        "country" => ("country", "Country"),
        "institution" => ("institution", "Institution"),
        "person" => ("person", "Person"),
        "agreement" => ("agreement", "Agreement"),
        "timeline" => ("timeline", "Timeline of events"),
        "source" => ("source", "Source"),
        _ => ("site", "A sourced public archive"),
    };

    /// <summary>The site-relative path of every card, for the check that the theme has them.</summary>
    public static IReadOnlyList<string> Paths { get; } =
        new[] { "briefing", "country", "institution", "person", "agreement", "timeline", "source", "home" }
            .Select(k => PathOf(Of(k).Card)).ToList();

    public static CardView For(SiteSettings site, string kind)
    {
        var (card, label) = Of(kind);
        // The card shows the site's title as make.sh read it from site.yml.
        return new CardView(site.Absolute(PathOf(card)), $"{site.Title}. {label}. {About}", Width, Height, "image/png");
    }

    private static string PathOf(string card) => $"/assets/cards/{card}.png";
}
