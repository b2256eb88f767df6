using Briefings.Model;

namespace Briefings.Rendering;

/// <summary>How thin the evidence for a fact is, said where the fact is shown so that a reader weighs it: a fact
/// that rests on one source alone, or whose every source is state media.</summary>
public static class Evidence
{
    public const string StateMedia = "state-media";

    public static string? Note(IReadOnlyCollection<Source> sources)
    {
        if (sources.Count == 0) return null;
        bool stateMedia = sources.All(s => s.Kind == StateMedia);
        return sources.Count == 1
            ? stateMedia ? "one source only, state media" : "one source only"
            : stateMedia ? "state media only" : null;
    }
}
