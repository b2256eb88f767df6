using System.Text.Json;
using AngleSharp.Dom;

namespace Briefings.Tests.Security;

/// <summary>What a built page must never hold, whatever its content: a script that is not one of the site's own
/// files or its JSON-LD, an event handler, a style, a URL with another scheme than http(s), a frame, an object,
/// a base, a refresh, a form that posts elsewhere. Checked on the parsed page, as a browser reads it. These rules
/// are the test's own, independent of the site's UrlPolicy and sanitiser, so a mistake there cannot hide here.</summary>
public static partial class PageSafety
{
    private static readonly string[] Forbidden =
        ["iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal", "svg", "math", "style", "template", "noscript", "link[rel~='import']"];

    /// <summary>Attributes whose value a browser loads, navigates to or submits to.</summary>
    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite", "ping", "srcset",
        "lowsrc", "dynsrc", "longdesc", "manifest", "codebase", "icon", "profile", "usemap", "archive", "classid",
    };

    /// <summary>Every problem of a page; <paramref name="where"/> names it in messages.</summary>
    public static IEnumerable<string> Problems(IDocument page, string where)
    {
        foreach (var script in page.QuerySelectorAll("script"))
        {
            var type = script.GetAttribute("type") ?? "";
            if (type == "application/ld+json")
            {
                if (script.HasAttribute("src")) yield return $"{where}: a JSON-LD block with a src";
                if (script.TextContent.Contains("</script", StringComparison.OrdinalIgnoreCase) || script.TextContent.Contains("<!--", StringComparison.Ordinal))
                    yield return $"{where}: JSON-LD text holds '</script' or '<!--'";
                if (!ParsesAsJson(script.TextContent)) yield return $"{where}: JSON-LD that does not parse: {Short(script.TextContent)}";
                continue;
            }
            var src = script.GetAttribute("src");
            if (src is null || !IsSitePath(src) || script.TextContent.Trim().Length > 0 || type is not ("" or "module"))
                yield return $"{where}: a script that is not one of the site's own files: {Short(script.OuterHtml)}";
        }
        foreach (var selector in Forbidden)
            foreach (var e in page.QuerySelectorAll(selector))
                if (!IsBuildChart(e)) yield return $"{where}: <{e.LocalName}> element: {Short(e.OuterHtml)}";
        foreach (var meta in page.QuerySelectorAll("meta[http-equiv]"))
        {
            var kind = meta.GetAttribute("http-equiv")!.Trim().ToLowerInvariant();
            if (kind == "content-security-policy" && meta.ParentElement?.LocalName == "head") continue;
            // The redirect page of a former id refreshes to the entity's current page of this site.
            if (kind == "refresh" && RedirectToSitePath().IsMatch(meta.GetAttribute("content") ?? "")) continue;
            yield return $"{where}: <meta http-equiv=\"{kind}\">: {Short(meta.OuterHtml)}";
        }
        foreach (var form in page.QuerySelectorAll("form"))
            if (form.GetAttribute("action") != "/search/")
                yield return $"{where}: a form that is not the site's search: {Short(form.OuterHtml)}";
        foreach (var e in page.All)
            foreach (var attr in e.Attributes)
            {
                var name = attr.Name;
                if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                    yield return $"{where}: event handler {name} on <{e.LocalName}>: {Short(e.OuterHtml)}";
                else if (name.Equals("style", StringComparison.OrdinalIgnoreCase) || name.Equals("srcdoc", StringComparison.OrdinalIgnoreCase))
                    yield return $"{where}: {name} attribute on <{e.LocalName}>: {Short(e.OuterHtml)}";
                else if (UrlAttributes.Contains(name) && !IsSafeUrl(attr.Value))
                    yield return $"{where}: {name}=\"{Short(attr.Value)}\" on <{e.LocalName}> is neither http(s), a site path nor a fragment";
            }
        // Contributor HTML must not name elements: a name or id could shadow the page's own anchors or globals.
        foreach (var content in page.QuerySelectorAll(".prose, .event-what"))
            foreach (var e in content.QuerySelectorAll("[id], [name]"))
                if (e.HasAttribute("name") || !(e.Id ?? "").StartsWith("cite-", StringComparison.Ordinal) && !IsTemplateHeading(e, content))
                    yield return $"{where}: contributor HTML names an element: {Short(e.OuterHtml)}";
    }

    /// <summary>The heading the entity template puts at the top of the notes section, above the body.</summary>
    private static bool IsTemplateHeading(IElement e, IElement content) =>
        e.LocalName == "h2" && e.Id == "notes-heading" && e.ParentElement == content;

    public static bool IsSafeUrl(string url) =>
        url.StartsWith('#') || IsSitePath(url)
        || (url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith("http://", StringComparison.Ordinal))
            && !url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    private static bool IsSitePath(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\') && !url.Any(char.IsControl);

    [System.Text.RegularExpressions.GeneratedRegex("^0; url=/[a-z0-9/-]+/$")]
    private static partial System.Text.RegularExpressions.Regex RedirectToSitePath();

    private static bool ParsesAsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Short(string s)
    {
        s = s.Replace("\n", "\\n");
        return s.Length <= 160 ? s : s[..160] + "…";
    }

    /// <summary>The one SVG a page may hold: a chart the build drew (Rendering/Charts) in its figure, made only of
    /// shapes, text and links to the site's own pages, with no event handler, style or reference to anything else.</summary>
    private static bool IsBuildChart(AngleSharp.Dom.IElement e)
    {
        string[] shapes = ["svg", "g", "rect", "line", "path", "text", "tspan", "title", "desc", "a", "defs", "linearGradient", "lineargradient", "stop", "circle", "marker"];
        return e.LocalName == "svg" && e.ClassList.Contains("chart-svg") && e.ParentElement is { LocalName: "figure" } figure
            && figure.ClassList.Contains("chart")
            && e.QuerySelectorAll("*").Prepend(e).All(x => shapes.Contains(x.LocalName)
                && x.Attributes.All(a => !a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)
                    && a.Name is not ("style" or "xlink:href" or "src")
                    && (a.Name != "href" || x.LocalName == "a" && a.Value.StartsWith('/') && !a.Value.StartsWith("//", StringComparison.Ordinal))));
    }
}
