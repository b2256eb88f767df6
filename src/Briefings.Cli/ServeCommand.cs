using System.CommandLine;
using Briefings.Serving;

namespace Briefings.Cli;

/// <summary><c>briefings serve</c>: builds into a temporary folder, serves it on 127.0.0.1, rebuilds what each
/// edit changes and reloads open pages. Runs until Ctrl+C.</summary>
public static class ServeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = Cli.InputOption();
        var port = new Option<int>("--port") { Description = "The port on 127.0.0.1 (0 picks a free one)", DefaultValueFactory = _ => 8080 };
        port.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 65535) r.AddError("--port must be between 0 and 65535");
        });
        var verbose = new Option<bool>("--verbose") { Description = "Print the time each stage of every rebuild took" };
        var command = new Command("serve", "Build, serve on 127.0.0.1, and rebuild and reload on every change") { input, port, verbose };
        command.SetAction(async (parse, cancel) =>
        {
            var dir = parse.GetValue(input)!;
            if (!Directory.Exists(dir))
            {
                stderr.WriteLine($"briefings: the input folder '{dir}' does not exist");
                return Cli.Usage;
            }
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            ConsoleCancelEventHandler onCtrlC = (_, e) => { e.Cancel = true; stop.Cancel(); };
            Console.CancelKeyPress += onCtrlC;
            try
            {
                DevServer server;
                try
                {
                    server = await DevServer.StartAsync(dir, parse.GetValue(port), stdout, stop.Token, parse.GetValue(verbose));
                }
                catch (IOException e)
                {
                    stderr.WriteLine($"briefings: cannot serve on port {parse.GetValue(port)}: {e.Message}");
                    return Cli.Usage;
                }
                await using (server)
                {
                    stdout.WriteLine($"serving {server.Url} (Ctrl+C stops)");
                    try { await Task.Delay(Timeout.Infinite, stop.Token); }
                    catch (OperationCanceledException) { }
                    stdout.WriteLine("stopping");
                }
                return Cli.Ok;
            }
            finally
            {
                Console.CancelKeyPress -= onCtrlC;
            }
        });
        return command;
    }
}
