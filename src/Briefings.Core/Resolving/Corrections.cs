using Briefings.Model;

namespace Briefings.Resolving;

/// <summary>A correction and the file it corrects.</summary>
public sealed record CorrectionEntry(Document File, Correction Correction);

/// <summary>Every correction of the archive, for <c>/corrections/</c>: the record of what the archive got wrong.</summary>
public static class Corrections
{
    /// <summary>Newest first; on one day, in archive order (kind, then id) and then file order.</summary>
    public static IReadOnlyList<CorrectionEntry> All(Archive archive) =>
        archive.Documents.SelectMany(d => d.Corrections.Select(c => new CorrectionEntry(d, c)))
            .OrderByDescending(x => x.Correction.Date).ToList();

    /// <summary>A file's corrections, newest first, as its page shows them.</summary>
    public static IReadOnlyList<Correction> Of(Document d) => d.Corrections.OrderByDescending(c => c.Date).ToList();
}
