using Briefings.Model;

namespace Briefings.Tests.Publishing;

/// <summary>What the published files should hold, worked out here from the model and the contract alone, without
/// the site's own index, so a mistake there cannot hide in both.</summary>
public static class Expected
{
    /// <summary>Everything a briefing involves or mentions (the contract: actors and their countries, listed countries
    /// and agreements, event participants and places, mentions in the body and in event summaries).</summary>
    public static ISet<string> InvolvedIn(Archive archive, Briefing b)
    {
        var byId = archive.Documents.ToDictionary(d => d.Id);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in b.Actors)
        {
            ids.Add(r.Id);
            switch (byId.GetValueOrDefault(r.Id))
            {
                case Institution i: ids.Add(i.Country.Id); break;
                case Person { Country: { } c }: ids.Add(c.Id); break;
            }
        }
        ids.UnionWith(b.Countries.Select(r => r.Id));
        ids.UnionWith(b.Agreements.Select(r => r.Id));
        foreach (var e in b.Events)
        {
            ids.UnionWith(e.Participants.Select(r => r.Id));
            if (e.From is { } from) ids.Add(from.Id);
            if (e.To is { } to) ids.Add(to.Id);
            ids.UnionWith(e.SummaryRefs.Mentions.Select(r => r.Id));
        }
        ids.UnionWith(b.BodyRefs.Mentions.Select(r => r.Id));
        ids.IntersectWith(byId.Keys);
        return ids;
    }

    /// <summary>The briefings that involve or mention an entity, newest first (then by id).</summary>
    public static IReadOnlyList<Briefing> BriefingsOf(Archive archive, string id) =>
        NewestFirst(archive.Briefings.Where(b => InvolvedIn(archive, b).Contains(id)));

    public static IReadOnlyList<Briefing> NewestFirst(IEnumerable<Briefing> briefings) =>
        briefings.OrderByDescending(b => b.Date).ThenBy(b => b.Id, StringComparer.Ordinal).ToList();

    /// <summary>Text as an XML document can hold it: XML 1.0 has no place for most C0 control characters.</summary>
    public static string InXml(string text) => new(text.Where(c => c >= ' ' || c is '\t' or '\n' or '\r').ToArray());

    public static PartialDate LastChange(Briefing b) => b.Updated ?? b.Date;

    public static DateTimeOffset Midnight(PartialDate d) => new(d.Year, d.Month, d.Day, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The schema.org type a document's JSON-LD must have.</summary>
    public static string SchemaType(Document d) => d switch
    {
        Briefing => "NewsArticle",
        Country => "Country",
        Person => "Person",
        Institution i => i.Type is "court" or "prosecution" or "police" or "ministry" or "legislature" or "government" or "party"
            ? "GovernmentOrganization" : "Organization",
        Agreement a => a.Type == "treaty" ? "Legislation" : "CreativeWork",
        _ => throw new ArgumentOutOfRangeException(nameof(d)),
    };

    public static int EventCount(Archive archive) => archive.Briefings.Sum(b => b.Events.Count);

    /// <summary>Every source of every file, and each source of the catalog once.</summary>
    public static int SourceCount(Archive archive) => archive.Documents.Sum(d => d is CatalogSource ? 1 : d.Sources.Count);

    public static int QuoteCount(Archive archive) =>
        archive.Briefings.Sum(b => b.Events.Sum(e => e.Sources.Count(c => c.Quote is not null)))
        + archive.People.Sum(p => p.Positions.Sum(x => x.Sources.Count(c => c.Quote is not null)));
}
