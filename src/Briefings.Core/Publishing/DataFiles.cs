using System.Text.Json;
using Briefings.Model;
using Briefings.Resolving;
using Briefings.Writing;

namespace Briefings.Publishing;

/// <summary>Everything under <c>/data/</c>: the archive as JSON with its schema, the same facts as CSV tables, and
/// <c>index.json</c>, which lists each file with its size and SHA-256 so a researcher can cite and verify the
/// exact version used. docs/data.md describes the files.</summary>
public static class DataFiles
{
    /// <summary>The folder of the data files, as a site path.</summary>
    public const string Folder = "/data/";
    public const string ArchivePath = "/data/archive.json";
    public const string SchemaPath = "/data/archive.schema.json";
    public const string IndexPath = "/data/index.json";

    /// <summary>A data file: its site-relative path, media type, what it holds, and the code that writes it.</summary>
    private sealed record DataFile(string Path, string MediaType, string Description, Action<Stream> Write);

    /// <summary>Writes every data file, streaming each to <paramref name="sink"/> and hashing it as it goes, then
    /// index.json with their sizes and digests. Returns the number of files.</summary>
    public static int Write(ArchiveIndex index, FileSink sink)
    {
        DataFile[] files =
        [
            new(ArchivePath, "application/json", "The whole archive: site, briefings, countries, institutions, people, agreements, events and sources.", s => ArchiveData.Write(index, s)),
            new(SchemaPath, "application/schema+json", "JSON Schema (draft 2020-12) of archive.json.", WriteSchema),
            new("/data/briefings.csv", "text/csv", "One row per briefing.", Text(w => Briefings(index, w))),
            new("/data/events.csv", "text/csv", "One row per event, oldest first.", Text(w => Events(index, w))),
            new("/data/entities.csv", "text/csv", "One row per country, institution, person and agreement.", Text(w => Entities(index, w))),
            new("/data/positions.csv", "text/csv", "One row per position a person held.", Text(w => Positions(index, w))),
            new("/data/agreements.csv", "text/csv", "One row per agreement.", Text(w => Agreements(index, w))),
            new("/data/sources.csv", "text/csv", "One row per source of every briefing and entity.", Text(w => Sources(index, w))),
        ];
        // Side by side: archive.json alone takes a third of a second at 10,000 briefings.
        var written = new (DataFile File, long Bytes, string Sha256)[files.Length];
        Parallel.For(0, files.Length, i => sink(files[i].Path.TrimStart('/'), stream =>
        {
            using var hashing = new HashingStream(stream);
            files[i].Write(hashing);
            written[i] = (files[i], hashing.Written, hashing.Sha256);
        }));
        sink(IndexPath.TrimStart('/'), stream => Index(index.Archive.Site, written, stream));
        return files.Length + 1;
    }

    private static Action<Stream> Text(Action<TextWriter> write) => stream =>
    {
        using var text = new Utf8FileWriter(stream);
        write(text);
    };

    /// <summary>The schema ships inside the program, beside the code whose output it describes.</summary>
    private static void WriteSchema(Stream output)
    {
        using var schema = typeof(DataFiles).Assembly.GetManifestResourceStream("Briefings.Publishing.archive.schema.json")
            ?? throw new InvalidOperationException("archive.schema.json is not embedded in the program");
        schema.CopyTo(output);
    }

