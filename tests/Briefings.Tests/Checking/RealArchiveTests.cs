using Briefings.Errors;
using Briefings.Tests.Fixtures;
using Briefings.Tests.Support;

namespace Briefings.Tests.Checking;

/// <summary>The repository's own archive and documentation, checked as a pull request would be.</summary>
public sealed class RealArchiveTests
{
    [Fact]
    public void The_archive_in_input_checks_with_no_errors_and_no_warnings()
    {
        var input = RepoPaths.Input;
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        int code = Cli.Cli.Run(["check", "--input", input], stdout, stderr);

        var run = new CheckRun(code, stdout.ToString(), stderr.ToString());
        Assert.True(code == 0 && run.Lines.Count == 0, $"input/ must check clean:\n{run}");
    }

    [Fact]
    public void Every_code_is_documented_in_docs_errors_md_and_nothing_else_is()
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "errors.md"));
        var rows = doc.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("| BR", StringComparison.Ordinal) || l.StartsWith("| `BR", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries)[1].Trim('`'))
            .ToList();

        var codes = DiagnosticCode.All.Select(c => c.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        foreach (var code in codes)
            Assert.True(rows.Count(r => r == code) == 1, $"docs/errors.md must have exactly one table row for {code}");
        foreach (var row in rows)
            Assert.True(codes.Contains(row), $"docs/errors.md documents {row}, which is not in DiagnosticCode.All");
    }

    [Fact]
    public void Codes_are_unique_and_well_formed()
    {
        var codes = DiagnosticCode.All.Select(c => c.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^BR[1-7][0-9]{2}$", c));
        Assert.All(DiagnosticCode.All, c => Assert.False(string.IsNullOrWhiteSpace(c.Title)));
        // Every public static code field is listed in All.
        var fields = typeof(DiagnosticCode).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticCode)).Select(f => (DiagnosticCode)f.GetValue(null)!).ToList();
        Assert.Equal(fields.Select(f => f.Code).Order(), codes.Order());
    }
}
