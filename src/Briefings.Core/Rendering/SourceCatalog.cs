using System.Text;
using Briefings.Model;
using Briefings.Resolving;

namespace Briefings.Rendering;

/// <summary>A page that cites a publisher, and how many of its sources come from it.</summary>
public sealed record CitingView(string Url, string Name, string Kind, int Count);

/// <summary>A publisher and the briefings and entities that cite it (all of them, or the first of each where the
/// sources page shows them: the counts are of all), and the page that lists them all.</summary>
public sealed record PublisherView(string Name, string Anchor, string Url, int SourceCount, IReadOnlyList<CitingView> Briefings, IReadOnlyList<CitingView> Entities,
    int BriefingCount, int EntityCount);

/// <summary>Publishers under one initial.</summary>
public sealed record PublisherGroup(string Initial, string Anchor, IReadOnlyList<PublisherView> Publishers);

/// <summary>The <c>/sources/</c> page: every publisher the archive relies on, alphabetically, with who cites it, so a
/// reader can weigh how much rests on state media or on a single outlet.</summary>
public static class SourceCatalog
{
    public static IReadOnlyList<PublisherGroup> Groups(ArchiveIndex index)
    {
        // One publisher however its name is capitalised; the spelling shown is the first in ordinal order.
        var byPublisher = index.Archive.AllSources()
            .GroupBy(x => x.Source.Publisher.Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(g => (Name: g.Select(x => x.Source.Publisher.Trim()).Min(StringComparer.Ordinal)!, Items: g.ToList()))
            .OrderBy(g => g.Name, StringComparer.OrdinalIgnoreCase).ThenBy(g => g.Name, StringComparer.Ordinal)
            .ToList();
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        var publishers = byPublisher.Select(g =>
        {
            var citing = g.Items.GroupBy(x => x.Document).Select(d => (Doc: d.Key, Count: d.Count())).ToList();
            CitingView View((Document Doc, int Count) c) => new(c.Doc.Url, c.Doc.DisplayName, c.Doc.Kind.Noun(), c.Count);
            var briefings = citing.Where(c => c.Doc is Briefing).OrderByDescending(c => ((Briefing)c.Doc).Date).ThenBy(c => c.Doc.Id, StringComparer.Ordinal).Select(View).ToList();
            var entities = citing.Where(c => c.Doc is Entity).OrderBy(c => c.Doc.DisplayName, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Doc.Id, StringComparer.Ordinal).Select(View).ToList();
            var slug = Slug(g.Name);
            return new PublisherView(g.Name, UniqueAnchor(SiteUrls.PublisherAnchor(slug), anchors), SiteUrls.Publisher(UniqueAnchor(slug, slugs)), g.Items.Count,
                briefings, entities, briefings.Count, entities.Count);
        }).ToList();
        return publishers.GroupBy(p => Initial(p.Name))
            .Select(g => new PublisherGroup(g.Key, UniqueAnchor(SiteUrls.InitialAnchor(Slug(g.Key)), anchors), g.ToList())).ToList();
    }

    /// <summary>The groups as the sources page shows them: each publisher with the first <paramref name="shown"/>
    /// briefings and entity pages that cite it.</summary>
    public static IReadOnlyList<PublisherGroup> Shown(IReadOnlyList<PublisherGroup> groups, int shown) =>
        groups.Select(g => g with
        {
            Publishers = g.Publishers.Select(p => p with { Briefings = p.Briefings.Take(shown).ToList(), Entities = p.Entities.Take(shown).ToList() }).ToList(),
        }).ToList();

    private static string Initial(string name) =>
        Rune.TryGetRuneAt(name, 0, out var r) && Rune.IsLetter(r) ? Rune.ToUpperInvariant(r).ToString() : "#";

    /// <summary>Lowercase ASCII letters and digits joined by hyphens; other scripts become their code points, so
    /// every publisher gets a stable, valid fragment.</summary>
    private static string Slug(string text)
    {
        var sb = new StringBuilder();
        foreach (var rune in text.ToLowerInvariant().EnumerateRunes())
        {
            if (rune.IsAscii && char.IsAsciiLetterOrDigit((char)rune.Value)) sb.Append((char)rune.Value);
            else if (!rune.IsAscii && Rune.IsLetterOrDigit(rune)) sb.Append('u').Append(rune.Value.ToString("x", System.Globalization.CultureInfo.InvariantCulture)).Append('-');
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var slug = sb.ToString().Trim('-');
        return slug.Length == 0 ? "x" : slug;
    }

    private static string UniqueAnchor(string anchor, HashSet<string> taken)
    {
        var candidate = anchor;
        for (int n = 2; !taken.Add(candidate); n++) candidate = $"{anchor}-{n}";
        return candidate;
    }
}
