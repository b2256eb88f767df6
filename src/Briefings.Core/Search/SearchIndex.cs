using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Briefings.Writing;

namespace Briefings.Search;

/// <summary>The full-text index behind /search/, made while the site is written. The build tells it each page as
/// soon as the page is on disk (<see cref="Written"/>); on a thread of its own it reads them back in the ordinal
/// order of their paths, and hands Pagefind (see <see cref="PagefindService"/>) those it indexes: the pages that
/// carry <c>data-pagefind-body</c>, Pagefind's own rule (the other pages it would read only to drop them), or every
/// page when none does. Pagefind so works beside the rendering and the feeds and data files, and writes its index
/// into pagefind/ before the site is swapped in.
/// <para>An index is not rebuilt when nothing it indexes changed: the digests of the pages given to Pagefind are
/// compared, one by one as they come, with those of the earlier output's <see cref="SearchStamp"/>; Pagefind is
/// started at the first difference (and given the pages before it again), and when there is none the earlier
/// pagefind/ files are copied instead, checked against their recorded digest.</para>
/// <para>Pagefind holds in memory the index of every page it was given until it writes it, and at 100,000 briefings
/// that was more than 16 GB. So the pages are split, in that same order, into bundles of at most
/// <see cref="BundlePages"/> pages, each its own Pagefind index made by its own Pagefind process, one after the
/// other: a bundle is written and its Pagefind ended (which gives its memory back) before the next is started. The
/// first bundle is pagefind/ itself, the others pagefind/2/, pagefind/3/...; <see cref="BundlesFile"/> lists them
/// for the search page, which merges them (Pagefind's <c>mergeIndex</c>). The stamp is kept per bundle: an edit to
/// one page makes only its bundle again.</para>
/// <para>Search is an addition: without Pagefind the build still succeeds, and says why the site has no index. But
/// a Pagefind that fails or is killed fails the build: an index half written, or a site whose search finds
/// nothing, must not replace a working one.</para></summary>
public sealed class SearchIndex : IDisposable
{
    public const string Folder = "pagefind";

    /// <summary>The most pages one Pagefind process indexes.</summary>
    // Measured on the 10,000-briefing corpus (13,540 pages indexed, the first bundles all briefings, the heaviest
    // pages), peak RSS of the largest single process (/usr/bin/time) and of the whole build's process tree:
    //   one index: Pagefind 2,057 MiB, tree 2,403 MiB;  bundles of 10,000: 1,734 / 2,111;  5,000: 1,009 / 1,358;
    //   2,000: 435 (the build itself; Pagefind less) / 792. Our own process stayed at 420-430 MiB.
    // So Pagefind holds about 0.17 MiB a page, and a bundle of 10,000 at most about 1.8 GiB at any size of archive:
    // with our process's 2 GiB that keeps a 100,000-briefing build under 4 GiB (target 6 GiB). Smaller bundles
    // cost the build nothing measurable, but the reader's browser merges every bundle (a request per bundle for
    // each file a search needs, and each bundle ranks with its own word statistics), so the bundles are as large
    // as the memory allows: 14 at 100,000 briefings.
    public const int BundlePages = 10_000;

    /// <summary>The list of the bundles the search page merges, in pagefind/ (see <see cref="BundleList"/>).</summary>
    public const string BundlesFile = "bundles.json";
    public static readonly TimeSpan IndexLimit = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan VersionLimit = TimeSpan.FromSeconds(60);

    /// <summary>Whether the index was written, and the lines the build reports about it; <paramref name="Failure"/>
    /// says why Pagefind, found and started, did not write it (the build then fails).</summary>
    public sealed record Outcome(bool Built, IReadOnlyList<string> Messages, string? Failure = null)
    {
        /// <summary>The earlier build's index was kept: nothing it indexes changed.</summary>
        public bool Reused { get; init; }
    }

    private readonly string _siteDir;
    private readonly string? _earlierDir;
    private readonly string _manifestDir;
    private readonly IReadOnlyList<string> _pages;
    private readonly int _bundlePages;
    private readonly FileSink _sink;
    private readonly bool[] _written;
    private readonly object _gate = new();
    private int _waitingFor = -1;
    private bool _stopped;
    private readonly Thread _thread;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private Outcome? _outcome;
    private ExceptionDispatchInfo? _crash;
    private volatile PagefindService? _service;

