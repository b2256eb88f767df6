using Briefings.Errors;
using Briefings.Model;
using Briefings.Reading;

namespace Briefings.Checking;

/// <summary>One URL described two ways: the same address with another title, publisher or publication date, in the
/// catalog or in files' own sources. Titles drift as a description is copied from file to file, so each place is
/// warned, naming a place that describes it otherwise; the cure is one catalog source.</summary>
public static class SourceDescriptions
{
    private sealed record Place(string Path, Source Source);

    public static void Check(Archive archive, DiagnosticBag diagnostics)
    {
        var places = archive.Documents.SelectMany(d => d is CatalogSource c
                ? [new Place(d.Path, c.Source)]
                : d.Sources.Select(s => new Place(d.Path, s)))
            .Where(p => p.Source.Url.Length > 0);
        foreach (var same in places.GroupBy(p => p.Source.Url, StringComparer.Ordinal))
        {
            var all = same.ToList();
            if (all.Count < 2) continue;
            foreach (var place in all)
                if (all.FirstOrDefault(other => Difference(place.Source, other.Source) is not null) is { } other)
                    diagnostics.Warning(place.Path, place.Source.At, DiagnosticCode.SourceDescribedTwice,
                        $"'{Quoting.Shorten(place.Source.Url)}' is described with another {Difference(place.Source, other.Source)} at {other.Path}:{other.Source.At.Line}; " +
                        "describe a source once: in input/sources/<id>.md, cited by id from every file");
        }
    }

    /// <summary>What two descriptions of a URL disagree on, as a reader says it, or null when they agree.</summary>
    private static string? Difference(Source a, Source b)
    {
        if (a.Title != b.Title) return $"title ('{Quoting.Shorten(b.Title)}')";
        if (a.Publisher != b.Publisher) return $"publisher ('{Quoting.Shorten(b.Publisher)}')";
        if (a.Published != b.Published) return $"publication date ({b.Published?.ToString() ?? "none"})";
        return null;
    }
}