    private static void Index(SiteSettings site, IEnumerable<(DataFile File, long Bytes, string Sha256)> files, Stream stream)
    {
        using (var w = new Utf8JsonWriter(stream, ArchiveData.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("site", site.Absolute("/"));
            w.WriteNumber("format_version", ArchiveData.FormatVersion);
            w.WriteStartArray("files");
            foreach (var (f, bytes, sha256) in files)
            {
                w.WriteStartObject();
                w.WriteString("path", f.Path);
                w.WriteString("url", site.Absolute(f.Path));
                w.WriteString("media_type", f.MediaType);
                w.WriteString("description", f.Description);
                w.WriteNumber("bytes", bytes);
                w.WriteString("sha256", sha256);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
    }

    private static string? Date(PartialDate? d) => d?.ToString();

    private static string Ids(IEnumerable<Ref> refs) => Csv.List(refs.Select(r => r.Id));

    private static void Briefings(ArchiveIndex index, TextWriter text)
    {
        var site = index.Archive.Site;
        var involves = ArchiveData.Involvement(index);
        var csv = new Csv(text, "id", "url", "title", "date", "updated", "summary", "countries", "actors", "agreements", "tags", "authors", "involves", "event_count", "source_count");
        foreach (var b in index.Briefings)
            csv.Row(b.Id, site.Absolute(b.Url), b.Title, b.Date.ToString(), Date(b.Updated), b.Summary, Ids(b.Countries), Ids(b.Actors),
                Ids(b.Agreements), Csv.List(b.Tags), Csv.List(b.Authors), Csv.List(involves[b.Id]), Number(b.Events.Count), Number(b.Sources.Count));
    }

    private static void Events(ArchiveIndex index, TextWriter text)
    {
        var site = index.Archive.Site;
        var csv = new Csv(text, "briefing", "number", "url", "date", "end", "type", "summary", "from", "to", "participants", "sources", "confidence");
        foreach (var entry in index.Events)
        {
            var e = entry.Event;
            csv.Row(entry.Briefing.Id, Number(e.Index + 1), site.Absolute(entry.Url), e.Date.ToString(), Date(e.End), e.Type, e.Summary,
                e.From?.Id, e.To?.Id, Ids(e.Participants), Ids(e.Sources.Select(c => c.Source)), e.Confidence);
        }
    }

    private static void Entities(ArchiveIndex index, TextWriter text)
    {
        var site = index.Archive.Site;
        var csv = new Csv(text, "kind", "id", "url", "name", "native_name", "aliases", "iso", "country", "type", "former_ids", "briefing_count");
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
    }

    private static void Positions(ArchiveIndex index, TextWriter text)
    {
        var site = index.Archive.Site;
        var csv = new Csv(text, "person", "number", "url", "institution", "title", "from", "until", "confidence", "sources");
        foreach (var p in index.Archive.People)
            foreach (var post in p.Positions)
                csv.Row(p.Id, Number(post.Index + 1), site.Absolute(new PostEntry(p, post).Url), post.Institution.Id, post.Title,
                    Date(post.From), Date(post.Until), post.Confidence, Ids(post.Sources.Select(c => c.Source)));
    }

    private static void Agreements(ArchiveIndex index, TextWriter text)
    {
        var site = index.Archive.Site;
        var csv = new Csv(text, "id", "url", "title", "type", "status", "signed", "place", "parties", "confidence", "former_ids", "briefing_count");
        foreach (var a in index.Archive.Agreements)
            csv.Row(a.Id, site.Absolute(a.Url), a.Title, a.Type, a.Status, Date(a.Signed), a.Place, Ids(a.Parties), a.Confidence,
                Ids(a.FormerIds), Number(index.BriefingsOf(a.Id).Count));
    }

    private static void Sources(ArchiveIndex index, TextWriter text)
    {
        var site = index.Archive.Site;
        var csv = new Csv(text, "document_kind", "document", "id", "permalink", "url", "title", "publisher", "published", "author", "language", "accessed", "archive_url", "kind");
        foreach (var (doc, s) in ArchiveData.AllSources(index.Archive))
            csv.Row(doc.Kind.Noun(), doc.Id, s.Id, site.Absolute(ArchiveData.SourcePermalink(doc, s)), s.Url, s.Title, s.Publisher,
                Date(s.Published), s.Author, s.Language, Date(s.Accessed), s.ArchiveUrl, s.Kind);
    }

    private static string Number(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
