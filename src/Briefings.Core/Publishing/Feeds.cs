using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Briefings.Model;
using Briefings.Rendering;
using Briefings.Resolving;

namespace Briefings.Publishing;

/// <summary>The Atom feeds: <c>/feed.xml</c> with the latest briefings, and one per entity with every briefing that
/// involves or mentions it. Every date comes from the content, so a rebuild of the same input changes no byte and
/// feed readers see an entry as new only when it is.</summary>
public static class Feeds
{
    public const int Latest = 50;

    /// <summary>Each feed as its site-relative path and its bytes.</summary>
    public static IEnumerable<(string Path, Func<byte[]> Content)> All(ArchiveIndex index)
    {
        var site = index.Site;
        var views = new Rendering.ViewFactory(index);
        // An empty feed still needs an <updated>; the archive's newest date keeps it fixed for fixed input. Worked
        // out once, when a feed first needs it: many entities of a large archive have no briefing yet.
        var newest = new Reads.Shared<int, PartialDate>();
        PartialDate ArchiveUpdated() => newest.Get(0, _ => ContentDates.Newest(index.Briefings) ?? new PartialDate(1970, 1, 1));
        yield return (SiteUrls.Feed, () => Atom(site, SiteUrls.Feed, SiteUrls.Home, site.Title, site.Description, index.Briefings.Take(Latest).ToList(), ArchiveUpdated, views));
        foreach (var e in index.Archive.Documents.OfType<Entity>())
            yield return (SiteUrls.FeedOf(e), () =>
            {
                var name = views.Link(e).Name;
                return Atom(site, SiteUrls.FeedOf(e), e.Url, $"{name} · {site.Title}",
                    $"The latest briefings that involve or mention {name}.", index.BriefingsOf(e.Id).Take(Latest).ToList(), ArchiveUpdated, views);
            }
            );
    }

    private static byte[] Atom(SiteSettings site, string path, string pageUrl, string title, string subtitle, IReadOnlyList<Briefing> briefings,
        Func<PartialDate> archiveUpdated, Rendering.ViewFactory views)
    {
        var feed = new SyndicationFeed
        {
            Id = site.Absolute(path),
            Title = Text(title),
            Language = site.Language,
            LastUpdatedTime = ContentDates.Midnight(ContentDates.Newest(briefings) ?? archiveUpdated()),
        };
        if (subtitle.Length > 0) feed.Description = Text(subtitle);
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(site.Absolute(path)), "application/atom+xml"));
        feed.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(site.Absolute(pageUrl)), "text/html"));
        // Atom requires an author on the feed or on every entry; the site answers for the briefings it publishes.
        feed.Authors.Add(new SyndicationPerson { Name = XmlSafe(site.Title), Uri = site.Absolute(SiteUrls.Home) });
        feed.Items = briefings.Select(b => Entry(site, b, views)).ToList();
        return Serialize(feed);
    }

    private static SyndicationItem Entry(SiteSettings site, Briefing b, Rendering.ViewFactory views)
    {
        var item = new SyndicationItem
        {
            Id = site.Absolute(b.Url),
            Title = Text(b.Title),
            Summary = Text(b.Summary),
            Content = new TextSyndicationContent(XmlSafe(Content(site, b, views)), TextSyndicationContentKind.Html),
            PublishDate = ContentDates.Midnight(b.Date),
            LastUpdatedTime = ContentDates.Midnight(ContentDates.Modified(b)),
        };
        item.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(site.Absolute(b.Url)), "text/html"));
        foreach (var author in b.Authors) item.Authors.Add(new SyndicationPerson { Name = XmlSafe(author) });
        foreach (var tag in b.Tags) item.Categories.Add(new SyndicationCategory(tag));
        return item;
    }

    /// <summary>An entry's content: the summary, the briefing's corrections (newest first), and each event with its
    /// permanent address, so a reader of the feed sees what changed and can cite a fact.</summary>
    private static string Content(SiteSettings site, Briefing b, Rendering.ViewFactory views)
    {
        static string H(string text) => System.Net.WebUtility.HtmlEncode(text);
        var html = new StringBuilder();
        html.Append("<p>").Append(H(b.Summary)).Append("</p>");
        foreach (var c in Corrections.Of(b))
            html.Append("<p><strong>Corrected ").Append(H(c.Date.ToDisplay())).Append(":</strong> ").Append(views.InlineHtml(b, c.Note)).Append("</p>");
        if (b.Events.Count > 0)
        {
            html.Append("<p>Events:</p><ul>");
            foreach (var e in b.Events)
                html.Append("<li><a href=\"").Append(H(site.Absolute(new EventEntry(b, e).Url))).Append("\">")
                    .Append(H($"{e.Date.ToDisplay()}, {e.Type}")).Append("</a></li>");
            html.Append("</ul>");
        }
        return html.ToString();
    }

    private static byte[] Serialize(SyndicationFeed feed)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };
        using (var writer = XmlWriter.Create(stream, settings))
        {
            // Feed readers pass over a processing instruction; a browser opening the feed shows it as a page.
            writer.WriteProcessingInstruction("xml-stylesheet", $"type=\"text/xsl\" href=\"{SiteUrls.FeedStylesheet}\"");
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }
        return stream.ToArray();
    }

    private static TextSyndicationContent Text(string text) => new(XmlSafe(text), TextSyndicationContentKind.Plaintext);

    /// <summary>Drops the characters XML 1.0 cannot hold at all (most C0 controls): YAML can carry them in escaped
    /// strings, and one would otherwise stop the build or break every feed reader.</summary>
    public static string XmlSafe(string text)
    {
        StringBuilder? kept = null;
        for (int i = 0; i < text.Length; i++)
        {
            int width = XmlConvert.IsXmlChar(text[i]) ? 1
                : i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]) ? 2 : 0;
            if (width == 0)
            {
                kept ??= new StringBuilder(text, 0, i, text.Length);
                continue;
            }
            kept?.Append(text, i, width);
            i += width - 1;
        }
        return kept?.ToString() ?? text;
    }
}
