using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Briefings.Model;
using Briefings.Resolving;

namespace Briefings.Rendering;

/// <summary>What a page tells link previews and search engines beyond its title, description and canonical URL:
/// its Open Graph type and dates, and a schema.org description as JSON-LD.</summary>
/// <param name="JsonLd">A JSON text in which '&lt;', '&gt;' and '&amp;' are escaped, so it can be written raw inside
/// a script element: no contributor text can close it.</param>
public sealed record PreviewView(string OgType, string? PublishedTime, string? ModifiedTime, string JsonLd);

public sealed class LinkPreview(ArchiveIndex index)
{
    /// <summary>Escapes what HTML gives meaning to (&lt; &gt; &amp; ' " +) and leaves Hangul, Cyrillic and the rest
    /// readable. The JSON is written straight out, not built as a tree first: every page has some, and at 10,000
    /// briefings the tree was a tenth of the time spent on pages.</summary>
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private SiteSettings Site => index.Site;

    /// <summary>A page that shows no single document: the home page, a list, search.</summary>
    public PreviewView ForPage(string kind, string title, string description, string url)
    {
        var type = kind switch
        {
            "home" => "WebSite",
            "briefings" or "index" or "tag" or "timeline" or "corrections" or "list" => "CollectionPage",
            _ => "WebPage",
        };
        return new PreviewView("website", null, null, Json(w =>
        {
            Node(w, type, Site.Absolute(url), type == "WebSite" ? Site.Title : title);
            Set(w, "description", description);
            Set(w, "inLanguage", Site.Language);
            if (type == "WebSite")
            {
                SiteOrganization(w, "publisher");
                w.WriteStartObject("potentialAction");
                w.WriteString("@type", "SearchAction");
                w.WriteString("target", Site.Absolute(SiteUrls.SearchFor("{search_term_string}")));
                w.WriteString("query-input", "required name=search_term_string");
                w.WriteEndObject();
            }
            else WebSite(w, "isPartOf");
        }));
    }

    public PreviewView For(Document d, string description) => d switch
    {
        Briefing b => ForBriefing(b),
        Person p => new PreviewView("profile", null, null, Json(w => ForPerson(w, p, description))),
        Entity e => new PreviewView("website", null, null, Json(w => ForEntity(w, e, description))),
        _ => ForPage("page", d.DisplayName, description, d.Url),
    };

