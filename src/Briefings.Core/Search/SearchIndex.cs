using System.Text.Json;

namespace Briefings.Search;

/// <summary>The full-text index behind /search/. Pagefind reads the pages already written into the staged site
/// (what it indexes is marked in the templates with data-pagefind-* attributes) and writes its index into
/// pagefind/ beside them, before the site is swapped in. Search is an addition: without Pagefind the build
/// still succeeds, and says why the site has no index.</summary>
public static class SearchIndex
{
    public const string Folder = "pagefind";
    public static readonly TimeSpan IndexLimit = TimeSpan.FromMinutes(10);

    /// <summary>Whether the index was written, and the lines the build reports about it.</summary>
    public sealed record Outcome(bool Built, IReadOnlyList<string> Messages);

    /// <param name="siteDir">The staged site, complete but for the index.</param>
    /// <param name="manifestDir">The folder of the npm manifest that pins Pagefind (the theme's).</param>
    public static Outcome Build(string siteDir, string manifestDir)
    {
        var found = PagefindLocator.Locate(manifestDir);
        var messages = new List<string>(found.Notes);
        if (found.Command is not { } command)
        {
            messages.Add($"search index not built: {found.Problem}");
            return new Outcome(false, messages);
        }

        var run = ToolProcess.Run(command.FileName, [.. command.Prefix, "--site", siteDir, "--quiet"], manifestDir, IndexLimit);
        var entry = Path.Combine(siteDir, Folder, "pagefind-entry.json");
        if (!run.Succeeded || !File.Exists(entry))
        {
            // A half-written index would fail in the browser in ways a reader cannot understand; none is better.
            var folder = Path.Combine(siteDir, Folder);
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            messages.Add("search index not built: " + (run.ExitCode is null
                ? $"Pagefind took longer than {IndexLimit.TotalMinutes:F0} minutes and was stopped"
                : $"Pagefind failed (exit {run.ExitCode}): {run.LastLine}"));
            return new Outcome(false, messages);
        }

        messages.AddRange(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => $"pagefind: {l}"));
        var (version, pages) = ReadEntry(entry);
        messages.Add($"search: indexed {pages} pages with Pagefind {version} in {run.Elapsed.TotalMilliseconds:F0} ms");
        return new Outcome(true, messages);
    }

    private static (string Version, int Pages) ReadEntry(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var version = json.RootElement.TryGetProperty("version", out var v) ? v.GetString() ?? "?" : "?";
        int pages = 0;
        if (json.RootElement.TryGetProperty("languages", out var languages))
            foreach (var language in languages.EnumerateObject())
                if (language.Value.TryGetProperty("page_count", out var count)) pages += count.GetInt32();
        return (version, pages);
    }
}
