using System.CommandLine;
using System.Diagnostics;
using Briefings.Checking;
using Briefings.Model;
using Briefings.Site;

namespace Briefings.Cli;

/// <summary><c>briefings check</c>: reads and checks the archive, prints every problem, writes nothing.</summary>
public static class CheckCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = Cli.InputOption();
        var format = new Option<string>("--format")
        {
            Description = "text, or github for workflow annotations on a pull request",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "github");
        var command = new Command("check", "Check the archive without writing anything") { input, format };
        command.SetAction(parse =>
        {
            var sw = Stopwatch.StartNew();
            var loaded = ArchiveLoader.Load(parse.GetValue(input)!);
            Report(loaded.Diagnostics, parse.GetValue(format) == "github", stdout);
            stderr.WriteLine(Summary(loaded, sw.Elapsed));
            return loaded.HasErrors ? Cli.ContentErrors : Cli.Ok;
        });
        return command;
    }

    public static void Report(IReadOnlyList<Diagnostic> diagnostics, bool github, TextWriter output)
    {
        foreach (var d in diagnostics)
            output.WriteLine(github ? d.ToGitHubAnnotation() : d.ToString());
    }

    public static string Summary(ArchiveLoader.Loaded loaded, TimeSpan elapsed)
    {
        int errors = loaded.Diagnostics.Count(d => d.IsError);
        int warnings = loaded.Diagnostics.Count - errors;
        int briefings = loaded.Archive.Briefings.Count();
        int entities = loaded.Archive.Documents.OfType<Entity>().Count();
        int sources = loaded.Archive.Catalog.Count, pages = loaded.Archive.Pages.Count();
        return $"checked {briefings} briefings, {entities} entities, {sources} catalog sources and {pages} pages: " +
               $"{Wording.Count(errors, "error")}, {Wording.Count(warnings, "warning")} in {elapsed.TotalMilliseconds:F0} ms";
    }

}
