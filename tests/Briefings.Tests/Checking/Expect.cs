using Briefings.Tests.Fixtures;

namespace Briefings.Tests.Checking;

/// <summary>Assertions on what <c>briefings check</c> prints: <c>path:line:column: severity CODE: message</c>.</summary>
internal static class Expect
{
    /// <summary>Asserts that a diagnostic line names the file, line, column, severity and code exactly, and returns it.</summary>
    public static string Reported(CheckRun run, ArchiveFixture archive, string file, (int Line, int Column) at, string code,
        string severity = "error")
    {
        var prefix = $"{archive.Shown(file)}:{at.Line}:{at.Column}: {severity} {code}: ";
        var hit = run.Lines.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        Assert.True(hit is not null, $"expected a line starting with\n  {prefix}\nbut got\n{run}");
        return hit!;
    }

    /// <summary>Asserts that every printed diagnostic has one of the codes: no noise from elsewhere.</summary>
    public static void Only(CheckRun run, params string[] codes)
    {
        foreach (var line in run.Lines)
            Assert.True(codes.Any(c => line.Contains($" {c}: ", StringComparison.Ordinal)),
                $"unexpected diagnostic (expected only {string.Join(", ", codes)}):\n  {line}\n{run}");
    }

    /// <summary>Asserts the exit status, showing the whole run when it differs.</summary>
    public static void Exit(CheckRun run, int code) =>
        Assert.True(run.ExitCode == code, $"expected exit {code}\n{run}");
}
