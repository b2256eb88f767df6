using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Briefings.Model;
using Briefings.Resolving;

namespace Briefings.Publishing;

/// <summary>What a page tells link previews and search engines beyond its title, description and canonical URL:
/// its Open Graph type and dates, and a schema.org description as JSON-LD.</summary>
/// <param name="JsonLd">A JSON text in which '&lt;', '&gt;' and '&amp;' are escaped, so it can be written raw inside
/// a script element: no contributor text can close it.</param>
public sealed record PreviewView(string OgType, string? PublishedTime, string? ModifiedTime, string JsonLd);

public sealed class LinkPreview(ArchiveIndex index)
{
    /// <summary>Escapes what HTML gives meaning to (&lt; &gt; &amp; ' " +) and leaves Hangul, Cyrillic and the rest readable.</summary>
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private SiteSettings Site => index.Archive.Site;

    /// <summary>A page that shows no single document: the home page, a list, search.</summary>
    public PreviewView ForPage(string kind, string title, string description, string url)
    {
        var type = kind switch
        {
            "home" => "WebSite",
            "briefings" or "index" or "tag" or "timeline" => "CollectionPage",
            _ => "WebPage",
        };
        var ld = Node(type, Site.Absolute(url), type == "WebSite" ? Site.Title : title);
        Set(ld, "description", description);
        Set(ld, "inLanguage", Site.Language);
        if (type == "WebSite")
        {
            ld["publisher"] = SiteOrganization();
            ld["potentialAction"] = new JsonObject
            {
                ["@type"] = "SearchAction",
                ["target"] = Site.Absolute("/search/?q={search_term_string}"),
                ["query-input"] = "required name=search_term_string",
            };
        }
        else ld["isPartOf"] = WebSite();
        return new PreviewView("website", null, null, Serialize(ld));
    }

    public PreviewView For(Document d, string description) => d switch
    {
        Briefing b => ForBriefing(b),
        Person p => new PreviewView("profile", null, null, Serialize(ForPerson(p, description))),
        Entity e => new PreviewView("website", null, null, Serialize(ForEntity(e, description))),
        _ => throw new ArgumentOutOfRangeException(nameof(d)),
    };

    private PreviewView ForBriefing(Briefing b)
    {
        var ld = Node(TypeOf(b), Site.Absolute(b.Url), null);
        ld["headline"] = b.Title;
        ld["description"] = b.Summary;
        ld["datePublished"] = b.Date.ToString();
        ld["dateModified"] = ContentDates.Modified(b).ToString();
        ld["inLanguage"] = Site.Language;
        ld["mainEntityOfPage"] = Site.Absolute(b.Url);
        ld["author"] = b.Authors.Count > 0
            ? new JsonArray(b.Authors.Select(a => (JsonNode)new JsonObject { ["@type"] = "Person", ["name"] = a }).ToArray())
            : SiteOrganization();
        ld["publisher"] = SiteOrganization();
        ld["isPartOf"] = WebSite();
        Set(ld, "keywords", b.Tags);
        Set(ld, "about", Refs(b.Actors.Select(r => r.Id)));
        Set(ld, "mentions", Refs(ArchiveData.MentionsOf(b)));
        Set(ld, "contentLocation", Refs(index.CountriesOfBriefing(b).Select(c => c.Id)));
        Set(ld, "citation", Citations(b));
        return new PreviewView("article", b.Date.ToString(), ContentDates.Modified(b).ToString(), Serialize(ld));
    }

    private JsonObject ForPerson(Person p, string description)
    {
        var ld = Named(p, description);
        var current = p.Positions.Where(x => x.Until is null).OrderByDescending(x => x.From).FirstOrDefault();
        Set(ld, "jobTitle", current?.Title);
        if (current is not null && Ref(current.Institution.Id) is { } employer) ld["worksFor"] = employer;
        Set(ld, "affiliation", Refs(p.Positions.OrderByDescending(x => x.From).Select(x => x.Institution.Id)));
        if (p.Country is { } c && Ref(c.Id) is { } country) ld["nationality"] = country;
        return ld;
    }

