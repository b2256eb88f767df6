using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Briefings.Serving;
using Briefings.Tests.Support;
using Tomlyn;
using Tomlyn.Model;

namespace Briefings.Tests.Serving;

/// <summary>What serve gives a request that does not come from the contributor's own pages (another Host, another
/// Origin), the headers it sends, what its error page shows, its temporary folder, and its theme checks. serve runs
/// in process over a copy of the test site (<see cref="ServeInProcess"/>).</summary>
public sealed class ServeSafetyTests : ServeInProcess
{
    /// <summary>Every path serve answers: its own routes, and every file and folder of the site it serves.</summary>
    private IEnumerable<string> EveryEndpoint()
    {
        var site = Path.Combine(_server.Folder, "site");
        var files = Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories)
            .Select(f => "/" + Path.GetRelativePath(site, f).Replace('\\', '/'));
        var folders = Directory.EnumerateDirectories(site, "*", SearchOption.AllDirectories)
            .Select(d => "/" + Path.GetRelativePath(site, d).Replace('\\', '/') + "/");
        return [.. _server.Routes, "/", .. folders, .. files];
    }

    private async Task<HttpResponseMessage> GetAsync(string path, Action<HttpRequestMessage>? setup = null)
    {
        using var cancel = new CancellationTokenSource(Deadline);
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        setup?.Invoke(request);
        return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("127.0.0.1.nip.io")]
    [InlineData("localhost.evil.example")]
    [InlineData("127.0.0.1:1")]
    public async Task A_foreign_Host_gets_403_from_every_endpoint(string host)
    {
        var endpoints = EveryEndpoint().ToList();
        Assert.Contains(ReloadScript.ErrorsPath, endpoints);
        Assert.Contains(ReloadScript.EventsPath, endpoints);
        Assert.Contains("/data/archive.json", endpoints);
        var withPort = host.Contains(':') ? host : $"{host}:{_server.Url.Port}";
        foreach (var path in endpoints)
        {
            using var response = await GetAsync(path, r => r.Headers.Host = withPort);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path} with Host {withPort}: {(int)response.StatusCode}");
            Assert.Equal(DevServer.Refused, await response.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("LOCALHOST")]
    [InlineData("[::1]")]
    public async Task The_loopback_names_on_its_port_are_served(string host)
    {
        using var response = await GetAsync("/", r => r.Headers.Host = $"{host}:{_server.Url.Port}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("Origin", "http://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Origin", "http://127.0.0.1:1")]
    [InlineData("Origin", "https://localhost")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task A_request_from_another_origin_gets_403_from_serves_own_endpoints(string header, string value)
    {
        foreach (var path in _server.Routes)
        {
            using var response = await GetAsync(path, r => r.Headers.TryAddWithoutValidation(header, value));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path} with {header}: {value}: {(int)response.StatusCode}");
            Assert.Equal(DevServer.Refused, await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Its_own_pages_reach_its_endpoints_and_no_answer_carries_a_CORS_header()
    {
        foreach (var path in _server.Routes.Where(p => p != ReloadScript.EventsPath))
        {
            using var own = await GetAsync(path, r =>
            {
                r.Headers.TryAddWithoutValidation("Origin", _server.Url.GetLeftPart(UriPartial.Authority));
                r.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "same-origin");
            });
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }
        foreach (var path in EveryEndpoint().Where(p => p != ReloadScript.EventsPath))
        {
            using var response = await GetAsync(path, r => r.Headers.TryAddWithoutValidation("Origin", "http://evil.example"));
            Assert.DoesNotContain(response.Headers.Concat(response.Content.Headers), h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>netlify.toml's [[headers]], read with a TOML parser: (pattern, header, value) in file order.</summary>
    private static List<(string For, string Name, string Value)> NetlifyHeaders()
    {
        var toml = TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(Path.Combine(RepoPaths.Root, "netlify.toml")))!;
        var rules = new List<(string, string, string)>();
        foreach (TomlTable rule in (TomlTableArray)toml["headers"])
            foreach (var (name, value) in (TomlTable)rule["values"])
                rules.Add(((string)rule["for"], name, (string)value));
        return rules;
    }

    [Fact]
    public void The_production_headers_serve_sends_are_netlify_tomls()
    {
        var ours = ProductionHeaders.Rules.SelectMany(r => r.Values.Select(v => (r.For, v.Key, v.Value))).ToList();
        Assert.Equal(NetlifyHeaders(), ours);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/people/")]
    [InlineData("/assets/site.css")]
    [InlineData("/feed.xml")]
    [InlineData("/assets/feed.xsl")]
    [InlineData("/sitemap.xml")]
    [InlineData("/data/archive.json")]
    [InlineData("/people/nobody-at-all/")]
    [InlineData(ReloadScript.ErrorsPath)]
    [InlineData(ReloadScript.Path)]
    public async Task Every_answer_carries_the_headers_of_netlify_toml(string path)
    {
        // Netlify applies every matching rule in order, a later value replacing an earlier one.
        var expected = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (pattern, name, value) in NetlifyHeaders().Where(h => ProductionHeaders.Matches(h.For, path)))
            expected[name] = value;
        Assert.Contains("Content-Security-Policy", expected.Keys);

        using var response = await GetAsync(path);
        var sent = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in expected)
        {
            // The one exception, on purpose: a preview caches nothing, so every edit shows at once.
            var want = name.Equals("Cache-Control", StringComparison.OrdinalIgnoreCase) ? "no-store" : value;
            Assert.True(sent.TryGetValue(name, out var got) && Same(name, want, got), $"{path}: {name} is '{got}', production sends '{want}'");
        }
        Assert.Equal("no-store", sent["Cache-Control"]);
    }

    /// <summary>HttpClient re-joins some headers' parts with its own spacing.</summary>
    private static bool Same(string name, string want, string got) =>
        name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) ? want.Replace(" ", "") == got.Replace(" ", "") : want == got;

    [Fact]
    public async Task The_error_page_shows_paths_relative_to_the_repository_and_no_template_source()
    {
        var briefing = Directory.EnumerateFiles(Path.Combine(_archive.Input, "briefings"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var relative = Path.GetRelativePath(_archive.Input, briefing).Replace('\\', '/');
        _archive.ReplaceLine(relative, "title:", "title: [\"unclosed");
        var layout = Path.Combine(_archive.Theme, "templates", "layout.liquid");
        const string secret = "{{ page.title  <p>template source, not for showing</p>";
        File.AppendAllText(layout, "\n" + secret + "\n");

        string[] errors = [];
        await Eventually("both errors are shown", async () => (errors = await ErrorsAsync()).Length == 2);

        Assert.Contains(errors, e => e.StartsWith($"input/{relative}:", StringComparison.Ordinal) && e.Contains("error BR201"));
        Assert.Contains(errors, e => e.StartsWith("theme/templates/layout.liquid:", StringComparison.Ordinal) && e.Contains("error BR150"));
        foreach (var e in errors)
        {
            Assert.DoesNotContain(_archive.Root, e);
            Assert.DoesNotContain(Path.GetTempPath(), e);
            Assert.DoesNotContain("template source", e);
            Assert.DoesNotContain("<p>", e);
        }
    }

    [Fact]
    public async Task The_site_is_served_from_a_folder_only_the_user_can_open_and_it_is_gone_after_stop()
    {
        var folder = _server.Folder;
        Assert.StartsWith(Path.GetTempPath(), folder);
        Assert.True(File.Exists(Path.Combine(folder, "site", "index.html")));
        Assert.True(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "serve's folder rights are tested on Unix");
#pragma warning disable CA1416 // Unix only, as asserted above
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
#pragma warning restore CA1416

        await using (var another = await DevServer.StartAsync(_archive.Input, 0, TextWriter.Null))
        {
            Assert.NotEqual(folder, another.Folder);
            Assert.True(Directory.Exists(another.Folder));
            var anotherFolder = another.Folder;
            await another.DisposeAsync();
            Assert.False(Directory.Exists(anotherFolder), "the folder is left after stop");
        }
        Assert.True(Directory.Exists(folder), "stopping one server removed another's folder");
    }

    [Fact]
    public async Task The_folder_of_a_server_that_was_killed_is_removed_by_the_next()
    {
        using var dead = System.Diagnostics.Process.Start("true")!;
        await dead.WaitForExitAsync();
        var stale = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"{DevServer.FolderPrefix}{dead.Id}-test{Guid.NewGuid():N}")).FullName;
        File.WriteAllText(Path.Combine(stale, "draft.html"), "a draft");

        await using (await DevServer.StartAsync(_archive.Input, 0, TextWriter.Null)) { }

        Assert.False(Directory.Exists(stale), "a dead server's folder is still there");
        Assert.True(Directory.Exists(_server.Folder), "the folder of a running server was removed");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_link_added_to_the_theme_assets_while_serving_is_refused_and_never_followed(bool folder)
    {
        var secret = Path.Combine(_archive.Root, "secret");
        Directory.CreateDirectory(secret);
        File.WriteAllText(Path.Combine(secret, "leak.txt"), "not for serving");
        var link = Path.Combine(_archive.Theme, "assets", folder ? "linked" : "leak.txt");
        if (folder) Directory.CreateSymbolicLink(link, secret);
        else File.CreateSymbolicLink(link, Path.Combine(secret, "leak.txt"));

        string[] errors = [];
        await Eventually("the link is reported", async () => (errors = await ErrorsAsync()).Length > 0);
        var error = Assert.Single(errors);
        Assert.StartsWith($"theme/assets/{Path.GetFileName(link)}:1:1: error BR150:", error);
        Assert.Contains("is a link", error);
        using var leaked = await GetAsync(folder ? "/assets/linked/leak.txt" : "/assets/leak.txt");
        Assert.Equal(HttpStatusCode.NotFound, leaked.StatusCode);
        Assert.DoesNotContain("not for serving", await leaked.Content.ReadAsStringAsync());
        Assert.False(File.Exists(Path.Combine(_server.Folder, "site", "assets", "leak.txt")));

        File.Delete(link);
        await Eventually("the error is gone once the link is", async () => (await ErrorsAsync()).Length == 0);
    }

    [Fact]
    public async Task A_theme_link_at_start_up_is_one_line_and_serve_keeps_running()
    {
        using var archive = new TempArchive();
        File.CreateSymbolicLink(Path.Combine(archive.Theme, "assets", "leak.txt"), "/etc/hostname");
        var log = new StringWriter();

        await using var server = await DevServer.StartAsync(archive.Input, 0, TextWriter.Synchronized(log));

        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines, l => l.Contains("error BR150:") && l.Contains("assets/leak.txt") && l.Contains("is a link"));
        Assert.DoesNotContain("   at ", log.ToString());
        using var http = new HttpClient { BaseAddress = server.Url };
        using var json = JsonDocument.Parse(await http.GetStringAsync(ReloadScript.ErrorsPath));
        Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
    }
}

/// <summary><c>briefings serve</c>'s command line: the port, and a port already taken.</summary>
public sealed class ServeCommandTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("70000")]
    [InlineData("-1")]
    [InlineData("80.5")]
    public void A_port_that_is_not_one_exits_2_with_one_line(string port)
    {
        using var archive = new TempArchive();
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        int code = Cli.Cli.Run(["serve", "--input", archive.Input, "--port", port], stdout, stderr);

        Assert.Equal(2, code);
        var line = Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"briefings: --port must be a number from 1 to 65535, not '{port}'", line);
        Assert.Equal("", stdout.ToString());
    }

    [Fact]
    public void A_port_in_use_is_said_in_one_line_before_anything_is_built()
    {
        using var archive = new TempArchive();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        int code = Cli.Cli.Run(["serve", "--input", archive.Input, "--port", port.ToString()], stdout, stderr);

        Assert.Equal(2, code);
        var line = Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"briefings: port {port} on 127.0.0.1 is in use; stop what uses it, or pass another --port", line);
        // serve prints what it built on stdout: nothing was.
        Assert.Equal("", stdout.ToString());
    }
}

