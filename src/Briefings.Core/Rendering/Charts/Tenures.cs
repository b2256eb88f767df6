using Briefings.Model;
using Briefings.Resolving;

namespace Briefings.Rendering.Charts;

/// <summary>Who held which post at an institution, and when: a bar per position, oldest first. A bound the
/// sources do not give is not invented: a post without <c>until</c> runs to the end of the axis and fades out
/// (its end is not reported), one without <c>from</c> fades in from its start, one with neither spans the axis
/// as an outline only.</summary>
public sealed record Tenures(int FirstYear, int EndYear, IReadOnlyList<Tenure> Rows)
{
    public static Tenures? Of(IReadOnlyList<PostEntry> posts)
    {
        if (posts.Count == 0) return null;
        var rows = posts
            .OrderBy(p => (p.Post.From ?? p.Post.Until) is null ? 1 : 0) // undated posts last
            .ThenBy(p => p.Post.From ?? p.Post.Until)
            .ThenBy(p => p.Person.Name, StringComparer.Ordinal).ThenBy(p => p.Person.Id, StringComparer.Ordinal)
            .ThenBy(p => p.Post.Index)
            .Select(p => new Tenure(p.Person.Name, p.Url, p.Post.Title, p.Post.From, p.Post.Until)).ToList();
        var years = rows.SelectMany(r => new[] { r.From?.Year, r.Until?.Year }).OfType<int>().ToList();
        // With no reported date there is no time to draw: the page's list of people says all there is.
        if (years.Count == 0) return null;
        // The axis ends a year after the latest date the posts themselves report (an open post fades out there):
        // the chart depends on the institution's positions alone, so an edit elsewhere never redraws it.
        int first = years.Min(), end = years.Max() + 1;
        return new Tenures(first, end, rows);
    }

    /// <summary>The chart of an institution's posts, or null when no one held one with a reported date.</summary>
    public static ChartView? Chart(ArchiveIndex index, string institutionId, string id = "chart-tenures") =>
        Of(index.PostsAt(institutionId)) is { } data
            ? TenuresSvg.View(data, id) : null;
}

/// <summary>One position held: who, which post, and the bounds the sources give.</summary>
public sealed record Tenure(string Person, string Url, string? Title, PartialDate? From, PartialDate? Until)
{
    public string Label => Title is null ? Person : $"{Person}, {Title}";
}