    private JsonObject ForEntity(Entity e, string description)
    {
        var ld = Named(e, description);
        switch (e)
        {
            case Country c:
                ld["identifier"] = new JsonObject { ["@type"] = "PropertyValue", ["propertyID"] = "ISO 3166-1 alpha-2", ["value"] = c.Iso };
                break;
            case Institution i:
                if (i.Parent is { } parent && Ref(parent.Id) is { } p) ld["parentOrganization"] = p;
                if (Ref(i.Country.Id) is { } country) ld["location"] = country;
                Set(ld, "sameAs", i.Website);
                break;
            case Agreement a:
                if (a.Type == "treaty")
                {
                    ld["legislationType"] = "treaty";
                    Set(ld, "legislationDate", a.Signed?.ToString());
                    Set(ld, "legislationPassedBy", Refs(a.Parties.Select(r => r.Id)));
                    Set(ld, "legislationLegalForce", a.Status switch { "in-force" => "InForce", "lapsed" => "NotInForce", _ => null });
                }
                else
                {
                    ld["genre"] = a.Type;
                    Set(ld, "dateCreated", a.Signed?.ToString());
                    Set(ld, "contributor", Refs(a.Parties.Select(r => r.Id)));
                }
                ld["creativeWorkStatus"] = a.Status;
                if (a.Place is { } place) ld["locationCreated"] = new JsonObject { ["@type"] = "Place", ["name"] = place };
                Set(ld, "citation", Citations(a));
                break;
        }
        return ld;
    }

    /// <summary>An entity's node: its names, including the former names of an institution.</summary>
    private JsonObject Named(Entity e, string description)
    {
        var ld = Node(TypeOf(e), Site.Absolute(e.Url), e.DisplayName);
        Set(ld, "description", description);
        var names = new[] { e.NativeName }.Concat(e.Aliases).Concat(e is Institution i ? i.Names.Select(n => n.Name) : [])
            .OfType<string>().Where(n => n != e.DisplayName).Distinct(StringComparer.Ordinal).ToList();
        Set(ld, "alternateName", names);
        return ld;
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

    private JsonObject Node(string type, string url, string? name)
    {
        var node = new JsonObject { ["@context"] = "https://schema.org", ["@type"] = type, ["@id"] = url, ["url"] = url };
        Set(node, "name", name);
        return node;
    }

    private JsonObject? Ref(string id) => index.Find(id) is { } d
        ? new JsonObject { ["@type"] = TypeOf(d), ["@id"] = Site.Absolute(d.Url), ["name"] = d.DisplayName, ["url"] = Site.Absolute(d.Url) }
        : null;

    private JsonArray Refs(IEnumerable<string> ids) =>
        new(ids.Distinct(StringComparer.Ordinal).Select(Ref).OfType<JsonNode>().ToArray());

    /// <summary>The document's sources, as the works it cites.</summary>
    private static JsonArray Citations(Document d) => new(d.Sources.Select(s =>
    {
        var work = new JsonObject { ["@type"] = "CreativeWork", ["name"] = s.Title, ["url"] = s.Url };
        work["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = s.Publisher };
        Set(work, "datePublished", s.Published?.ToString());
        work["inLanguage"] = s.Language;
        Set(work, "archivedAt", s.ArchiveUrl);
        return (JsonNode)work;
    }).ToArray());

    private JsonObject SiteOrganization() => new() { ["@type"] = "Organization", ["name"] = Site.Title, ["url"] = Site.Absolute("/") };

    private JsonObject WebSite() => new() { ["@type"] = "WebSite", ["@id"] = Site.Absolute("/"), ["name"] = Site.Title, ["url"] = Site.Absolute("/") };

    private static void Set(JsonObject o, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value)) o[key] = value;
    }

    private static void Set(JsonObject o, string key, IReadOnlyList<string> values)
    {
        if (values.Count > 0) o[key] = new JsonArray(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
    }

    private static void Set(JsonObject o, string key, JsonArray values)
    {
        if (values.Count > 0) o[key] = values;
    }

    private static string Serialize(JsonObject ld) => ld.ToJsonString(Json);
}