/// <summary>The real program, stopped by a signal as a terminal, a service manager or <c>kill</c> stops it: it
/// exits 0 and its temporary folder is gone.</summary>
public sealed class ServeSignalTests
{
    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    [InlineData("HUP")]
    public async Task A_signal_stops_serve_and_its_folder_is_removed(string signal)
    {
        using var archive = new TempArchive();
        int port;
        using (var free = new TcpListener(IPAddress.Loopback, 0)) { free.Start(); port = ((IPEndPoint)free.LocalEndpoint).Port; }
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "briefings.dll"), "serve", "--input", archive.Input, "--port", port.ToString() },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var serve = System.Diagnostics.Process.Start(start)!;
        try
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            string? line;
            do line = await serve.StandardOutput.ReadLineAsync(cancel.Token);
            while (line is not null && !line.StartsWith("serving ", StringComparison.Ordinal));
            Assert.NotNull(line);
            var folder = Assert.Single(Directory.GetDirectories(Path.GetTempPath(), $"{DevServer.FolderPrefix}{serve.Id}-*"));
            Assert.True(File.Exists(Path.Combine(folder, "site", "index.html")));

            async Task Send(string name)
            {
                using var kill = System.Diagnostics.Process.Start("kill", ["-" + name, serve.Id.ToString()])!;
                await kill.WaitForExitAsync(cancel.Token);
            }
            await Send(signal);
            // Run under nohup, the tests ignore SIGHUP and so does the serve they start, as nohup promises: then HUP
            // must leave serve running, and TERM still stops it and removes its folder.
            if (signal == "HUP" && HangUpIgnored())
            {
                await Task.Delay(TimeSpan.FromSeconds(2), cancel.Token);
                Assert.False(serve.HasExited, "serve started with SIGHUP ignored (nohup) stopped on SIGHUP");
                await Send("TERM");
            }
            await serve.WaitForExitAsync(cancel.Token);

            Assert.Equal(0, serve.ExitCode);
            Assert.False(Directory.Exists(folder), $"SIG{signal} left {folder}");
        }
        finally
        {
            if (!serve.HasExited) serve.Kill(entireProcessTree: true);
        }
    }

    /// <summary>Whether this process ignores SIGHUP (signal 1: bit 0 of the SigIgn mask in /proc/self/status), which
    /// a child inherits across exec.</summary>
    private static bool HangUpIgnored() =>
        File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal)) is { } line
        && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & 1) != 0;
}
