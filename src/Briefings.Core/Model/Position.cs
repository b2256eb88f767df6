namespace Briefings.Model;

/// <summary>A 1-based line and column in a content file; kept on every value so a
/// diagnostic can point at it.</summary>
public readonly record struct Position(int Line, int Column)
{
    public static readonly Position Start = new(1, 1);
    public override string ToString() => $"{Line}:{Column}";
}

/// <summary>An id written somewhere in a file: a reference to an entity or a source.</summary>
public sealed record Ref(string Id, Position At)
{
    public override string ToString() => Id;
}
