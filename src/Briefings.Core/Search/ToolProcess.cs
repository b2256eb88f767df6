using System.Diagnostics;
using System.Text;

namespace Briefings.Search;

/// <summary>What an outside program did: its exit code (null when it ran out of time and was killed) and its output.</summary>
public sealed record ToolRun(int? ExitCode, string Output, TimeSpan Elapsed)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The line of its output that says what went wrong, for a one-line report of a failure.</summary>
    public string LastLine => MeaningfulLine(Output);

    /// <summary>The line of a tool's output that gives the reason it failed: for a Rust panic (Pagefind) the
    /// panic's message, with an OS error's own words when it carries one, not the closing "note: run with
    /// RUST_BACKTRACE=1" line; otherwise the last line that is not such a note.</summary>
    public static string MeaningfulLine(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (int i = 0; i < lines.Length; i++)
        {
            int at = lines[i].IndexOf("panicked at ", StringComparison.Ordinal);
            if (at < 0) continue;
            // Rust 1.73 and later: "thread 'main' panicked at src/x.rs:1:2:" and the message on the next line;
            // earlier: "thread 'main' panicked at 'message', src/x.rs:1:2".
            var message = lines[i].EndsWith(':') && i + 1 < lines.Length ? lines[i + 1] : lines[i][(at + "panicked at ".Length)..];
            var os = System.Text.RegularExpressions.Regex.Match(message, "message: \"([^\"]+)\"");
            return "Pagefind stopped: " + (os.Success ? os.Groups[1].Value : message);
        }
        return lines.LastOrDefault(l => !l.StartsWith("note:", StringComparison.Ordinal)) ?? "";
    }
}

/// <summary>Runs the outside programs of the build (npm, Pagefind) with a time limit, so a hung tool cannot hang
/// the build, and with their output captured rather than mixed into ours.</summary>
public static class ToolProcess
{
    public static ToolRun Run(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan limit)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        var output = new StringBuilder();
        var sw = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        using var onInterrupt = Briefings.Writing.Interruption.OnInterrupt(() => process.Kill(entireProcessTree: true));
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new ToolRun(null, output.ToString(), sw.Elapsed);
        }
        process.WaitForExit(); // drains the redirected output
        return new ToolRun(process.ExitCode, output.ToString(), sw.Elapsed);
    }

    /// <summary>The full path of a program on PATH, or null.</summary>
    public static string? OnPath(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var candidate in OperatingSystem.IsWindows() ? [name + ".cmd", name + ".exe"] : new[] { name })
            {
                var full = Path.Combine(dir, candidate);
                if (File.Exists(full)) return full;
            }
        }
        return null;
    }
}
