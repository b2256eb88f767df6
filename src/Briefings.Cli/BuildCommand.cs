using System.CommandLine;
using System.Diagnostics;
using Briefings.Errors;
using Briefings.Rendering;
using Briefings.Site;

namespace Briefings.Cli;

/// <summary><c>briefings build</c>: checks, then writes the whole site. On content errors nothing is written.</summary>
public static class BuildCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = Cli.InputOption();
        var output = new Option<string>("--output") { Description = "Where the site is written", DefaultValueFactory = _ => "output" };
        var baseUrl = new Option<string?>("--base-url") { Description = "Overrides base_url from site.yml (absolute http or https URL)" };
        var verbose = new Option<bool>("--verbose") { Description = "Print the time each stage took" };
        var noSearch = new Option<bool>("--no-search") { Description = "Skip the Pagefind search index" };
        var command = new Command("build", "Check the archive, then write the whole site") { input, output, baseUrl, verbose, noSearch };
        command.SetAction(parse =>
        {
            var url = parse.GetValue(baseUrl);
            if (url is not null && !Markdown.UrlPolicy.IsAbsoluteHttp(url))
            {
                stderr.WriteLine($"briefings: --base-url must be an absolute http or https URL, not '{url}'");
                return Cli.Usage;
            }
            var sw = Stopwatch.StartNew();
            SiteBuilder.Result result;
            try
            {
                var options = new SiteBuilder.Options(parse.GetValue(input)!, parse.GetValue(output)!, url, Search: !parse.GetValue(noSearch));
                result = BuildProgress.Run("building the site", () => SiteBuilder.Build(options), stderr);
            }
            catch (ThemeException e)
            {
                stderr.WriteLine($"briefings: theme error: {e.Message}");
                return Cli.ContentErrors;
            }
            CheckCommand.Report(result.Loaded.Diagnostics, false, stdout);
            foreach (var line in result.Search?.Messages ?? []) stderr.WriteLine(line);
            if (parse.GetValue(verbose))
            {
                foreach (var line in result.Timings.Lines()) stderr.WriteLine(line);
                // The collector's share of the run, across all stages: the first place to look when a build slows down.
                stderr.WriteLine($"  {"gc pauses",-14} {GC.GetTotalPauseDuration().TotalMilliseconds,8:F0} ms  ({GC.CollectionCount(0)} collections, {GC.CollectionCount(2)} of them full)");
            }
            int errors = result.Loaded.Diagnostics.Count(d => d.IsError);
            int warnings = result.Loaded.Diagnostics.Count - errors;
            stderr.WriteLine(result.Succeeded
                ? $"built {result.PagesWritten} files into {parse.GetValue(output)}: {Wording.Count(warnings, "warning")} in {sw.Elapsed.TotalMilliseconds:F0} ms"
                : $"not built: {Wording.Count(errors, "error")}, {Wording.Count(warnings, "warning")}; {parse.GetValue(output)} was left as it was");
            return result.Succeeded ? Cli.Ok : Cli.ContentErrors;
        });
        return command;
    }
}
