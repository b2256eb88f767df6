using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Briefings.Errors;
using Briefings.Rendering;
using Briefings.Site;
using Briefings.Writing;

namespace Briefings.Cli;

/// <summary><c>briefings build</c>: checks, then writes the whole site. On content errors nothing is written. Every
/// failure ends in one line and an exit status (1 content, 2 command line or a refused output, 3 the output could
/// not be written), never a stack trace; Ctrl+C or SIGTERM leaves the earlier output as it was.</summary>
public static class BuildCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = Cli.InputOption();
        var output = new Option<string>("--output") { Description = "Where the site is written", DefaultValueFactory = _ => "output" };
        var baseUrl = new Option<string?>("--base-url") { Description = "Overrides base_url from site.yml (absolute http or https URL)" };
        var verbose = new Option<bool>("--verbose") { Description = "Print the time each stage took" };
        var noSearch = new Option<bool>("--no-search") { Description = "Skip the Pagefind search index" };
        var force = new Option<bool>("--force")
        {
            Description = "Write into an output folder that holds files the build did not write, replacing them (never the input, the theme, a repository or the home folder)",
        };
        var command = new Command("build", "Check the archive, then write the whole site. Exit status: 0 done, 1 the content has errors, "
            + "2 the command line is wrong or the output folder is refused, 3 the output could not be written") { input, output, baseUrl, verbose, noSearch, force };
        command.SetAction(parse =>
        {
            var url = parse.GetValue(baseUrl);
            if (url is not null && !Markdown.UrlPolicy.IsAbsoluteHttp(url))
            {
                stderr.WriteLine($"briefings: --base-url must be an absolute http or https URL, not '{url}'");
                return Cli.Usage;
            }
            var sw = Stopwatch.StartNew();
            var outputDir = parse.GetValue(output)!;
            SiteBuilder.Result result;
            // Ctrl+C and SIGTERM: Pagefind and the staging folder are ended and removed before the process ends.
            using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => Stop(c, outputDir, stderr));
            using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => Stop(c, outputDir, stderr));
            try
            {
                var options = new SiteBuilder.Options(parse.GetValue(input)!, outputDir, url, Search: !parse.GetValue(noSearch), Force: parse.GetValue(force));
                result = BuildProgress.Run("building the site", () => SiteBuilder.Build(options), stderr);
            }
            catch (Exception) when (Interruption.Interrupted)
            {
                // Stopped by a signal: the handler removes what the build made and ends the process with its own status.
                Thread.Sleep(Timeout.Infinite);
                throw;
            }
            catch (ThemeException e)
            {
                stderr.WriteLine($"briefings: theme error: {e.Message}");
                return Cli.ContentErrors;
            }
            catch (OutputRefusedException e)
            {
                stderr.WriteLine($"briefings: {e.Message}");
                return Cli.Usage;
            }
            catch (Exception e) when (OutputException.Among(e) is { } failure)
            {
                stderr.WriteLine($"briefings: {failure.Message}; {outputDir} was left as it was");
                return Cli.OutputFailed;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"briefings: {OutputException.Cause(e)}; {outputDir} was left as it was");
                return Cli.OutputFailed;
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

    private static void Stop(PosixSignalContext context, string outputDir, TextWriter stderr)
    {
        context.Cancel = true;
        Interruption.Run();
        stderr.WriteLine($"briefings: stopped ({context.Signal}); {outputDir} was left as it was");
        stderr.Flush();
        Environment.Exit(context.Signal == PosixSignal.SIGINT ? 130 : 143);
    }
}
