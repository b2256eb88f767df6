namespace Briefings.Model;

/// <summary>Questions about the archive that pages, previews and data files all ask, answered from the model alone.</summary>
public static class ArchiveQueries
{
    /// <summary>Every source of every document, documents in archive order (kind, then id), sources as listed; a
    /// catalog source comes as its own document's one source.</summary>
    public static IEnumerable<(Document Document, Source Source)> AllSources(this Archive archive) =>
        archive.Documents.SelectMany(d => d is CatalogSource c ? [(d, c.Source)] : d.Sources.Select(s => (d, s)));

    /// <summary>Every id a briefing mentions with [[id]], in its body or in an event summary, in order of first mention.</summary>
    public static IReadOnlyList<string> MentionsOf(this Briefing b) =>
        b.BodyRefs.Mentions.Concat(b.Events.SelectMany(e => e.SummaryRefs.Mentions)).Select(r => r.Id).Distinct(StringComparer.Ordinal).ToList();
}
