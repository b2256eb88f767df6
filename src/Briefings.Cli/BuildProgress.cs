using System.Diagnostics;
using Spectre.Console;

namespace Briefings.Cli;

/// <summary>A spinner with the elapsed time on the terminal while a long build runs, so a person knows it is
/// working. Only when stderr is an interactive terminal and the build has taken more than a second: tests, CI
/// and pipes see the same output as before, and a quick build shows nothing.</summary>
public static class BuildProgress
{
    private static readonly TimeSpan ShowAfter = TimeSpan.FromSeconds(1);

    public static T Run<T>(string what, Func<T> work, TextWriter stderr)
    {
        bool terminal = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected
            && Environment.GetEnvironmentVariable("CI") is null or "" && Environment.GetEnvironmentVariable("TERM") != "dumb";
        if (!terminal) return work();
        var sw = Stopwatch.StartNew();
        var task = Task.Run(work);
        if (task.Wait(ShowAfter)) return task.GetAwaiter().GetResult();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.Status().Spinner(Spinner.Known.Dots).Start($"{what}…", status =>
        {
            while (!task.Wait(TimeSpan.FromMilliseconds(200)))
                status.Status($"{what}… {sw.Elapsed.TotalSeconds:F0} s");
        });
        return task.GetAwaiter().GetResult();
    }
}
