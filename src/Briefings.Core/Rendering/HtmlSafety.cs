using AngleSharp.Css.Dom;
using Ganss.Xss;

namespace Briefings.Rendering;

/// <summary>The allow-list for HTML that contributors write inside Markdown. Anything outside it is removed.
/// No script, no event handlers, no styles, no forms or frames, no ids or names (they could clobber the
/// page's own anchors), and links only to http(s) or site paths.</summary>
public static class HtmlSafety
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
        // Relative URLs would resolve against the page; only site paths ('/x/') and fragments are kept.
        s.FilterUrl += (_, e) =>
        {
            if (e.SanitizedUrl is { } u && !Reading.UrlPolicy.IsAllowedInBody(u)) e.SanitizedUrl = null;
        };
        return s;
    }

    /// <summary>Sanitises rendered body HTML, reporting each removal to <paramref name="removed"/>.</summary>
    public static string Sanitize(string html, Action<string>? removed = null)
    {
        var s = Sanitizer.Value!;
        void OnTag(object? _, RemovingTagEventArgs e) => removed?.Invoke($"<{e.Tag.LocalName}>");
        void OnAttr(object? _, RemovingAttributeEventArgs e) => removed?.Invoke($"attribute '{e.Attribute.Name}'");
        s.RemovingTag += OnTag;
        s.RemovingAttribute += OnAttr;
        try { return s.Sanitize(html); }
        finally { s.RemovingTag -= OnTag; s.RemovingAttribute -= OnAttr; }
    }
}