    private PreviewView ForBriefing(Briefing b)
    {
        var published = b.Date.ToString();
        var modified = ContentDates.Modified(b).ToString();
        return new PreviewView("article", published, modified, Json(w =>
        {
            Node(w, TypeOf(b), Site.Absolute(b.Url), null);
            w.WriteString("headline", b.Title);
            w.WriteString("description", b.Summary);
            w.WriteString("datePublished", published);
            w.WriteString("dateModified", modified);
            w.WriteString("inLanguage", Site.Language);
            w.WriteString("mainEntityOfPage", Site.Absolute(b.Url));
            if (b.Authors.Count > 0)
            {
                w.WriteStartArray("author");
                foreach (var a in b.Authors)
                {
                    w.WriteStartObject();
                    w.WriteString("@type", "Person");
                    w.WriteString("name", a);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            else SiteOrganization(w, "author");
            SiteOrganization(w, "publisher");
            WebSite(w, "isPartOf");
            Set(w, "keywords", b.Tags);
            Refs(w, "about", b.Actors.Select(r => r.Id));
            Refs(w, "mentions", b.MentionsOf());
            Refs(w, "contentLocation", index.CountriesOfBriefing(b).Select(c => c.Id));
            Citations(w, b);
        }));
    }

    private void ForPerson(Utf8JsonWriter w, Person p, string description)
    {
        Named(w, p, description);
        var current = p.Positions.Where(x => x.Until is null).OrderByDescending(x => x.From).FirstOrDefault();
        Set(w, "jobTitle", current?.Title);
        if (current is not null) Ref(w, "worksFor", current.Institution.Id);
        Refs(w, "affiliation", p.Positions.OrderByDescending(x => x.From).Select(x => x.Institution.Id));
        if (p.Country is { } c) Ref(w, "nationality", c.Id);
    }

    private void ForEntity(Utf8JsonWriter w, Entity e, string description)
    {
        Named(w, e, description);
        switch (e)
        {
            case Country c:
                w.WriteStartObject("identifier");
                w.WriteString("@type", "PropertyValue");
                w.WriteString("propertyID", "ISO 3166-1 alpha-2");
                w.WriteString("value", c.Iso);
                w.WriteEndObject();
                break;
            case Institution i:
                if (i.Parent is { } parent) Ref(w, "parentOrganization", parent.Id);
                Ref(w, "location", i.Country.Id);
                Set(w, "sameAs", i.Website);
                break;
            case Agreement a:
                if (a.Type == "treaty")
                {
                    w.WriteString("legislationType", "treaty");
                    Set(w, "legislationDate", a.Signed?.ToString());
                    Refs(w, "legislationPassedBy", a.Parties.Select(r => r.Id));
                    Set(w, "legislationLegalForce", a.Status switch { "in-force" => "InForce", "lapsed" => "NotInForce", _ => null });
                }
                else
                {
                    w.WriteString("genre", a.Type);
                    Set(w, "dateCreated", a.Signed?.ToString());
                    Refs(w, "contributor", a.Parties.Select(r => r.Id));
                }
                w.WriteString("creativeWorkStatus", a.Status);
                if (a.Place is { } place)
                {
                    w.WriteStartObject("locationCreated");
                    w.WriteString("@type", "Place");
                    w.WriteString("name", place);
                    w.WriteEndObject();
                }
                Citations(w, a);
                break;
        }
    }

    /// <summary>An entity's node: its names, including the former names of an institution.</summary>
    private void Named(Utf8JsonWriter w, Entity e, string description)
    {
        Node(w, TypeOf(e), Site.Absolute(e.Url), e.DisplayName);
        Set(w, "description", description);
        var names = new[] { e.NativeName }.Concat(e.Aliases).Concat(e is Institution i ? i.Names.Select(n => n.Name) : [])
            .OfType<string>().Where(n => n != e.DisplayName).Distinct(StringComparer.Ordinal).ToList();
        Set(w, "alternateName", names);
    }

    /// <summary>The schema.org type of a document.</summary>
    public static string TypeOf(Document d) => d switch
    {
        Briefing => "NewsArticle",
        Country => "Country",
        Person => "Person",
        Institution { Type: "court" or "prosecution" or "police" or "ministry" or "legislature" or "government" or "party" } => "GovernmentOrganization",
        Institution => "Organization",
        Agreement { Type: "treaty" } => "Legislation",
        Agreement => "CreativeWork",
        _ => "Thing",
    };

    private static void Node(Utf8JsonWriter w, string type, string url, string? name)
    {
        w.WriteString("@context", "https://schema.org");
        w.WriteString("@type", type);
        w.WriteString("@id", url);
        w.WriteString("url", url);
        Set(w, "name", name);
    }

    /// <summary>A reference to another document of the archive, if it is one.</summary>
    private void Ref(Utf8JsonWriter w, string key, string id)
    {
        if (index.Find(id) is not { } d) return;
        w.WritePropertyName(key);
        RefValue(w, d);
    }

    private void RefValue(Utf8JsonWriter w, Document d)
    {
        var url = Site.Absolute(d.Url);
        w.WriteStartObject();
        w.WriteString("@type", TypeOf(d));
        w.WriteString("@id", url);
        w.WriteString("name", d.DisplayName);
        w.WriteString("url", url);
        w.WriteEndObject();
    }

    /// <summary>References to the documents of the archive among <paramref name="ids"/>, each once; nothing when none is.</summary>
    private void Refs(Utf8JsonWriter w, string key, IEnumerable<string> ids)
    {
        var documents = ids.Distinct(StringComparer.Ordinal).Select(index.Find).OfType<Document>().ToList();
        if (documents.Count == 0) return;
        w.WriteStartArray(key);
        foreach (var d in documents) RefValue(w, d);
        w.WriteEndArray();
    }

    /// <summary>The document's sources, as the works it cites.</summary>
    private static void Citations(Utf8JsonWriter w, Document d)
    {
        if (d.Sources.Count == 0) return;
        w.WriteStartArray("citation");
        foreach (var s in d.Sources)
        {
            w.WriteStartObject();
            w.WriteString("@type", "CreativeWork");
            w.WriteString("name", s.Title);
            w.WriteString("url", s.Url);
            w.WriteStartObject("publisher");
            w.WriteString("@type", "Organization");
            w.WriteString("name", s.Publisher);
            w.WriteEndObject();
            Set(w, "datePublished", s.Published?.ToString());
            w.WriteString("inLanguage", s.Language);
            Set(w, "archivedAt", s.ArchiveUrl);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private void SiteOrganization(Utf8JsonWriter w, string key)
    {
        w.WriteStartObject(key);
        w.WriteString("@type", "Organization");
        w.WriteString("name", Site.Title);
        w.WriteString("url", Site.Absolute(SiteUrls.Home));
        w.WriteEndObject();
    }

    private void WebSite(Utf8JsonWriter w, string key)
    {
        w.WriteStartObject(key);
        w.WriteString("@type", "WebSite");
        w.WriteString("@id", Site.Absolute(SiteUrls.Home));
        w.WriteString("name", Site.Title);
        w.WriteString("url", Site.Absolute(SiteUrls.Home));
        w.WriteEndObject();
    }

    private static void Set(Utf8JsonWriter w, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value)) w.WriteString(key, value);
    }

    private static void Set(Utf8JsonWriter w, string key, IReadOnlyList<string> values)
    {
        if (values.Count == 0) return;
        w.WriteStartArray(key);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    /// <summary>One JSON object, its members written by <paramref name="members"/>.</summary>
    private static string Json(Action<Utf8JsonWriter> members)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            members(w);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