    /// <summary>Wall time from the start until the index was written or kept (it runs beside other stages).</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <param name="siteDir">The staging folder the pages are written into.</param>
    /// <param name="earlierDir">The output this build replaces, when it is one a build made: its index may be kept.</param>
    /// <param name="sink">Where the files of the index that the build itself writes go (the stamp, a kept index).</param>
    /// <param name="manifestDir">The folder of the npm manifest that pins Pagefind (the theme's).</param>
    /// <param name="pages">Every page the build writes, site-relative, in ordinal order.</param>
    /// <param name="bundlePages">The most pages a bundle holds (<see cref="BundlePages"/>; tests give fewer).</param>
    public static SearchIndex Start(string siteDir, string? earlierDir, FileSink sink, string manifestDir, IReadOnlyList<string> pages, int bundlePages = BundlePages) =>
        new(siteDir, earlierDir, sink, manifestDir, pages, bundlePages);

    /// <summary>Indexes afresh a site already written into <paramref name="siteDir"/>: every .html file there.</summary>
    public static Outcome Build(string siteDir, string manifestDir, int bundlePages = BundlePages)
    {
        var pages = Directory.EnumerateFiles(siteDir, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(siteDir, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        FileSink sink = (path, write) =>
        {
            using var stream = File.Create(StagedOutput.Inside(siteDir, path, "site folder"));
            write(stream);
        };
        using var index = Start(siteDir, null, sink, manifestDir, pages, bundlePages);
        for (int i = 0; i < pages.Count; i++) index.Written(i);
        return index.Finish();
    }

    private SearchIndex(string siteDir, string? earlierDir, FileSink sink, string manifestDir, IReadOnlyList<string> pages, int bundlePages)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bundlePages, 1);
        _bundlePages = bundlePages;
        _siteDir = siteDir;
        _earlierDir = earlierDir;
        _sink = sink;
        _manifestDir = manifestDir;
        _pages = pages;
        _written = new bool[pages.Count];
        _thread = new Thread(Run) { IsBackground = true, Name = "search index" };
        _thread.Start();
    }

