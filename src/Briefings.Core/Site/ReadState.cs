using Briefings.Checking;
using Briefings.Errors;
using Briefings.Model;
using Briefings.Reading;

namespace Briefings.Site;

/// <summary>What was read from input/, with the problems found while reading (before cross-file checks).</summary>
public sealed record ReadState(Archive Archive, IReadOnlyList<Diagnostic> Diagnostics)
{
    public static ReadState ReadAll(string inputDir)
    {
        var bag = new DiagnosticBag();
        var archive = ArchiveReader.Read(inputDir, bag);
        return new ReadState(archive, bag.Sorted());
    }

    /// <summary>The read diagnostics and those of the cross-file checks, in the order <c>check</c> prints them.</summary>
    public IReadOnlyList<Diagnostic> Check()
    {
        var bag = new DiagnosticBag();
        bag.AddRange(Diagnostics);
        Checker.Check(Archive, bag);
        return bag.Sorted();
    }
}
