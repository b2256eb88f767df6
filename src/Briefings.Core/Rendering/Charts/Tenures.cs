using Briefings.Model;
using Briefings.Resolving;

namespace Briefings.Rendering.Charts;

/// <summary>Who held which post at an institution, and when: a bar per position, oldest first. A bound the
/// sources do not give is not invented: a post without <c>until</c> runs to the end of the axis and fades out
/// (its end is not reported), one without <c>from</c> fades in from its start, one with neither spans the axis
/// as an outline only.</summary>
public sealed record Tenures(int FirstYear, int EndYear, IReadOnlyList<Tenure> Rows)
{
    public static Tenures? Of(IReadOnlyList<PostEntry> posts, PartialDate asOf)
    {
        if (posts.Count == 0) return null;
        var rows = posts
            .OrderBy(p => (p.Post.From ?? p.Post.Until) is null ? 1 : 0) // undated posts last
            .ThenBy(p => p.Post.From ?? p.Post.Until)
            .ThenBy(p => p.Person.Name, StringComparer.Ordinal).ThenBy(p => p.Person.Id, StringComparer.Ordinal)
            .ThenBy(p => p.Post.Index)
            .Select(p => new Tenure(p.Person.Name, p.Url, p.Post.Title, p.Post.From, p.Post.Until)).ToList();
        var years = rows.SelectMany(r => new[] { r.From?.Year, r.Until?.Year }).OfType<int>().ToList();
        if (years.Count == 0) return new Tenures(asOf.Year, asOf.Year + 1, rows);
        // The axis reaches the archive's latest date, so an open post fades out where the archive ends.
        int first = years.Min(), end = Math.Max(years.Max(), rows.Any(r => r.Until is null) ? asOf.Year : years.Max()) + 1;
        return new Tenures(first, end, rows);
    }

    /// <summary>The chart of an institution's posts, or null when no one held one. The archive's latest briefing
    /// dates the end of the axis: the same input gives the same chart, whatever the day of the build.</summary>
    public static ChartView? Chart(ArchiveIndex index, string institutionId, string id = "chart-tenures") =>
        Of(index.PostsAt(institutionId), index.Briefings.Count > 0 ? index.Briefings[0].Date : new PartialDate(1, 0, 0)) is { } data
            ? TenuresSvg.View(data, id) : null;
}

/// <summary>One position held: who, which post, and the bounds the sources give.</summary>
public sealed record Tenure(string Person, string Url, string? Title, PartialDate? From, PartialDate? Until)
{
    public string Label => Title is null ? Person : $"{Person}, {Title}";
}
