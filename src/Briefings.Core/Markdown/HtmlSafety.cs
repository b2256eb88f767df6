using System.Text.RegularExpressions;
using AngleSharp.Css.Dom;
using AngleSharp.Dom;
using Briefings.Errors;
using Ganss.Xss;

namespace Briefings.Markdown;

/// <summary>The allow-list for HTML that contributors write inside Markdown. Anything outside it is removed.
/// No script, no event handlers, no styles, no forms or frames, no ids or names (they could clobber the
/// page's own anchors), and links only to http(s) or site paths.</summary>
public static partial class HtmlSafety
{
    public static readonly string[] AllowedTags =
    [
        "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details", "dfn", "div", "dl", "dt",
        "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p",
        "pre", "q", "s", "samp", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
        "thead", "time", "tr", "u", "ul", "var",
    ];

    public static readonly string[] AllowedAttributes =
        ["href", "src", "alt", "title", "lang", "dir", "datetime", "cite", "colspan", "rowspan", "scope", "class", "start", "reversed"];

    private static readonly ThreadLocal<HtmlSanitizer> Sanitizer = new(Create);

    private static HtmlSanitizer Create()
    {
        var s = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(AllowedAttributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src", "cite"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(),
            AllowedAtRules = new HashSet<CssRuleType>(),
        });
        s.AllowDataAttributes = false;
        // One parser per sanitiser (one sanitiser per thread) rather than a new one per body: every body is
        // sanitised, and setting up a parser costs about as much as parsing a body.
        var parser = HtmlSanitizer.DefaultHtmlParserFactory();
        s.HtmlParserFactory = () => parser;
        // Relative URLs would resolve against the page; only site paths ('/x/') and fragments are kept.
        s.FilterUrl += (_, e) =>
        {
            if (e.SanitizedUrl is { } u && !UrlPolicy.IsAllowedInBody(u)) e.SanitizedUrl = null;
        };
        s.RemovingAttribute += (_, e) => e.Cancel = IsCitationAttribute(e.Tag, e.Attribute);
        return s;
    }

    /// <summary>The citation renderer's own attributes, which the allow-list does not grant contributors: the id the
    /// source list links back to, and the link's spoken name. Only these exact shapes on a citation's link are kept.</summary>
    private static bool IsCitationAttribute(IElement tag, IAttr attribute) =>
        tag.LocalName == "a" && tag.ParentElement is { LocalName: "sup" } sup && sup.ClassList.Contains("cite")
        && attribute.Name switch
        {
            "id" => CitationId().IsMatch(attribute.Value),
            "aria-label" => CitationLabel().IsMatch(attribute.Value),
            _ => false,
        };

    [GeneratedRegex("^cite-[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CitationId();

    [GeneratedRegex("^source [0-9]{1,5}$")]
    private static partial Regex CitationLabel();

    /// <summary>Markdown rendered by the site, made safe. Markdig makes raw HTML (blocks, inline tags, comments) and
    /// autolinks only from a '&lt;' in the text, so a text with one is always sanitised. Without one, Markdig writes
    /// only its own tags, with text, titles and alt texts escaped, and URLs only as href="..." and src="...", which
    /// the URL filter has already cleared; they are checked again here, and any that got through sends the HTML to
    /// the sanitiser after all. Sanitising every body would cost about a tenth of a large build.</summary>
    public static string Safe(string markdown, string html) =>
        markdown.Contains('<') || !MarkdigUrlsAllowed(html) ? Sanitize(html) : html;

    private static bool MarkdigUrlsAllowed(string html)
    {
        foreach (Match m in MarkdigUrl().Matches(html))
            if (!UrlPolicy.IsAllowedInBody(System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))) return false;
        return true;
    }

    [GeneratedRegex(@"\s(?:href|src)=""([^""]*)""")]
    private static partial Regex MarkdigUrl();

    /// <summary>Sanitises rendered body HTML, reporting each removal to <paramref name="removed"/>.</summary>
    public static string Sanitize(string html, Action<string>? removed = null)
    {
        var s = Sanitizer.Value!;
        void OnTag(object? _, RemovingTagEventArgs e)
        {
            if (!e.Cancel) removed?.Invoke($"raw HTML element <{Shorten(e.Tag.LocalName)}> removed: {Listed}");
        }
        void OnAttr(object? _, RemovingAttributeEventArgs e)
        {
            if (e.Cancel) return;
            removed?.Invoke(e.Reason == RemoveReason.NotAllowedUrlValue
                ? $"link to '{Shorten(e.Attribute.Value)}' in <{Shorten(e.Tag.LocalName)} {Shorten(e.Attribute.Name)}> removed: links must be absolute http(s) URLs or site paths"
                : $"attribute '{Shorten(e.Attribute.Name)}' of <{Shorten(e.Tag.LocalName)}> removed: {Listed}");
        }
        s.RemovingTag += OnTag;
        s.RemovingAttribute += OnAttr;
        try { return s.Sanitize(html); }
        finally { s.RemovingTag -= OnTag; s.RemovingAttribute -= OnAttr; }
    }

    /// <summary>What sanitising a piece of contributor HTML removes, each as a short phrase for a warning.
    /// Comments are dropped silently: they hide nothing from the reader that the source does not show.</summary>
    public static IReadOnlyList<string> Removals(string html)
    {
        var removed = new List<string>();
        Sanitize(html, removed.Add);
        return removed;
    }

    private const string Listed = "docs/html.md lists the HTML a body may hold";

    /// <summary>Contributor text in a message, short and on one line: tag and attribute names may hold control
    /// characters, which must not reach a terminal or a CI log.</summary>
    private static string Shorten(string text) => Quoting.Shorten(text);
}
