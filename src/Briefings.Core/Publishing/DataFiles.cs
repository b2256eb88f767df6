using System.Text.Json;
using Briefings.Model;
using Briefings.Rendering;
using Briefings.Resolving;
using Briefings.Writing;

namespace Briefings.Publishing;

/// <summary>Everything under <c>/data/</c>: the archive as JSON with its schema, the same facts as CSV tables, and
/// <c>index.json</c>, which lists each file with its size and SHA-256 so a researcher can cite and verify the
/// exact version used. docs/data.md describes the files.</summary>
public static class DataFiles
{
    /// <summary>The code that writes a data file.</summary>
    private static Action<Stream> Writer(DataDownloads.File file, ArchiveIndex index)
    {
        if (file == DataDownloads.ArchiveFile) return s => ArchiveData.Write(index, s);
        if (file == DataDownloads.SchemaFile) return WriteSchema;
        Action<ArchiveIndex, Csv> rows =
            file == DataDownloads.BriefingsTable ? Briefings : file == DataDownloads.EventsTable ? Events : file == DataDownloads.EntitiesTable ? Entities
            : file == DataDownloads.PositionsTable ? Positions : file == DataDownloads.AgreementsTable ? Agreements : file == DataDownloads.SourcesTable ? Sources
            : file == DataDownloads.QuotesTable ? Quotes : file == DataDownloads.CorrectionsTable ? CorrectionRows
            : throw new ArgumentOutOfRangeException(nameof(file));
        return Text(w => rows(index, new Csv(w, [.. file.Columns])));
    }

    /// <summary>Writes every data file, streaming each to <paramref name="sink"/> and hashing it as it goes, then
    /// index.json with their sizes and digests. Returns the number of files.</summary>
    public static int Write(ArchiveIndex index, FileSink sink)
    {
        // Side by side: archive.json alone takes a third of a second at 10,000 briefings.
        var written = new (DataDownloads.File File, long Bytes, string Sha256)[DataDownloads.Files.Count];
        Parallel.For(0, DataDownloads.Files.Count, i => sink(DataDownloads.Files[i].Path.TrimStart('/'), stream =>
        {
            using var hashing = new HashingStream(stream);
            Writer(DataDownloads.Files[i], index)(hashing);
            written[i] = (DataDownloads.Files[i], hashing.Written, hashing.Sha256);
        }));
        sink(DataDownloads.IndexPath.TrimStart('/'), stream => Index(index.Archive.Site, written, stream));
        return DataDownloads.Files.Count + 1;
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

    private static void Index(SiteSettings site, IEnumerable<(DataDownloads.File File, long Bytes, string Sha256)> files, Stream stream)
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
        foreach (var c in Resolving.Corrections.All(index.Archive))
            csv.Row(c.File.Kind.Noun(), c.File.Id, index.Archive.Site.Absolute(c.File.Url), c.Correction.Date.ToString(), c.Correction.Note);
    }

    private static string Number(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
