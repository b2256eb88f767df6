using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Briefings.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Briefings.Serving;

/// <summary><c>briefings serve</c>: builds the site into a temporary folder, serves it on 127.0.0.1, and on each
/// change to input/ or theme/ rewrites what changed and tells open pages to reload. Content errors never stop
/// it: they are printed and shown over the page, and the last good site stays served.</summary>
public sealed class DevServer : IAsyncDisposable
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private static readonly string[] TextTypes = ["text/", "application/json", "application/xml", "application/atom+xml", "application/javascript"];

    private readonly LiveSite _site;
    private readonly SiteWatcher _watcher;
    private readonly WebApplication _app;
    private readonly ReloadBroadcaster _pages = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TextWriter _log;
    private readonly string _folder;
    private Task _watching = Task.CompletedTask;
    private volatile IReadOnlyList<string> _errors = [];
    private IReadOnlyList<Diagnostic> _printed = [];
    // One change to the live site at a time: an update, or writing the files about the whole archive.
    private readonly SemaphoreSlim _writing = new(1, 1);

    /// <summary>Where the site is served, e.g. http://127.0.0.1:8080/.</summary>
    public Uri Url { get; private set; } = null!;

    private readonly bool _verbose;

    private DevServer(string inputDir, TextWriter log, bool verbose)
    {
        _log = log;
        _verbose = verbose;
        _folder = Path.Combine(Path.GetTempPath(), $"briefings-serve-{Environment.ProcessId}-{Guid.NewGuid():N}");
        _site = new LiveSite(inputDir, Path.Combine(_folder, "site"));
        _watcher = new SiteWatcher([Path.GetFullPath(inputDir), _site.ThemeDirectory]);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.Services.AddLogging(l => l.ClearProviders());
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    /// <summary>Builds the site, starts serving on 127.0.0.1:<paramref name="port"/> (0 picks a free port) and starts watching.</summary>
    public static async Task<DevServer> StartAsync(string inputDir, int port, TextWriter log, CancellationToken cancel = default, bool verbose = false)
    {
        var server = new DevServer(inputDir, log, verbose);
        server._app.Urls.Clear();
        server._app.Urls.Add($"http://{IPAddress.Loopback}:{port}");
        var first = server._site.BuildAll();
        server.Report(first, initial: true);
        await server._app.StartAsync(cancel);
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Url = new Uri(address.TrimEnd('/') + "/");
        server._watching = Task.Run(() => server.WatchAsync(server._stop.Token), CancellationToken.None);
        return server;
    }

    private async Task WatchAsync(CancellationToken cancel)
    {
        while (!cancel.IsCancellationRequested)
        {
            IReadOnlyCollection<string> batch;
            try
            {
                batch = await _watcher.NextBatchAsync(cancel);
            }
            catch (Exception e) when (e is OperationCanceledException or ChannelClosedException) { return; }
            LiveSite.Update update;
            try
            {
                update = await ApplyAsync(batch);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _log.WriteLine($"briefings: {e.Message}");
                continue;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A template that fails while rendering, say: keep serving, say what happened, wait for the next save.
                var message = $"briefings: rebuild failed: {e.Message}";
                _log.WriteLine(message);
                _errors = [.. _site.Errors, message];
                _pages.Send("errors");
                continue;
            }
            bool hadErrors = _errors.Count > 0;
            Report(update, initial: false);
            if (_errors.Count > 0) _pages.Send("errors");
            else if (update.Rendered + update.Deleted > 0) _pages.Send("reload");
            else if (hadErrors) _pages.Send("errors");
        }
    }

    /// <summary>Applies a batch on a thread of its own: an update blocks while it renders on the thread pool, which
    /// must stay free for that rendering and for the requests the server answers meanwhile. A file caught while
    /// an editor is still writing or holding it is tried again a moment later.</summary>
    private async Task<LiveSite.Update> ApplyAsync(IReadOnlyCollection<string> batch)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await WritingAsync(() => _site.Apply(batch));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException && attempt < 3)
            {
                await Task.Delay(SiteWatcher.Quiet);
            }
        }
    }

    /// <summary>Writes the sitemap, data files and redirect rules again if an edit has made them stale. They are
    /// about the whole archive and take longest to write (seconds, on a large one), so serve writes them when
    /// they are asked for, never while someone is saving and waiting for their page.</summary>
    private async Task WriteArchiveFilesAsync()
    {
        if (!_site.ArchiveFilesStale) return;
        try
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            int files = await WritingAsync(_site.WriteArchiveFiles);
            if (_verbose && files > 0) _log.WriteLine($"wrote {Wording.Count(files, "file")} about the whole archive (sitemap, data, redirects) in {sw.Elapsed.TotalMilliseconds:F0} ms");
        }
        catch (IOException e)
        {
            _log.WriteLine($"briefings: {e.Message}");
        }
    }

    /// <summary>Runs a change to the live site on a thread of its own (it blocks while it renders on the thread
    /// pool, which must stay free for that rendering and for the requests answered meanwhile), one at a time.</summary>
    private async Task<T> WritingAsync<T>(Func<T> change)
    {
        await _writing.WaitAsync();
        try
        {
            return await Task.Factory.StartNew(change, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>Prints the problems when they differ from those printed last, then one line on what was done.</summary>
    private void Report(LiveSite.Update update, bool initial)
    {
        _errors = _site.Errors;
        if (initial || !update.Diagnostics.SequenceEqual(_printed))
        {
            foreach (var d in update.Diagnostics) _log.WriteLine(d);
            _printed = update.Diagnostics;
        }
        foreach (var e in _site.Errors.Where(e => !e.Contains(": error ", StringComparison.Ordinal))) _log.WriteLine(e);
        int errors = _errors.Count;
        var ms = $"{update.Elapsed.TotalMilliseconds:F0} ms";
        _log.WriteLine(errors > 0
            ? $"{Wording.Count(errors, "error")}: {(initial ? "nothing to serve until they are fixed" : "still serving the last good site")}"
            : initial ? $"built {update.Rendered} files in {ms}"
            : update.Written ? $"rebuilt {Wording.Count(update.Rendered, "file")}{(update.Deleted > 0 ? $", removed {update.Deleted}" : "")} in {ms}"
            : $"nothing to rebuild ({ms})");
        if (_verbose)
            foreach (var line in update.Timings.Lines()) _log.WriteLine(line);
    }


    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }
        switch (request.Path.Value)
        {
            case ReloadScript.Path:
                response.ContentType = "text/javascript; charset=utf-8";
                await response.WriteAsync(ReloadScript.Source, context.RequestAborted);
                return;
            case ReloadScript.ErrorsPath:
                response.ContentType = "application/json; charset=utf-8";
                await response.WriteAsync(JsonSerializer.Serialize(new { errors = _errors }), context.RequestAborted);
                return;
            case ReloadScript.EventsPath:
                await StreamEventsAsync(context);
                return;
        }
        await ServeFileAsync(context);
    }

    private async Task StreamEventsAsync(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        var messages = _pages.Subscribe();
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stop.Token);
        try
        {
            await response.WriteAsync(": connected\n\n", ended.Token);
            await response.Body.FlushAsync(ended.Token);
            int n = 0;
            await foreach (var message in messages.ReadAllAsync(ended.Token))
            {
                await response.WriteAsync($"event: {message}\ndata: {++n}\n\n", ended.Token);
                await response.Body.FlushAsync(ended.Token);
            }
        }
        catch (OperationCanceledException) { }
        finally
        {
            _pages.Unsubscribe(messages);
        }
    }

    private async Task ServeFileAsync(HttpContext context)
    {
        var root = _site.SiteDirectory;
        var path = context.Request.Path.Value ?? "/";
        if (Publishing.Publisher.IsArchiveFile(path)) await WriteArchiveFilesAsync();
        var full = Path.GetFullPath(Path.Combine(root, path.TrimStart('/')));
        bool inside = full == root || full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        if (inside && Directory.Exists(full))
        {
            if (!path.EndsWith('/'))
            {
                context.Response.Redirect(path + "/" + context.Request.QueryString, permanent: true);
                return;
            }
            full = Path.Combine(full, "index.html");
        }
        if (!inside || !File.Exists(full))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            var notFound = Path.Combine(root, "404.html");
            if (File.Exists(notFound)) await SendAsync(context, notFound);
            else await SendHtmlAsync(context, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Not built</title></head>" +
                "<body><p>The site is not built yet: the archive has errors. Fix them and this page reloads.</p></body></html>");
            return;
        }
        await SendAsync(context, full);
    }

    private static async Task SendAsync(HttpContext context, string file)
    {
        if (!ContentTypes.TryGetContentType(file, out var type)) type = "application/octet-stream";
        if (type == "text/html")
        {
            string html;
            try { html = await File.ReadAllTextAsync(file, context.RequestAborted); }
            catch (FileNotFoundException) { context.Response.StatusCode = StatusCodes.Status404NotFound; return; }
            await SendHtmlAsync(context, html);
            return;
        }
        context.Response.ContentType = TextTypes.Any(t => type.StartsWith(t, StringComparison.Ordinal)) ? type + "; charset=utf-8" : type;
        byte[] bytes;
        try { bytes = await File.ReadAllBytesAsync(file, context.RequestAborted); }
        catch (FileNotFoundException) { context.Response.StatusCode = StatusCodes.Status404NotFound; return; }
        context.Response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(context.Request.Method)) await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    private static async Task SendHtmlAsync(HttpContext context, string html)
    {
        var bytes = Encoding.UTF8.GetBytes(ReloadScript.Inject(html));
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(context.Request.Method)) await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    /// <summary>Stops watching and serving, ends the open event streams, and deletes the temporary site.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _pages.Complete();
        _watcher.Dispose();
        try { await _watching; } catch (OperationCanceledException) { }
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _stop.Dispose();
        _writing.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (DirectoryNotFoundException) { }
    }
}
