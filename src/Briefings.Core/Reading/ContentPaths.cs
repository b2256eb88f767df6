using Briefings.Model;

namespace Briefings.Reading;

/// <summary>Where content files belong under input/: briefings/YYYY/&lt;id&gt;.md under the year of the briefing's
/// date, &lt;folder&gt;/&lt;id&gt;.md for the other kinds. The full read and serve's reads of single files both
/// go by these rules, so they agree on every path. Paths are relative to input/, with '/' between parts.</summary>
public static class ContentPaths
{
    /// <summary>Paths passed over without a word: hidden files and folders, READMEs, and the leftovers of editors
    /// and systems (backups ending in ~, Thumbs.db).</summary>
    public static bool IsSkipped(string relative) =>
        relative.Split('/').Any(p => p.StartsWith('.'))
        || Path.GetFileName(relative) is "README.md" or "Thumbs.db" || relative.EndsWith('~');

    /// <summary>The kind of content a path holds (an .md file under a kind's folder; null for anything else), and
    /// whether it stands where that kind belongs.</summary>
    public static (DocumentKind? Kind, bool Placed) Classify(string relative)
    {
        var parts = relative.Split('/');
        var kind = DocumentKinds.All.Where(k => k.Folder() == parts[0]).Cast<DocumentKind?>().FirstOrDefault();
        if (kind is null || !relative.EndsWith(".md", StringComparison.Ordinal)) return (null, false);
        bool placed = kind == DocumentKind.Briefing
            ? parts.Length == 3 && parts[1].Length == 4 && parts[1].All(char.IsAsciiDigit)
            : parts.Length == 2;
        return (kind, placed);
    }

    /// <summary>Whether a briefing read from a placed path stands under another year than that of its date.</summary>
    public static bool IsInWrongYear(Briefing b, string relative) =>
        b.Date != default && relative.Split('/')[1] != b.Date.Year.ToString("D4");
}
