using System.CommandLine;

namespace Briefings.Cli;

/// <summary><c>briefings build</c>: checks, then writes the whole site.</summary>
public static class BuildCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = Cli.InputOption();
        var output = new Option<string>("--output") { Description = "Where the site is written", DefaultValueFactory = _ => "output" };
        var baseUrl = new Option<string?>("--base-url") { Description = "Overrides base_url from site.yml" };
        var command = new Command("build", "Check the archive, then write the whole site") { input, output, baseUrl };
        command.SetAction(parse =>
        {
            stderr.WriteLine("build: not yet implemented");
            return Cli.Usage;
        });
        return command;
    }
}
