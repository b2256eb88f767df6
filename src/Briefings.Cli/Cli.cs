using System.CommandLine;

namespace Briefings.Cli;

/// <summary>The <c>briefings</c> command line. Exit status: 0 done, 1 content errors, 2 wrong command line (or an
/// output folder refused), 3 the output could not be written.</summary>
public static class Cli
{
    public const int Ok = 0, ContentErrors = 1, Usage = 2, OutputFailed = 3;
    /// <summary>A failure the program did not foresee (a bug): still one line, never a stack trace.</summary>
    public const int Unexpected = 70;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("Briefings: checks a sourced archive of briefings and compiles it into a cross-linked static site. "
            + "Exit status: 0 done, 1 the content has errors, 2 the command line is wrong, 3 the output could not be written.");
        root.Subcommands.Add(CheckCommand.Create(stdout, stderr));
        root.Subcommands.Add(BuildCommand.Create(stdout, stderr));
        root.Subcommands.Add(ServeCommand.Create(stdout, stderr));
        root.Subcommands.Add(NewCommand.Create(stdout, stderr, TimeProvider.System));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) stderr.WriteLine($"briefings: {e.Message}");
            stderr.WriteLine("Run 'briefings --help' for usage.");
            return Usage;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            stderr.WriteLine($"briefings: unexpected error ({e.GetType().Name}): {e.Message.ReplaceLineEndings(" ")}; please report it");
            return Unexpected;
        }
    }

    /// <summary>--input: a folder that must exist; a missing one is a wrong command line (exit 2), not a content error.</summary>
    internal static Option<string> InputOption()
    {
        var option = new Option<string>("--input")
        {
            Description = "The archive folder",
            DefaultValueFactory = _ => "input",
        };
        option.Validators.Add(result =>
        {
            var dir = result.GetValueOrDefault<string>();
            if (!Directory.Exists(dir))
                result.AddError($"the input folder '{dir}' does not exist (run from the repository root, or pass --input DIR)");
        });
        return option;
    }
}
