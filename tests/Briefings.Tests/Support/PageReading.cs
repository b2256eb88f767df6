using AngleSharp.Dom;

namespace Briefings.Tests.Support;

/// <summary>Reading a page as a reader scans it: find the section under a heading, the items of its list.</summary>
public static class PageReading
{
    /// <summary>The section headed by a h2 whose text starts with the heading ("Briefings 3" for "Briefings").</summary>
    public static IElement Section(this IDocument page, string heading)
    {
        var h2 = page.QuerySelectorAll("main h2").FirstOrDefault(h => Text(h).StartsWith(heading, StringComparison.Ordinal));
        Assert.True(h2 is not null, $"no section headed '{heading}' on {page.Title}; headings: {string.Join(" | ", page.QuerySelectorAll("main h2").Select(Text))}");
        var section = h2!.Closest("section");
        Assert.True(section is not null, $"heading '{heading}' on {page.Title} heads no section");
        return section!;
    }

    public static bool HasSection(this IDocument page, string heading) =>
        page.QuerySelectorAll("main h2").Any(h => Text(h).StartsWith(heading, StringComparison.Ordinal));

    /// <summary>Where each item of the section's list leads: the first link of each list item, in order.</summary>
    public static IReadOnlyList<string> ItemLinks(this IElement section) =>
        section.QuerySelectorAll("li").Select(li => li.QuerySelector("a")?.GetAttribute("href") ?? "(no link)").ToList();

    /// <summary>The event permalinks of a section, in order: "/briefings/x/#event-2".</summary>
    public static IReadOnlyList<string> EventLinks(this IElement section) =>
        section.QuerySelectorAll("li").Select(li => li.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? "")
            .LastOrDefault(h => h.Contains("#event-", StringComparison.Ordinal)) ?? "(no event link)").ToList();

    /// <summary>A split list as a reader walks it: page after page by its "next" link, from its URL.</summary>
    public static List<(string Url, IDocument Page)> Walk(this SiteFixture site, string listUrl)
    {
        var pages = new List<(string, IDocument)>();
        for (string? url = listUrl; url is not null; url = site.Page(url).QuerySelector("head link[rel=next]")?.GetAttribute("href"))
        {
            Assert.True(pages.Count < 1000, $"{listUrl}: the next links go round in circles");
            pages.Add((url, site.Page(url)));
        }
        return pages;
    }

    /// <summary>The permanent addresses of the events a page lists, in order.</summary>
    public static IReadOnlyList<string> EventsOn(this IParentNode page) =>
        page.QuerySelectorAll("ol.events > li").Select(li => li.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? "")
            .Last(h => h.Contains("#event-", StringComparison.Ordinal))).ToList();

    /// <summary>The text a reader sees, whitespace collapsed.</summary>
    public static string Text(this IElement e) =>
        string.Join(' ', e.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
