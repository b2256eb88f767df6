using System.Text.Encodings.Web;
using System.Text.Json;
using Briefings.Model;
using Briefings.Rendering;
using Briefings.Resolving;

namespace Briefings.Publishing;

/// <summary><c>/data/archive.json</c>: the whole archive as one JSON document, described by archive.schema.json.
/// Written member by member so the order of properties is part of the format, and every optional field is
/// present (as null or an empty list) so each record of a kind has the same shape.</summary>
public static class ArchiveData
{
    /// <summary>Raised when the format changes in a way a reader must know about.</summary>
    public const int FormatVersion = 1;

    // The data files are served as application/json and never inlined in HTML, so only what JSON requires is
    // escaped and contributors' quotes and Hangul stay readable. Compact, not indented: for a large archive
    // indentation doubles a file that already runs to tens of megabytes.
    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes archive.json to <paramref name="stream"/> as it goes: at 100,000 briefings it is around a
    /// gigabyte, which must never sit in memory whole.</summary>
    public static void Write(ArchiveIndex index, Stream stream)
    {
        var archive = index.Archive;
        var site = archive.Site;
        var involves = Involvement(index);
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("$schema", site.Absolute(DataDownloads.SchemaPath));
            w.WriteNumber("format_version", FormatVersion);
            w.WriteStartObject("site");
            w.WriteString("title", site.Title);
            w.WriteString("description", site.Description);
            w.WriteString("base_url", site.BaseUrl);
            w.WriteString("language", site.Language);
            w.WriteEndObject();

            w.WriteStartArray("briefings");
            foreach (var b in index.Briefings)
            {
                Briefing(w, index, site, b, involves);
                FlushSometimes(w);
            }
            w.WriteEndArray();
            Array(w, "countries", archive.Countries, c =>
            {
                EntityStart(w, site, c, c.Name);
                w.WriteString("iso", c.Iso);
                EntityEnd(w, index, c);
            });
            Array(w, "institutions", archive.Institutions, i =>
            {
                EntityStart(w, site, i, i.Name);
                w.WriteString("country", i.Country.Id);
                w.WriteString("type", i.Type);
                Text(w, "parent", i.Parent?.Id);
                w.WriteStartArray("names");
                foreach (var n in i.Names)
                {
                    w.WriteStartObject();
                    w.WriteString("name", n.Name);
                    Date(w, "from", n.From);
                    Date(w, "until", n.Until);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                Text(w, "website", i.Website);
                EntityEnd(w, index, i);
            });
            Array(w, "people", archive.People, p =>
            {
                EntityStart(w, site, p, p.Name);
                Text(w, "country", p.Country?.Id);
                w.WriteStartArray("positions");
                foreach (var post in p.Positions)
                {
                    var entry = new PostEntry(p, post);
                    w.WriteStartObject();
                    w.WriteNumber("number", post.Index + 1);
                    w.WriteString("url", site.Absolute(entry.Url));
                    w.WriteString("anchor", entry.Anchor);
                    w.WriteString("institution", post.Institution.Id);
                    Text(w, "title", post.Title);
                    Date(w, "from", post.From);
                    Date(w, "until", post.Until);
                    Text(w, "confidence", post.Confidence);
                    Ids(w, "sources", post.Sources.Select(c => c.Source));
                    Citations(w, post.Sources);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                EntityEnd(w, index, p);
            });
            Array(w, "agreements", archive.Agreements, a =>
            {
                EntityStart(w, site, a, a.Title);
                w.WriteString("type", a.Type);
                w.WriteString("status", a.Status);
                Date(w, "signed", a.Signed);
                Text(w, "place", a.Place);
                Ids(w, "parties", a.Parties);
                Text(w, "confidence", a.Confidence);
                EntityEnd(w, index, a);
            });

            w.WriteStartArray("events");
            foreach (var e in index.Events)
            {
                Event(w, site, e);
                FlushSometimes(w);
            }
            w.WriteEndArray();
            w.WriteStartArray("sources");
            foreach (var (doc, s) in archive.AllSources())
            {
                Source(w, site, doc, s);
                FlushSometimes(w);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
    }

    /// <summary>A Utf8JsonWriter keeps everything in its own buffer until flushed.</summary>
    internal static void FlushSometimes(Utf8JsonWriter w)
    {
        if (w.BytesPending > 64 * 1024) w.Flush();
    }

    private static void Citations(Utf8JsonWriter w, IEnumerable<Citation> citations)
    {
        w.WriteStartArray("citations");
        foreach (var c in citations)
        {
            w.WriteStartObject();
            w.WriteString("source", c.Source.Id);
            Text(w, "quote", c.Quote);
            Text(w, "translation", c.Translation);
            Text(w, "locator", c.Locator);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Corrections(Utf8JsonWriter w, Document d)
    {
        w.WriteStartArray("corrections");
        foreach (var c in d.Corrections)
        {
            w.WriteStartObject();
            w.WriteString("date", c.Date.ToString());
            w.WriteString("note", c.Note);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>For each briefing, the entities whose pages list it: the inverse of <see cref="ArchiveIndex.BriefingsOf"/>.</summary>
    public static Dictionary<string, List<string>> Involvement(ArchiveIndex index)
    {
        var map = index.Briefings.ToDictionary(b => b.Id, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var e in index.Archive.Documents.OfType<Entity>())
            foreach (var b in index.BriefingsOf(e.Id))
                map[b.Id].Add(e.Id);
        return map;
    }

    private static void Briefing(Utf8JsonWriter w, ArchiveIndex index, SiteSettings site, Briefing b, Dictionary<string, List<string>> involves)
    {
        w.WriteStartObject();
        w.WriteString("id", b.Id);
        w.WriteString("url", site.Absolute(b.Url));
        w.WriteString("title", b.Title);
        w.WriteString("date", b.Date.ToString());
        Date(w, "updated", b.Updated);
        w.WriteString("summary", b.Summary);
        Ids(w, "countries", b.Countries);
        Ids(w, "actors", b.Actors);
        Ids(w, "agreements", b.Agreements);
        Strings(w, "tags", b.Tags);
        Strings(w, "authors", b.Authors);
        Strings(w, "mentions", b.MentionsOf());
        Strings(w, "involves", involves[b.Id]);
        w.WriteNumber("event_count", b.Events.Count);
        Strings(w, "sources", index.ListedSources(b).Select(s => s.Id).ToList());
        Corrections(w, b);
        w.WriteString("body", b.Body);
        w.WriteEndObject();
    }

    private static void EntityStart(Utf8JsonWriter w, SiteSettings site, Entity e, string name)
    {
        w.WriteStartObject();
        w.WriteString("id", e.Id);
        w.WriteString("url", site.Absolute(e.Url));
        w.WriteString("feed", site.Absolute(SiteUrls.FeedOf(e)));
        w.WriteString(e is Agreement ? "title" : "name", name);
        if (e is not Agreement)
        {
            Text(w, "native_name", e.NativeName);
            Strings(w, "aliases", e.Aliases);
        }
    }

    private static void EntityEnd(Utf8JsonWriter w, ArchiveIndex index, Entity e)
    {
        Ids(w, "former_ids", e.FormerIds);
        Strings(w, "sources", index.ListedSources(e).Select(s => s.Id).ToList());
        Strings(w, "briefings", index.BriefingsOf(e.Id).Select(b => b.Id).ToList());
        Corrections(w, e);
        w.WriteString("body", e.Body);
        w.WriteEndObject();
    }

    private static void Event(Utf8JsonWriter w, SiteSettings site, EventEntry entry)
    {
        var e = entry.Event;
        w.WriteStartObject();
        w.WriteString("briefing", entry.Briefing.Id);
        w.WriteNumber("number", e.Index + 1);
        w.WriteString("url", site.Absolute(entry.Url));
        w.WriteString("anchor", entry.Anchor);
        w.WriteString("date", e.Date.ToString());
        Date(w, "end", e.End);
        w.WriteString("type", e.Type);
        w.WriteString("summary", e.Summary);
        Text(w, "from", e.From?.Id);
        Text(w, "to", e.To?.Id);
        Ids(w, "participants", e.Participants);
        Ids(w, "sources", e.Sources.Select(c => c.Source));
        Citations(w, e.Sources);
        Text(w, "confidence", e.Confidence);
        w.WriteEndObject();
    }

    private static void Source(Utf8JsonWriter w, SiteSettings site, Document doc, Source s)
    {
        w.WriteStartObject();
        w.WriteString("document", doc.Id);
        w.WriteString("document_kind", doc.Kind.Noun());
        w.WriteString("id", s.Id);
        w.WriteString("permalink", site.Absolute(SourcePermalink(doc, s)));
        w.WriteString("url", s.Url);
        w.WriteString("title", s.Title);
        w.WriteString("publisher", s.Publisher);
        Date(w, "published", s.Published);
        Text(w, "author", s.Author);
        w.WriteString("language", s.Language);
        Date(w, "accessed", s.Accessed);
        Text(w, "archive_url", s.ArchiveUrl);
        Text(w, "kind", s.Kind);
        w.WriteEndObject();
    }

    /// <summary>Where a source is listed on its document's page; a catalog source has a page of its own.</summary>
    public static string SourcePermalink(Document doc, Source s) => doc is CatalogSource ? doc.Url : SiteUrls.At(doc.Url, SiteUrls.SourceAnchor(s.Id));

    private static void Array<T>(Utf8JsonWriter w, string name, IEnumerable<T> items, Action<T> write)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            write(item);
            FlushSometimes(w);
        }
        w.WriteEndArray();
    }

    private static void Text(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    private static void Date(Utf8JsonWriter w, string name, PartialDate? value) => Text(w, name, value?.ToString());

    private static void Ids(Utf8JsonWriter w, string name, IEnumerable<Ref> refs) => Strings(w, name, refs.Select(r => r.Id).ToList());

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
