using Briefings.Model;

namespace Briefings.Rendering;

/// <summary>What can be downloaded under <c>/data/</c>, as the <c>/data/</c> page describes it and as
/// <see cref="Publishing.DataFiles"/> writes it: one list, so the page and the files cannot drift apart.</summary>
public static class DataDownloads
{
    public static readonly string ArchivePath = SiteUrls.Data("archive.json");
    public static readonly string SchemaPath = SiteUrls.Data("archive.schema.json");
    public static readonly string IndexPath = SiteUrls.Data("index.json");

    /// <summary>A data file as the <c>/data/</c> page describes it: its site-relative path, media type, what it
    /// holds, and for a table its columns.</summary>
    public sealed record File(string Path, string MediaType, string Description, IReadOnlyList<string> Columns);

    private static File Table(string name, string description, params string[] columns) =>
        new(SiteUrls.Data($"{name}.csv"), "text/csv", description, columns);

    public static readonly File ArchiveFile = new(ArchivePath, "application/json",
        "The whole archive: site, briefings, countries, institutions, people, agreements, events and sources.", []);
    public static readonly File SchemaFile = new(SchemaPath, "application/schema+json", "JSON Schema (draft 2020-12) of archive.json.", []);
    public static readonly File BriefingsTable = Table("briefings", "One row per briefing.",
        "id", "url", "title", "date", "updated", "summary", "countries", "actors", "agreements", "tags", "authors", "involves", "event_count", "source_count");
    public static readonly File EventsTable = Table("events", "One row per event, oldest first.",
        "briefing", "number", "url", "date", "end", "type", "summary", "from", "to", "participants", "sources", "confidence", "anchor");
    public static readonly File EntitiesTable = Table("entities", "One row per country, institution, person and agreement.",
        "kind", "id", "url", "name", "native_name", "aliases", "iso", "country", "type", "former_ids", "briefing_count");
    public static readonly File PositionsTable = Table("positions", "One row per position a person held.",
        "person", "number", "url", "institution", "title", "from", "until", "confidence", "sources", "anchor");
    public static readonly File AgreementsTable = Table("agreements", "One row per agreement.",
        "id", "url", "title", "type", "status", "signed", "place", "parties", "confidence", "former_ids", "briefing_count");
    public static readonly File SourcesTable = Table("sources", "One row per source of every briefing and entity, and one per source of the catalog.",
        "document_kind", "document", "id", "permalink", "url", "title", "publisher", "published", "author", "language", "accessed", "archive_url", "kind");
    public static readonly File QuotesTable = Table("quotes", "One row per quote: the words of a source that support an event or a position.",
        "fact_kind", "file", "anchor", "url", "source", "language", "quote", "translation", "locator");
    public static readonly File CorrectionsTable = Table("corrections", "One row per correction, newest first.",
        "kind", "file", "url", "date", "note");

    /// <summary>Every data file but index.json, in the order index.json lists them.</summary>
    public static readonly IReadOnlyList<File> Files =
        [ArchiveFile, SchemaFile, BriefingsTable, EventsTable, EntitiesTable, PositionsTable, AgreementsTable, SourcesTable, QuotesTable, CorrectionsTable];
}