    /// <summary>Page number <paramref name="page"/> of the list given at the start is written.</summary>
    public void Written(int page)
    {
        lock (_gate)
        {
            _written[page] = true;
            if (page == _waitingFor) Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Waits until the index is written (or kept, or found impossible) and says what became of it.</summary>
    public Outcome Finish()
    {
        _thread.Join();
        _crash?.Throw();
        return _outcome!;
    }

    /// <summary>Stops work not finished (the build failed): Pagefind is ended, the thread given up.</summary>
    public void Dispose()
    {
        lock (_gate) { _stopped = true; Monitor.PulseAll(_gate); }
        if (_thread.IsAlive) _service?.Kill();
        _thread.Join();
    }

    private bool WaitFor(int page)
    {
        lock (_gate)
        {
            _waitingFor = page;
            while (!_written[page] && !_stopped) Monitor.Wait(_gate);
            return !_stopped;
        }
    }

    private void Run()
    {
        try { _outcome = Make(); }
        catch (Exception e) { _crash = ExceptionDispatchInfo.Capture(e); }
        finally { Elapsed = _clock.Elapsed; }
    }

    private Outcome Make()
    {
        var found = PagefindLocator.Locate(_manifestDir);
        var messages = new List<string>(found.Notes);
        if (found.Command is not { } command)
        {
            messages.Add($"search index not built: {found.Problem}");
            return new Outcome(false, messages);
        }
        var pagefind = Identity(command);
        var earlier = _earlierDir is not null && pagefind is not null ? SearchStamp.Read(_earlierDir) : null;
        if (earlier is not null && (earlier.Pagefind != pagefind || earlier.BundlePages != _bundlePages)) earlier = null;

        var bundles = new List<SearchStamp.Bundle>();
        // The bundle being filled: its pages and their digests.
        var given = new List<string>();
        var digests = new List<string>();
        var buffer = new PageBuffer();
        Indexer? indexer = null;
        string? changed = null;
        bool mismatched = false;
        string? failure = null;
        int kept = 0;

        SearchStamp.Bundle? Before() => earlier is not null && bundles.Count < earlier.Bundles.Count ? earlier.Bundles[bundles.Count] : null;

        // Starts Pagefind for the bundle being filled and gives it the pages before <paramref name="upTo"/> again.
        void Start(int upTo)
        {
            indexer = Open(command, out failure);
            for (int i = 0; indexer is not null && i < upTo && failure is null; i++)
                failure = indexer.Add(given[i], buffer.Read(Path.Combine(_siteDir, given[i])));
        }

        // Gives Pagefind one page, starting it at the first page whose digest is not the earlier bundle's; a full
        // bundle is written out at once, and its Pagefind ended, before the next is started.
        bool Give(string page, ReadOnlyMemory<byte> html)
        {
            given.Add(page);
            digests.Add(SearchStamp.PageDigest(page, html.Span));
            int at = digests.Count - 1;
            var before = Before();
            if (indexer is null && (before is null || at >= before.Pages.Count || before.Pages[at] != digests[at]))
            {
                changed ??= page;
                Start(at);
                if (failure is not null) return false;
                html = buffer.Read(Path.Combine(_siteDir, page));
            }
            if (indexer is not null) failure = indexer.Add(page, html);
            if (failure is null && given.Count == _bundlePages) failure = Close();
            return failure is null;
        }

        // Ends the bundle being filled: its earlier files kept when none of its pages changed, else Pagefind's written.
        string? Close()
        {
            var folder = BundleFolder(bundles.Count);
            var before = Before();
            string? digest = null;
            if (indexer is null && before is not null && before.Pages.Count == digests.Count)
            {
                digest = Keep(folder, before);
                if (digest is null)
                {
                    // What was copied is not the index recorded: made again from the pages.
                    mismatched = true;
                    if (Directory.Exists(Path.Combine(_siteDir, folder))) Directory.Delete(Path.Combine(_siteDir, folder), recursive: true);
                }
                else kept++;
            }
            if (digest is null)
            {
                // Fewer pages than before, all of them the same: the index changes all the same.
                if (indexer is null && !mismatched) changed ??= "a page removed";
                if (indexer is null) Start(given.Count);
                if (indexer is not null && failure is null) failure = indexer.Write(Path.Combine(_siteDir, folder));
                // Its Pagefind is ended now, so that the memory of this bundle is given back before the next is made.
                indexer?.Dispose();
                indexer = null;
                _service = null;
                if (failure is not null) return failure;
                if (!File.Exists(Path.Combine(_siteDir, folder, "pagefind-entry.json"))) return "Pagefind wrote no pagefind-entry.json";
                digest = SearchStamp.FolderDigest(Path.Combine(_siteDir, folder), folder, skip: OtherBundle);
            }
            bundles.Add(new SearchStamp.Bundle(digests.ToList(), digest));
            given.Clear();
            digests.Clear();
            return null;
        }

        try
        {
            var without = new List<string>();
            for (int i = 0; i < _pages.Count; i++)
            {
                if (!WaitFor(i)) throw new OperationCanceledException("the build was stopped");
                var html = buffer.Read(Path.Combine(_siteDir, _pages[i]));
                if (html.Span.IndexOf("data-pagefind-body"u8) < 0) { without.Add(_pages[i]); continue; }
                if (!Give(_pages[i], html)) break;
            }
            // No page marks what to index: Pagefind then indexes every page.
            if (bundles.Count == 0 && given.Count == 0 && failure is null)
                foreach (var page in without)
                    if (!Give(page, buffer.Read(Path.Combine(_siteDir, page)))) break;
            // The last bundle, not full; or the one empty bundle of a site with nothing to index.
            if (failure is null && (given.Count > 0 || bundles.Count == 0)) failure = Close();
        }
        finally { indexer?.Dispose(); }

        if (failure is not null)
        {
            messages.Add($"search index not built: {failure}");
            return new Outcome(false, messages, failure);
        }
        if (pagefind is not null)
            _sink(SearchStamp.FileName, s => s.Write(System.Text.Encoding.UTF8.GetBytes(new SearchStamp(pagefind, _bundlePages, bundles).Text())));
        _sink(Folder + "/" + BundlesFile, s => s.Write(BundleList(bundles.Count)));

        int pages = bundles.Sum(b => b.Pages.Count);
        var split = bundles.Count == 1 ? "" : $" in {bundles.Count} bundles of at most {_bundlePages}";
        if (earlier is not null && kept == bundles.Count && kept == earlier.Bundles.Count)
        {
            messages.Add($"search: the index of {pages} pages{split} is unchanged, kept from the earlier build ({_clock.Elapsed.TotalMilliseconds:F0} ms)");
            return new Outcome(true, messages) { Reused = true };
        }
        var (version, count) = ReadEntries(bundles.Count);
        var why = earlier is null ? "" : changed is not null ? $" (changed since the earlier build: {changed})"
            : mismatched ? " (the earlier index did not match its record)" : " (changed since the earlier build: a page removed)";
        var keptSome = kept > 0 ? $", {kept} kept from the earlier build" : "";
        messages.Add($"search: indexed {count} pages{split}{keptSome} with Pagefind {version} in {_clock.Elapsed.TotalMilliseconds:F0} ms{why}");
        return new Outcome(true, messages);
    }

    /// <summary>The folder of bundle <paramref name="bundle"/> (from 0), site-relative: the first is pagefind/ itself,
    /// where the search page loads Pagefind from; the others are pagefind/2/, pagefind/3/ and so on, inside it.</summary>
    public static string BundleFolder(int bundle) => bundle == 0 ? Folder : $"{Folder}/{bundle + 1}";

    /// <summary>What is in pagefind/ but not the first bundle's: the other bundles and the list of them.</summary>
    private static bool OtherBundle(string name) => name == BundlesFile || name.All(char.IsAsciiDigit);

    /// <summary>The list search.js reads to merge the other bundles into the first (Pagefind's <c>mergeIndex</c>):
    /// <c>{"merge":["/pagefind/2/",...]}</c>, empty when there is one bundle.</summary>
    private static byte[] BundleList(int count)
    {
        var json = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(json))
        {
            w.WriteStartObject();
            w.WriteStartArray("merge");
            for (int b = 1; b < count; b++) w.WriteStringValue("/" + BundleFolder(b) + "/");
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return [.. json.WrittenSpan, (byte)'\n'];
    }

    /// <summary>Copies an earlier bundle into the site; returns its digest when it is the one the stamp records,
    /// else null (the copy is then removed by the caller).</summary>
    private string? Keep(string bundle, SearchStamp.Bundle earlier)
    {
        var folder = Path.Combine(_earlierDir!, bundle);
        if (!Directory.Exists(folder)) return null;
        try
        {
            var digest = SearchStamp.FolderDigest(folder, bundle, (path, bytes) => _sink(path, s => s.Write(bytes.Span)), OtherBundle);
            return digest == earlier.Index ? digest : null;
        }
        // Not plain files, or changed under us (another build swapped its site in meanwhile): made again.
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>Which Pagefind this is, as the stamp records it: its program's name and what it says its version is;
    /// null when it does not say (its index is then never kept).</summary>
    private string? Identity(PagefindCommand command)
    {
        var run = ToolProcess.Run(command.FileName, [.. command.Prefix, "--version"], _manifestDir, VersionLimit);
        var version = run.Output.Trim();
        return run.Succeeded && version.Length > 0 && !version.Contains('\n')
            ? $"{string.Join(" ", [Path.GetFileName(command.FileName), .. command.Prefix])}: {version}"
            : null;
    }

    private Indexer? Open(PagefindCommand command, out string? failure)
    {
        var indexer = Indexer.Open(command, _manifestDir, out failure);
        _service = indexer?.Service;
        lock (_gate)
            if (_stopped) { indexer?.Dispose(); throw new OperationCanceledException("the build was stopped"); }
        return indexer;
    }

    /// <summary>One Pagefind service and the index it makes: started, given pages, asked to write.</summary>
    private sealed class Indexer : IDisposable
    {
        public PagefindService Service { get; }
        private readonly IDisposable _onInterrupt;
        // A Pagefind that stops working (or reading, which would block the build on a full pipe) is ended once it has
        // said nothing for IndexLimit. Silence, not the whole time: Pagefind works beside the rendering, and on a busy
        // machine a large archive's index may take longer than the limit while Pagefind answers every page.
        private readonly Timer _watch;
        private volatile bool _silent;
        private int _index;

        private Indexer(PagefindService service)
        {
            Service = service;
            _onInterrupt = Interruption.OnInterrupt(service.Kill);
            _watch = new Timer(_ =>
            {
                if (DateTime.UtcNow - service.LastHeard <= IndexLimit) return;
                _silent = true;
                service.Kill();
            }, null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
        }

        public static Indexer? Open(PagefindCommand command, string manifestDir, out string? failure)
        {
            PagefindService service;
            try { service = PagefindService.Start(command, manifestDir); }
            catch (System.ComponentModel.Win32Exception e)
            {
                failure = $"Pagefind could not be started ({command.FileName}): {e.Message}";
                return null;
            }
            var indexer = new Indexer(service);
            failure = indexer.Guarded(() =>
            {
                var created = service.Await(service.Send(w => { w.WriteString("type", "NewIndex"); w.WritePropertyName("config"); w.WriteRawValue(SearchStamp.Config); }));
                if (created is not { } answer || !answer.GetProperty("payload").TryGetProperty("index_id", out var id))
                    return indexer.Failed(created);
                indexer._index = id.GetInt32();
                return null;
            });
            return indexer;
        }

        public string? Add(string page, ReadOnlyMemory<byte> html) => Guarded(() =>
        {
            if (_silent) return TooLong;
            Service.Send(w =>
            {
                w.WriteString("type", "AddFile");
                w.WriteNumber("index_id", _index);
                w.WriteString("file_path", page);
                w.WriteString("file_contents", SearchInput.Slim(html).Span);
            });
            return null;
        });

        public string? Write(string bundle) => Guarded(() =>
        {
            var written = Service.Await(Service.Send(w =>
            {
                w.WriteString("type", "WriteFiles");
                w.WriteNumber("index_id", _index);
                w.WriteString("output_path", bundle);
            }));
            if (written is not { } done || PagefindService.Type(done.GetProperty("payload")) != "WriteFiles")
                return written is null && _silent ? TooLong : Failed(written);
            return Service.Errors().FirstOrDefault() is { } error ? $"Pagefind: {error}" : null;
        });

        private static string TooLong => $"Pagefind said nothing for {IndexLimit.TotalMinutes:F0} minutes and was stopped";

        private string? Guarded(Func<string?> step)
        {
            try { return step(); }
            catch (IOException)
            {
                // Its input closed under us: Pagefind ended (a crash, killed, or stopped at the time limit).
                return _silent ? TooLong : Failed(null);
            }
        }

        private string Failed(JsonElement? answer)
        {
            if (answer is { } a && a.GetProperty("payload").TryGetProperty("message", out var m)) return $"Pagefind: {m.GetString()}";
            if (Service.Errors().FirstOrDefault() is { } error) return $"Pagefind: {error}";
            return Service.Reason();
        }

        public void Dispose()
        {
            _watch.Dispose();
            using (_onInterrupt) Service.Dispose();
        }
    }

    /// <summary>Pagefind's version, from the first bundle, and the pages of all bundles, as their entries count them.</summary>
    private (string Version, int Pages) ReadEntries(int bundles)
    {
        string version = "?";
        int pages = 0;
        for (int b = 0; b < bundles; b++)
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_siteDir, BundleFolder(b), "pagefind-entry.json")));
            if (b == 0 && json.RootElement.TryGetProperty("version", out var v)) version = v.GetString() ?? "?";
            if (json.RootElement.TryGetProperty("languages", out var languages))
                foreach (var language in languages.EnumerateObject())
                    if (language.Value.TryGetProperty("page_count", out var count)) pages += count.GetInt32();
        }
        return (version, pages);
    }
}
