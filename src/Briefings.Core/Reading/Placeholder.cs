namespace Briefings.Reading;

/// <summary>The prose that <c>briefings new</c> writes into a body for the contributor to replace. It is defined
/// here, where files are read, so that the reader can report it (BR705) without knowing the templates.</summary>
public static class Placeholder
{
    /// <summary>How the prose a template writes begins: the checker reports it (BR705) while it is still there.</summary>
    public const string Mark = "Replace this paragraph, written by `briefings new`,";

    /// <summary>The 0-based line and column of the placeholder prose in a body, or null when it is gone.</summary>
    public static (int Line, int Column)? At(string body)
    {
        int at = body.IndexOf(Mark, StringComparison.Ordinal);
        if (at < 0) return null;
        int lineStart = at == 0 ? 0 : body.LastIndexOf('\n', at - 1) + 1;
        return (body.AsSpan(0, at).Count('\n'), at - lineStart);
    }
}
