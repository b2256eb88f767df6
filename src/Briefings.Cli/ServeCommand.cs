using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Briefings.Errors;
using Briefings.Serving;

namespace Briefings.Cli;

/// <summary><c>briefings serve</c>: builds into a temporary folder, serves it on 127.0.0.1, rebuilds what each
/// edit changes and reloads open pages. Runs until Ctrl+C or SIGTERM, and removes its folder whichever ends it.</summary>
public static class ServeCommand
{
    public const int DefaultPort = 8080;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = Cli.InputOption();
        // Read as text and checked here: a number from 1 to 65535, or one line saying what is wrong (exit 2).
        var port = new Option<string>("--port") { Description = $"The port on 127.0.0.1, from 1 to 65535", DefaultValueFactory = _ => DefaultPort.ToString(CultureInfo.InvariantCulture) };
        var verbose = new Option<bool>("--verbose") { Description = "Print the time each stage of every rebuild took" };
        var command = new Command("serve", "Build, serve on 127.0.0.1, and rebuild and reload on every change") { input, port, verbose };
        command.SetAction(async (parse, cancel) =>
        {
            var text = parse.GetValue(port) ?? "";
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number is < 1 or > 65535)
            {
                stderr.WriteLine($"briefings: --port must be a number from 1 to 65535, not '{Errors.Quoting.Shorten(text)}'");
                return Cli.Usage;
            }
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            // Ctrl+C, SIGTERM (kill, a closing service) and a closed terminal all stop the server the same way, so
            // its temporary folder is removed whichever ends it.
            Action<PosixSignalContext> onSignal = context => { context.Cancel = true; stop.Cancel(); };
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, onSignal);
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, onSignal);
            using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, onSignal);
            DevServer server;
            try
            {
                server = await DevServer.StartAsync(parse.GetValue(input)!, number, stdout, stop.Token, parse.GetValue(verbose));
            }
            catch (PortUnavailableException e)
            {
                stderr.WriteLine($"briefings: {e.Message}");
                return Cli.Usage;
            }
            catch (OperationCanceledException)
            {
                return Cli.Ok;
            }
            await using (server)
            {
                stdout.WriteLine($"serving {server.Url} (Ctrl+C stops)");
                try { await Task.Delay(Timeout.Infinite, stop.Token); }
                catch (OperationCanceledException) { }
                stdout.WriteLine("stopping");
            }
            return Cli.Ok;
        });
        return command;
    }
}
