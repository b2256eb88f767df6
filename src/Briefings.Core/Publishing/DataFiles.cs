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
    public static readonly string ArchivePath = SiteUrls.Data("archive.json");
    public static readonly string SchemaPath = SiteUrls.Data("archive.schema.json");
    public static readonly string IndexPath = SiteUrls.Data("index.json");

    /// <summary>A data file as the <c>/data/</c> page describes it: its site-relative path, media type, what it
    /// holds, and for a table its columns.</summary>
    public sealed record DataFileInfo(string Path, string MediaType, string Description, IReadOnlyList<string> Columns);

    private static DataFileInfo Table(string name, string description, params string[] columns) =>
        new(SiteUrls.Data($"{name}.csv"), "text/csv", description, columns);

    private static readonly DataFileInfo ArchiveFile = new(ArchivePath, "application/json",
        "The whole archive: site, briefings, countries, institutions, people, agreements, events and sources.", []);
    private static readonly DataFileInfo SchemaFile = new(SchemaPath, "application/schema+json", "JSON Schema (draft 2020-12) of archive.json.", []);
    private static readonly DataFileInfo BriefingsTable = Table("briefings", "One row per briefing.",
        "id", "url", "title", "date", "updated", "summary", "countries", "actors", "agreements", "tags", "authors", "involves", "event_count", "source_count");
    private static readonly DataFileInfo EventsTable = Table("events", "One row per event, oldest first.",
        "briefing", "number", "url", "date", "end", "type", "summary", "from", "to", "participants", "sources", "confidence", "anchor");
    private static readonly DataFileInfo EntitiesTable = Table("entities", "One row per country, institution, person and agreement.",
        "kind", "id", "url", "name", "native_name", "aliases", "iso", "country", "type", "former_ids", "briefing_count");
    private static readonly DataFileInfo PositionsTable = Table("positions", "One row per position a person held.",
        "person", "number", "url", "institution", "title", "from", "until", "confidence", "sources", "anchor");
    private static readonly DataFileInfo AgreementsTable = Table("agreements", "One row per agreement.",
        "id", "url", "title", "type", "status", "signed", "place", "parties", "confidence", "former_ids", "briefing_count");
    private static readonly DataFileInfo SourcesTable = Table("sources", "One row per source of every briefing and entity, and one per source of the catalog.",
        "document_kind", "document", "id", "permalink", "url", "title", "publisher", "published", "author", "language", "accessed", "archive_url", "kind");
    private static readonly DataFileInfo QuotesTable = Table("quotes", "One row per quote: the words of a source that support an event or a position.",
        "fact_kind", "file", "anchor", "url", "source", "language", "quote", "translation", "locator");
    private static readonly DataFileInfo CorrectionsTable = Table("corrections", "One row per correction, newest first.",
        "kind", "file", "url", "date", "note");

    /// <summary>Every data file but index.json, in the order index.json lists them.</summary>
    public static readonly IReadOnlyList<DataFileInfo> Files =
        [ArchiveFile, SchemaFile, BriefingsTable, EventsTable, EntitiesTable, PositionsTable, AgreementsTable, SourcesTable, QuotesTable, CorrectionsTable];

    /// <summary>The code that writes a data file.</summary>
    private static Action<Stream> Writer(DataFileInfo file, ArchiveIndex index)
    {
        if (file == ArchiveFile) return s => ArchiveData.Write(index, s);
        if (file == SchemaFile) return WriteSchema;
        Action<ArchiveIndex, Csv> rows =
            file == BriefingsTable ? Briefings : file == EventsTable ? Events : file == EntitiesTable ? Entities
            : file == PositionsTable ? Positions : file == AgreementsTable ? Agreements : file == SourcesTable ? Sources
            : file == QuotesTable ? Quotes : file == CorrectionsTable ? CorrectionRows
            : throw new ArgumentOutOfRangeException(nameof(file));
        return Text(w => rows(index, new Csv(w, [.. file.Columns])));
    }

    /// <summary>Writes every data file, streaming each to <paramref name="sink"/> and hashing it as it goes, then
    /// index.json with their sizes and digests. Returns the number of files.</summary>
    public static int Write(ArchiveIndex index, FileSink sink)
    {
        // Side by side: archive.json alone takes a third of a second at 10,000 briefings.
        var written = new (DataFileInfo File, long Bytes, string Sha256)[Files.Count];
        Parallel.For(0, Files.Count, i => sink(Files[i].Path.TrimStart('/'), stream =>
        {
            using var hashing = new HashingStream(stream);
            Writer(Files[i], index)(hashing);
            written[i] = (Files[i], hashing.Written, hashing.Sha256);
        }));
        sink(IndexPath.TrimStart('/'), stream => Index(index.Archive.Site, written, stream));
        return Files.Count + 1;
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

    private static void Index(SiteSettings site, IEnumerable<(DataFileInfo File, long Bytes, string Sha256)> files, Stream stream)
    {
        using (var w = new Utf8JsonWriter(stream, ArchiveData.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("site", site.Absolute(SiteUrls.Home));
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

    private static void Briefings(ArchiveIndex index, Csv csv)
    {
        var site = index.Archive.Site;
        var involves = ArchiveData.Involvement(index);
        foreach (var b in index.Briefings)
            csv.Row(b.Id, site.Absolute(b.Url), b.Title, b.Date.ToString(), Date(b.Updated), b.Summary, Ids(b.Countries), Ids(b.Actors),
                Ids(b.Agreements), Csv.List(b.Tags), Csv.List(b.Authors), Csv.List(involves[b.Id]), Number(b.Events.Count), Number(b.Sources.Count));
    }

    private static void Events(ArchiveIndex index, Csv csv)
    {
        var site = index.Archive.Site;
        foreach (var entry in index.Events)
        {
            var e = entry.Event;
            csv.Row(entry.Briefing.Id, Number(e.Index + 1), site.Absolute(entry.Url), e.Date.ToString(), Date(e.End), e.Type, e.Summary,
                e.From?.Id, e.To?.Id, Ids(e.Participants), Ids(e.Sources.Select(c => c.Source)), e.Confidence, entry.Anchor);
        }
    }

    private static void Entities(ArchiveIndex index, Csv csv)
    {
        var site = index.Archive.Site;
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

    private static void Positions(ArchiveIndex index, Csv csv)
    {
        var site = index.Archive.Site;
        foreach (var p in index.Archive.People)
            foreach (var entry in p.Positions.Select(post => new PostEntry(p, post)))
            {
                var post = entry.Post;
                csv.Row(p.Id, Number(post.Index + 1), site.Absolute(entry.Url), post.Institution.Id, post.Title,
                    Date(post.From), Date(post.Until), post.Confidence, Ids(post.Sources.Select(c => c.Source)), entry.Anchor);
            }
    }

    private static void Agreements(ArchiveIndex index, Csv csv)
    {
        var site = index.Archive.Site;
        foreach (var a in index.Archive.Agreements)
            csv.Row(a.Id, site.Absolute(a.Url), a.Title, a.Type, a.Status, Date(a.Signed), a.Place, Ids(a.Parties), a.Confidence,
                Ids(a.FormerIds), Number(index.BriefingsOf(a.Id).Count));
    }

    private static void Sources(ArchiveIndex index, Csv csv)
    {
        var site = index.Archive.Site;
        foreach (var (doc, s) in index.Archive.AllSources())
            csv.Row(doc.Kind.Noun(), doc.Id, s.Id, site.Absolute(ArchiveData.SourcePermalink(doc, s)), s.Url, s.Title, s.Publisher,
                Date(s.Published), s.Author, s.Language, Date(s.Accessed), s.ArchiveUrl, s.Kind);
    }

    private static void Quotes(ArchiveIndex index, Csv csv)
    {
        var archive = index.Archive;
        void Rows(string kind, Document file, string anchor, string url, IEnumerable<Citation> citations)
        {
            foreach (var c in citations.Where(c => c.Quote is not null))
                csv.Row(kind, file.Id, anchor, archive.Site.Absolute(url), c.Source.Id, archive.SourceOf(file, c.Source.Id)?.Language,
                    c.Quote, c.Translation, c.Locator);
        }
        foreach (var e in index.Events) Rows("event", e.Briefing, e.Anchor, e.Url, e.Event.Sources);
        foreach (var p in archive.People)
            foreach (var entry in p.Positions.Select(post => new PostEntry(p, post)))
                Rows("position", p, entry.Anchor, entry.Url, entry.Post.Sources);
    }

    private static void CorrectionRows(ArchiveIndex index, Csv csv)
    {
        foreach (var c in Publishing.Corrections.All(index.Archive))
            csv.Row(c.File.Kind.Noun(), c.File.Id, index.Archive.Site.Absolute(c.File.Url), c.Correction.Date.ToString(), c.Correction.Note);
    }

    private static string Number(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
