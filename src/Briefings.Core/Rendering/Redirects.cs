using System.Text;
using Briefings.Model;

namespace Briefings.Rendering;

/// <summary>An old URL that a renamed entity left behind, and where it lives now (both site-relative).</summary>
public sealed record Redirect(string From, string To, Document Target);

/// <summary>The permanent redirects of <c>former_ids</c>. Each old page is written twice over: as a static page
/// (meta refresh, canonical, a visible link) that works on any host, and as a Netlify rule that answers with a
/// real 301 so search engines and link checkers move the link.</summary>
public static class Redirects
{

    public static IReadOnlyList<Redirect> Of(Archive archive) =>
        archive.Documents.SelectMany(d => d.FormerIds.Select(old => new Redirect(SiteUrls.PageOf(d.Kind, old.Id), d.Url, d)))
            .OrderBy(r => r.From, StringComparer.Ordinal).ToList();

    /// <summary>One rule for the page and one for its feed. The '!' forces the rule although a file exists at the old
    /// path (the static redirect page): Netlify otherwise serves the file and never sends the 301.</summary>
    public static string Netlify(IEnumerable<Redirect> redirects)
    {
        var sb = new StringBuilder("# Former ids: permanent redirects to the current pages (written by briefings build).\n");
        foreach (var r in redirects)
        {
            sb.Append(r.From).Append(' ').Append(r.To).Append(" 301!\n");
            sb.Append(SiteUrls.FeedOf(r.From)).Append(' ').Append(SiteUrls.FeedOf(r.To)).Append(" 301!\n");
        }
        return sb.ToString();
    }
}
