using System.CommandLine;
using System.Diagnostics;
using Briefings.Checking;
using Briefings.Errors;
using Briefings.Model;
using Briefings.Rendering;
using Briefings.Site;

namespace Briefings.Cli;

/// <summary><c>briefings check</c>: reads and checks the archive and the theme, prints every problem, writes nothing.</summary>
public static class CheckCommand
{
    /// <summary>GitHub shows at most this many annotations of each kind (errors, warnings) from one step; the
    /// rest are only in the log.</summary>
    public const int GitHubAnnotationsShown = 10;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = Cli.InputOption();
        var format = new Option<string>("--format")
        {
            Description = "text, or github for workflow annotations on a pull request (and a job summary)",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "github");
        var command = new Command("check", "Check the archive and the theme without writing anything") { input, format };
        command.SetAction(parse =>
        {
            var sw = Stopwatch.StartNew();
            var dir = parse.GetValue(input)!;
            // The theme is checked as build checks it, by loading it, while the archive is read.
            var theme = Task.Run(() => { Theme.Load(Theme.LocateDirectory(dir), out var problem); return problem; });
            var loaded = ArchiveLoader.Load(dir);
            IReadOnlyList<Diagnostic> diagnostics = theme.Result is { } problem ? [.. loaded.Diagnostics, problem] : loaded.Diagnostics;
            bool github = parse.GetValue(format) == "github";
            Report(diagnostics, github, stdout);
            if (github && Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
                WriteJobSummary(diagnostics, summary);
            stderr.WriteLine(Summary(loaded.Archive, diagnostics, sw.Elapsed));
            return diagnostics.Any(d => d.IsError) ? Cli.ContentErrors : Cli.Ok;
        });
        return command;
    }

    public static void Report(IReadOnlyList<Diagnostic> diagnostics, bool github, TextWriter output)
    {
        foreach (var d in diagnostics)
            output.WriteLine(github ? d.ToGitHubAnnotation() : d.ToString());
        if (!github) return;
        int errors = diagnostics.Count(d => d.IsError);
        int warnings = diagnostics.Count - errors;
        if (errors > GitHubAnnotationsShown || warnings > GitHubAnnotationsShown)
            output.WriteLine($"::notice title=Briefings::{Wording.Count(errors, "error")} and {Wording.Count(warnings, "warning")}: " +
                $"GitHub shows only {GitHubAnnotationsShown} of each kind on the pull request; every one is in this log and in the job summary");
    }

    /// <summary>Appends every problem, as a Markdown table, to the job summary GitHub shows on the run's page.</summary>
    public static void WriteJobSummary(IReadOnlyList<Diagnostic> diagnostics, string file)
    {
        using var summary = File.AppendText(file);
        int errors = diagnostics.Count(d => d.IsError);
        summary.WriteLine($"### briefings check: {Wording.Count(errors, "error")}, {Wording.Count(diagnostics.Count - errors, "warning")}");
        summary.WriteLine();
        if (diagnostics.Count == 0) return;
        summary.WriteLine("| severity | where | code | problem |");
        summary.WriteLine("| --- | --- | --- | --- |");
        foreach (var d in diagnostics) summary.WriteLine(d.ToMarkdownRow());
        summary.WriteLine();
    }

    public static string Summary(Model.Archive archive, IReadOnlyList<Diagnostic> diagnostics, TimeSpan elapsed)
    {
        int errors = diagnostics.Count(d => d.IsError);
        int warnings = diagnostics.Count - errors;
        int briefings = archive.Briefings.Count();
        int entities = archive.Documents.OfType<Model.Entity>().Count();
        int sources = archive.Catalog.Count, pages = archive.Pages.Count();
        return $"checked {briefings} briefings, {entities} entities, {sources} catalog sources and {pages} pages: " +
               $"{Wording.Count(errors, "error")}, {Wording.Count(warnings, "warning")} in {elapsed.TotalMilliseconds:F0} ms";
    }
}
