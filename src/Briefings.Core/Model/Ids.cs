using System.Text.RegularExpressions;

namespace Briefings.Model;

/// <summary>The contract's id rule, in one place: lowercase ASCII letters, digits and single hyphens, 1 to 80
/// characters. Every stage that recognises an id (the reader, the citation checks of Markdown) asks here.</summary>
public static partial class Ids
{
    public const int MaxLength = 80;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    public static partial Regex Rule();

    public static bool IsValid(string id) => id.Length is > 0 and <= MaxLength && Rule().IsMatch(id);
}
