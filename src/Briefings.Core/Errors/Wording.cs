namespace Briefings.Errors;

/// <summary>How a number of things is said, in messages and on pages alike: "1 error", "3 briefings".</summary>
public static class Wording
{
    public static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    /// <summary>The same for a noun whose plural is not its singular with an s: "1 person", "3 people".</summary>
    public static string Count(int n, string noun, string plural) => n == 1 ? $"1 {noun}" : $"{n} {plural}";
}
