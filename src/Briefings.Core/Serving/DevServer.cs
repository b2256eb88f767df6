using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Briefings.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
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
/// it: they are printed and shown over the page, and the last good site stays served.
/// It runs beside a browser that visits other sites, and serves drafts: it answers only requests addressed to
/// itself by Host (a page elsewhere cannot reach it by DNS rebinding), its own endpoints only to its own pages by
/// Origin, never with CORS headers, and with the headers production sends. The site lives in a folder only the user
/// can open (0700), removed when serve ends, and by the next serve if this one was killed.</summary>
public sealed class DevServer : IAsyncDisposable
{
    /// <summary>The temporary folders are named briefings-serve-PID-RANDOM: the process id tells a dead server's.</summary>
    public const string FolderPrefix = "briefings-serve-";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private static readonly string[] TextTypes = ["text/", "application/json", "application/xml", "application/atom+xml", "application/javascript"];

    private volatile LiveSite? _site;
    private readonly string _inputDir;
    private readonly string _repository;
    private readonly string _siteDirectory;
    private readonly SiteWatcher _watcher;
    private readonly Dictionary<string, RequestDelegate> _routes;
    private int _port;
    private int _disposed;
    private readonly WebApplication _app;
    private readonly ReloadBroadcaster _pages = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TextWriter _log;
    private readonly string _folder;
    private readonly EventHandler _onExit;
    private readonly UnhandledExceptionEventHandler _onCrash;
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
        _inputDir = Path.GetFullPath(inputDir);
        // The repository is the folder of input/ (and theme/, in a checkout): paths shown to pages are relative to it.
        _repository = Path.GetDirectoryName(_inputDir) ?? _inputDir;
        RemoveStaleFolders(Path.GetTempPath());
        // mkdtemp: a new folder with a name no one can guess, that only this user can open (0700).
        _folder = Directory.CreateTempSubdirectory($"{FolderPrefix}{Environment.ProcessId}-").FullName;
        _onExit = (_, _) => RemoveFolder();
        _onCrash = (_, _) => RemoveFolder();
        AppDomain.CurrentDomain.ProcessExit += _onExit;
        AppDomain.CurrentDomain.UnhandledException += _onCrash;
        _siteDirectory = Path.Combine(_folder, "site");
        _watcher = new SiteWatcher([_inputDir, Rendering.Theme.LocateDirectory(_inputDir)]);
        _routes = new Dictionary<string, RequestDelegate>(StringComparer.Ordinal)
        {
            [ReloadScript.Path] = SendScriptAsync,
            [ReloadScript.ErrorsPath] = SendErrorsAsync,
            [ReloadScript.EventsPath] = StreamEventsAsync,
        };
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.Services.AddLogging(l => l.ClearProviders());
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    /// <summary>The temporary folder the site is served from (0700; removed when the server stops).</summary>
    public string Folder => _folder;

    /// <summary>The paths serve answers itself, beside the files of the site.</summary>
    public IReadOnlyCollection<string> Routes => _routes.Keys;

