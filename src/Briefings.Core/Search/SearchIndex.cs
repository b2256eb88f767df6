using System.Text.Json;
using Briefings.Writing;

namespace Briefings.Search;

/// <summary>The full-text index behind /search/. Pagefind reads the pages already written into the staged site
/// (what it indexes is marked in the templates with data-pagefind-* attributes), handed to it one by one in the
/// ordinal order of their paths (see <see cref="PagefindService"/>), and writes its index into pagefind/ beside
/// them, before the site is swapped in. Search is an addition: without Pagefind the build still succeeds, and says
/// why the site has no index. But a Pagefind that fails or is killed fails the build: an index half written, or a
/// site whose search finds nothing, must not replace a working one.</summary>
public static class SearchIndex
{
    public const string Folder = "pagefind";
    public static readonly TimeSpan IndexLimit = TimeSpan.FromMinutes(10);

    /// <summary>Whether the index was written, and the lines the build reports about it; <paramref name="Failure"/>
    /// says why Pagefind, found and started, did not write it (the build then fails).</summary>
    public sealed record Outcome(bool Built, IReadOnlyList<string> Messages, string? Failure = null);

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

        var started = DateTime.UtcNow;
        var deadline = started + IndexLimit;
        var pages = Directory.EnumerateFiles(siteDir, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(siteDir, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal).ToList();
        var bundle = Path.Combine(siteDir, Folder);
        string? failure;
        PagefindService service;
        try { service = PagefindService.Start(command, manifestDir); }
        catch (System.ComponentModel.Win32Exception e)
        {
            failure = $"Pagefind could not be started ({command.FileName}): {e.Message}";
            messages.Add($"search index not built: {failure}");
            return new Outcome(false, messages, failure);
        }
        using (service)
        using (Interruption.OnInterrupt(service.Kill))
        // A Pagefind that stops reading would block the build on a full pipe: at the limit it is ended.
        using (new Timer(_ => service.Kill(), null, IndexLimit, Timeout.InfiniteTimeSpan))
        {
            failure = Index(service, siteDir, pages, bundle, deadline);
        }
        if (failure is null && !File.Exists(Path.Combine(bundle, "pagefind-entry.json")))
            failure = "Pagefind wrote no pagefind-entry.json";
        if (failure is not null)
        {
            messages.Add($"search index not built: {failure}");
            return new Outcome(false, messages, failure);
        }
        var (version, count) = ReadEntry(Path.Combine(bundle, "pagefind-entry.json"));
        messages.Add($"search: indexed {count} pages with Pagefind {version} in {(DateTime.UtcNow - started).TotalMilliseconds:F0} ms");
        return new Outcome(true, messages);
    }

    /// <summary>Creates an index, adds every page, writes the index; null when done, else why not.</summary>
    private static string? Index(PagefindService service, string siteDir, List<string> pages, string bundle, DateTime deadline)
    {
        try
        {
            var created = service.Await(service.Send(w => { w.WriteString("type", "NewIndex"); w.WriteStartObject("config"); w.WriteEndObject(); }), deadline);
            if (created is not { } answer || !answer.GetProperty("payload").TryGetProperty("index_id", out var id))
                return Failed(service, created);
            int index = id.GetInt32();
            foreach (var page in pages)
            {
                if (DateTime.UtcNow > deadline) return $"Pagefind took longer than {IndexLimit.TotalMinutes:F0} minutes and was stopped";
                var html = File.ReadAllText(Path.Combine(siteDir, page));
                service.Send(w =>
                {
                    w.WriteString("type", "AddFile");
                    w.WriteNumber("index_id", index);
                    w.WriteString("file_path", page);
                    w.WriteString("file_contents", html);
                });
            }
            var written = service.Await(service.Send(w =>
            {
                w.WriteString("type", "WriteFiles");
                w.WriteNumber("index_id", index);
                w.WriteString("output_path", bundle);
            }), deadline);
            if (written is not { } done || PagefindService.Type(done.GetProperty("payload")) != "WriteFiles")
                return written is null && DateTime.UtcNow > deadline
                    ? $"Pagefind took longer than {IndexLimit.TotalMinutes:F0} minutes and was stopped"
                    : Failed(service, written);
            return service.Errors().FirstOrDefault() is { } error ? $"Pagefind: {error}" : null;
        }
        catch (IOException)
        {
            // Its input closed under us: Pagefind ended (a crash, killed, or stopped at the time limit).
            return DateTime.UtcNow > deadline ? $"Pagefind took longer than {IndexLimit.TotalMinutes:F0} minutes and was stopped" : Failed(service, null);
        }
    }

    private static string Failed(PagefindService service, JsonElement? answer)
    {
        if (answer is { } a && a.GetProperty("payload").TryGetProperty("message", out var m)) return $"Pagefind: {m.GetString()}";
        if (service.Errors().FirstOrDefault() is { } error) return $"Pagefind: {error}";
        return service.Reason();
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
