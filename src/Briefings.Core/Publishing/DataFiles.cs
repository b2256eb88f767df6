using System.Security.Cryptography;
using System.Text.Json;
using Briefings.Model;
using Briefings.Resolving;

namespace Briefings.Publishing;

/// <summary>Everything under <c>/data/</c>: the archive as JSON with its schema, the same facts as CSV tables, and
/// <c>index.json</c>, which lists each file with its size and SHA-256 so a researcher can cite and verify the
/// exact version used. docs/data.md describes the files.</summary>
public static class DataFiles
{
    public const string ArchivePath = "/data/archive.json";
    public const string SchemaPath = "/data/archive.schema.json";
    public const string IndexPath = "/data/index.json";

    /// <summary>A data file: its site-relative path, media type, what it holds, and its bytes.</summary>
    public sealed record DataFile(string Path, string MediaType, string Description, byte[] Content);

    /// <summary>Every data file, index.json last.</summary>
    public static IReadOnlyList<DataFile> All(ArchiveIndex index)
    {
        var files = new List<DataFile>
        {
            new(ArchivePath, "application/json", "The whole archive: site, briefings, countries, institutions, people, agreements, events and sources.", ArchiveData.Json(index)),
            new(SchemaPath, "application/schema+json", "JSON Schema (draft 2020-12) of archive.json.", Schema()),
            new("/data/briefings.csv", "text/csv", "One row per briefing.", Briefings(index)),
            new("/data/events.csv", "text/csv", "One row per event, oldest first.", Events(index)),
            new("/data/entities.csv", "text/csv", "One row per country, institution, person and agreement.", Entities(index)),
            new("/data/positions.csv", "text/csv", "One row per position a person held.", Positions(index)),
            new("/data/agreements.csv", "text/csv", "One row per agreement.", Agreements(index)),
            new("/data/sources.csv", "text/csv", "One row per source of every briefing and entity.", Sources(index)),
        };
        files.Add(new(IndexPath, "application/json", "This list.", Index(index.Archive.Site, files)));
        return files;
    }

    /// <summary>The schema ships inside the program, beside the code whose output it describes.</summary>
    public static byte[] Schema()
    {
        using var stream = typeof(DataFiles).Assembly.GetManifestResourceStream("Briefings.Publishing.archive.schema.json")
            ?? throw new InvalidOperationException("archive.schema.json is not embedded in the program");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static byte[] Index(SiteSettings site, IEnumerable<DataFile> files)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, ArchiveData.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("site", site.Absolute("/"));
            w.WriteNumber("format_version", ArchiveData.FormatVersion);
            w.WriteStartArray("files");
            foreach (var f in files)
            {
                w.WriteStartObject();
                w.WriteString("path", f.Path);
                w.WriteString("url", site.Absolute(f.Path));
                w.WriteString("media_type", f.MediaType);
                w.WriteString("description", f.Description);
                w.WriteNumber("bytes", f.Content.Length);
                w.WriteString("sha256", Convert.ToHexStringLower(SHA256.HashData(f.Content)));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static string? Date(PartialDate? d) => d?.ToString();

    private static string Ids(IEnumerable<Ref> refs) => Csv.List(refs.Select(r => r.Id));

    private static byte[] Briefings(ArchiveIndex index)
    {
        var site = index.Archive.Site;
        var involves = ArchiveData.Involvement(index);
        var csv = new Csv("id", "url", "title", "date", "updated", "summary", "countries", "actors", "agreements", "tags", "authors", "involves", "event_count", "source_count");
        foreach (var b in index.Briefings)
            csv.Row(b.Id, site.Absolute(b.Url), b.Title, b.Date.ToString(), Date(b.Updated), b.Summary, Ids(b.Countries), Ids(b.Actors),
                Ids(b.Agreements), Csv.List(b.Tags), Csv.List(b.Authors), Csv.List(involves[b.Id]), Number(b.Events.Count), Number(b.Sources.Count));
        return csv.ToBytes();
    }

    private static byte[] Events(ArchiveIndex index)
    {
        var site = index.Archive.Site;
        var csv = new Csv("briefing", "number", "url", "date", "end", "type", "summary", "from", "to", "participants", "sources", "confidence");
        foreach (var entry in index.Events)
        {
            var e = entry.Event;
            csv.Row(entry.Briefing.Id, Number(e.Index + 1), site.Absolute(entry.Url), e.Date.ToString(), Date(e.End), e.Type, e.Summary,
                e.From?.Id, e.To?.Id, Ids(e.Participants), Ids(e.Sources), e.Confidence);
        }
        return csv.ToBytes();
    }

    private static byte[] Entities(ArchiveIndex index)
    {
        var site = index.Archive.Site;
        var csv = new Csv("kind", "id", "url", "name", "native_name", "aliases", "iso", "country", "type", "former_ids", "briefing_count");
        foreach (var e in index.Archive.Documents.OfType<Entity>())
        {
            var (iso, country, type) = e switch
            {
                Country c => (c.Iso, null, null),
                Institution i => (null, i.Country.Id, i.Type),
                Person p => (null, p.Country?.Id, null),
                Agreement a => ((string?)null, (string?)null, a.Type),
                _ => (null, null, null),
            };
            csv.Row(e.Kind.Noun(), e.Id, site.Absolute(e.Url), e.DisplayName, e.NativeName, Csv.List(e.Aliases), iso, country, type,
                Ids(e.FormerIds), Number(index.BriefingsOf(e.Id).Count));
        }
        return csv.ToBytes();
    }

    private static byte[] Positions(ArchiveIndex index)
    {
        var site = index.Archive.Site;
        var csv = new Csv("person", "number", "url", "institution", "title", "from", "until", "confidence", "sources");
        foreach (var p in index.Archive.People)
            foreach (var post in p.Positions)
                csv.Row(p.Id, Number(post.Index + 1), site.Absolute(new PostEntry(p, post).Url), post.Institution.Id, post.Title,
                    Date(post.From), Date(post.Until), post.Confidence, Ids(post.Sources));
        return csv.ToBytes();
    }

    private static byte[] Agreements(ArchiveIndex index)
    {
        var site = index.Archive.Site;
        var csv = new Csv("id", "url", "title", "type", "status", "signed", "place", "parties", "confidence", "former_ids", "briefing_count");
        foreach (var a in index.Archive.Agreements)
            csv.Row(a.Id, site.Absolute(a.Url), a.Title, a.Type, a.Status, Date(a.Signed), a.Place, Ids(a.Parties), a.Confidence,
                Ids(a.FormerIds), Number(index.BriefingsOf(a.Id).Count));
        return csv.ToBytes();
    }

    private static byte[] Sources(ArchiveIndex index)
    {
        var site = index.Archive.Site;
        var csv = new Csv("document_kind", "document", "id", "permalink", "url", "title", "publisher", "published", "author", "language", "accessed", "archive_url", "kind");
        foreach (var (doc, s) in ArchiveData.AllSources(index.Archive))
            csv.Row(doc.Kind.Noun(), doc.Id, s.Id, site.Absolute(ArchiveData.SourcePermalink(doc, s)), s.Url, s.Title, s.Publisher,
                Date(s.Published), s.Author, s.Language, Date(s.Accessed), s.ArchiveUrl, s.Kind);
        return csv.ToBytes();
    }

    private static string Number(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