    /// <summary>Starts serving on 127.0.0.1:<paramref name="port"/> (0 picks a free port), then builds the site and
    /// starts watching. The port is taken first, so a port in use is said at once, not after a build.</summary>
    /// <exception cref="PortUnavailableException">The port cannot be had.</exception>
    public static async Task<DevServer> StartAsync(string inputDir, int port, TextWriter log, CancellationToken cancel = default, bool verbose = false)
    {
        var server = new DevServer(inputDir, log, verbose);
        try
        {
            server._app.Urls.Clear();
            server._app.Urls.Add($"http://{IPAddress.Loopback}:{port}");
            try
            {
                await server._app.StartAsync(cancel);
            }
            catch (IOException e)
            {
                throw new PortUnavailableException(port, e.InnerException is AddressInUseException
                    ? $"port {port} on 127.0.0.1 is in use; stop what uses it, or pass another --port"
                    : $"cannot serve on port {port}: {Errors.Quoting.OneLine(e.InnerException?.Message ?? e.Message)}");
            }
            var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            server.Url = new Uri(address.TrimEnd('/') + "/");
            server._port = server.Url.Port;
            await server.BuildFirstAsync();
            server._watching = Task.Run(() => server.WatchAsync(server._stop.Token), CancellationToken.None);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Reads and builds the whole site. A build that fails (a template that throws while rendering, say)
    /// is reported like a failed rebuild: serve keeps running and waits for the fix.</summary>
    private async Task BuildFirstAsync()
    {
        try
        {
            await WritingAsync(() =>
            {
                var site = new LiveSite(_inputDir, _siteDirectory);
                var first = site.BuildAll();
                _site = site;
                Report(first, initial: true);
                return 0;
            });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Failed(e);
        }
        _pages.Send(_errors.Count > 0 ? "errors" : "reload");
    }

    /// <summary>Says that a build or rebuild failed, in the terminal and over the page, without a stack trace.</summary>
    private void Failed(Exception e)
    {
        var message = $"briefings: build failed: {Errors.Quoting.OneLine(e.Message)}";
        _log.WriteLine(message);
        _errors = [.. _site?.Problems.Select(Shown) ?? [], Scrub(message)];
    }

    /// <summary>Removes the folders of servers that are no longer running (killed, or the machine stopped).</summary>
    internal static void RemoveStaleFolders(string temp)
    {
        foreach (var dir in Directory.EnumerateDirectories(temp, FolderPrefix + "*"))
        {
            var rest = Path.GetFileName(dir)[FolderPrefix.Length..];
            int dash = rest.IndexOf('-');
            if (dash <= 0 || !int.TryParse(rest[..dash], out int pid) || IsRunning(pid)) continue;
            try
            {
                // A link planted under that name is not followed: only a real folder is removed.
                if (new DirectoryInfo(dir).LinkTarget is null) Directory.Delete(dir, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    private void RemoveFolder()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
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
            if (_site is null)
            {
                // The first build failed: every edit tries it again, until it succeeds.
                await BuildFirstAsync();
                continue;
            }
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
                Failed(e);
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
                return await WritingAsync(() => Site.Apply(batch));
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
        if (_site is not { ArchiveFilesStale: true } site) return;
        try
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            int files = await WritingAsync(site.WriteArchiveFiles);
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

    private LiveSite Site => _site ?? throw new InvalidOperationException("the site is not built yet");

    /// <summary>Prints the problems when they differ from those printed last, then one line on what was done.</summary>
    private void Report(LiveSite.Update update, bool initial)
    {
        var problems = Site.Problems;
        _errors = [.. problems.Select(Shown)];
        IReadOnlyList<Diagnostic> printed = [.. update.Diagnostics, .. problems.Except(update.Diagnostics)];
        if (initial || !printed.SequenceEqual(_printed))
        {
            foreach (var d in printed) _log.WriteLine(d);
            _printed = printed;
        }
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


    /// <summary>A problem as a page shows it: the path relative to the repository, never where the machine keeps it.</summary>
    private string Shown(Diagnostic d)
    {
        var full = Path.GetFullPath(d.Path);
        var relative = Path.GetRelativePath(_repository, full);
        bool inside = relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(relative);
        return (d with { Path = inside ? relative.Replace('\\', '/') : Path.GetFileName(full) }).ToString();
    }

    /// <summary>A message from an exception, with the repository's and serve's own folders left out of its paths.</summary>
    private string Scrub(string message) => message
        .Replace(_siteDirectory + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)
        .Replace(_folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)
        .Replace(_repository + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);

    /// <summary>What a refused request gets: the rule, and nothing of the site.</summary>
    public const string Refused = "403: briefings serve answers only pages it serves itself, at 127.0.0.1, localhost or [::1] on its port\n";

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var path = request.Path.Value ?? "/";
        // Production's headers on every answer, whatever sets the content type meanwhile; never a CORS header. The
        // one exception is caching: a preview must show each edit at once, so nothing is kept.
        response.OnStarting(() =>
        {
            foreach (var (name, value) in ProductionHeaders.For(path))
                if (!name.Equals("Cache-Control", StringComparison.OrdinalIgnoreCase)) response.Headers[name] = value;
            response.Headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        if (!IsOwnHost(request.Host) || (path.StartsWith("/__briefings/", StringComparison.Ordinal) && IsCrossOrigin(request)))
        {
            response.StatusCode = StatusCodes.Status403Forbidden;
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync(Refused, context.RequestAborted);
            return;
        }
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }
        if (_routes.TryGetValue(path, out var route)) await route(context);
        else await ServeFileAsync(context);
    }

    /// <summary>Whether a Host header names this server: 127.0.0.1, localhost or [::1], on its port. Any other name
    /// is a page elsewhere that made its own name point here (DNS rebinding), and is refused. ASP.NET Core's host
    /// filtering cannot say "on this port" (its allowed hosts exclude ports) and answers 400, so the rule is here.</summary>
    private bool IsOwnHost(HostString host)
    {
        if (!host.HasValue) return false;
        bool loopback = host.Host.Equals("127.0.0.1", StringComparison.Ordinal) || host.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || host.Host.Equals("[::1]", StringComparison.Ordinal);
        return loopback && (host.Port ?? 80) == _port;
    }

    /// <summary>Whether a request to serve's own endpoints comes from a page of another origin: an Origin that is not
    /// this server, or a browser's Sec-Fetch-Site saying so. The site's pages ask without either, or as same-origin.</summary>
    private bool IsCrossOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !(Uri.TryCreate(origin, UriKind.Absolute, out var o) && o.Scheme == Uri.UriSchemeHttp
                && o.AbsolutePath == "/" && IsOwnHost(new HostString(o.Authority))))
            return true;
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return site.Length > 0 && site is not ("same-origin" or "none");
    }

    private static Task SendScriptAsync(HttpContext context)
    {
        context.Response.ContentType = "text/javascript; charset=utf-8";
        return context.Response.WriteAsync(ReloadScript.Source, context.RequestAborted);
    }

    private Task SendErrorsAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { errors = _errors }), context.RequestAborted);
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
        var root = _siteDirectory;
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
                (_site is null ? "<body><p>The site is being built; this page reloads when it is ready.</p></body></html>"
                    : "<body><p>The site is not built yet: the archive has errors. Fix them and this page reloads.</p></body></html>"));
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
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _stop.CancelAsync();
        _pages.Complete();
        _watcher.Dispose();
        try { await _watching; } catch (OperationCanceledException) { }
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _stop.Dispose();
        _writing.Dispose();
        RemoveFolder();
        AppDomain.CurrentDomain.ProcessExit -= _onExit;
        AppDomain.CurrentDomain.UnhandledException -= _onCrash;
    }
}

/// <summary>serve cannot listen on the port it was given; the message is the one line to print.</summary>
public sealed class PortUnavailableException(int port, string message) : IOException(message)
{
    public int Port { get; } = port;
}
