using System.Diagnostics;
using System.Text.Json;
using Briefings.Tests.Support;

namespace Briefings.Tests.Site;

/// <summary>Every page of the test site passes the Nu Html Checker without error.</summary>
[Collection(SharedTestSiteCollection.Name)]
[Trait("Speed", "Slow")]
public sealed class HtmlValidityTests(SharedTestSite test)
{
    [Fact]
    public void Every_page_passes_the_Nu_Html_Checker()
    {
        var files = test.HtmlFiles();
        Assert.True(files.Count > 30, $"only {files.Count} pages to check");

        // The checker takes seconds to start, so it checks every page in one run.
        var (exit, output) = NuHtmlChecker.Run(files);
        var messages = JsonDocument.Parse(output).RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("type").GetString() != "info")
            .Select(m => $"{Page(Shown(m, "url"))}:{Shown(m, "lastLine")}: {Shown(m, "type")}: {Shown(m, "message")}\n    {Shown(m, "extract")}")
            .ToList();
        Assert.True(messages.Count == 0, $"{messages.Count} HTML errors:\n" + string.Join('\n', messages));
        Assert.True(exit == 0, $"the checker exited {exit}:\n{output}");
    }

    /// <summary>"test site /people/x/index.html" rather than the checker's file: URL of a temp folder.</summary>
    private string Page(string url)
    {
        var path = url.StartsWith("file:", StringComparison.Ordinal) ? Uri.UnescapeDataString(url["file:".Length..]) : url;
        foreach (var (name, site) in new (string, SiteFixture)[] { ("test site", test) })
            if (path.StartsWith(site.OutputDir + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                return $"{name} /{Path.GetRelativePath(site.OutputDir, path).Replace(Path.DirectorySeparatorChar, '/')}";
        return url;
    }

    private static string Shown(JsonElement message, string property) =>
        message.TryGetProperty(property, out var v) ? v.ToString().Replace("\n", "⏎", StringComparison.Ordinal) : "";
}

/// <summary>The Nu Html Checker (vnu.jar from the npm package vnu-jar pinned in tests/tools), run with the machine's java.</summary>
internal static class NuHtmlChecker
{
    public static string Jar => Path.Combine(RepoPaths.TestTools, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    /// <summary>Checks the files for errors; returns the exit status and the JSON report.</summary>
    public static (int Exit, string Json) Run(IReadOnlyList<string> files)
    {
        Assert.True(File.Exists(Jar), $"The Nu Html Checker is not installed at {Jar}: run `npm ci --prefix tests/tools` in the repository root.");
        var start = new ProcessStartInfo("java") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-jar", Jar, "--errors-only", "--format", "json", "--stdout" }.Concat(files))
            start.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"cannot run java for the Nu Html Checker ({e.Message}): install a Java runtime 11 or later (Debian: default-jre-headless).");
            throw;
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(stdout.TrimStart().StartsWith('{'), $"the checker printed no JSON report (exit {process.ExitCode}):\n{stdout}\n{stderr.Result}");
            return (process.ExitCode, stdout);
        }
    }
}
