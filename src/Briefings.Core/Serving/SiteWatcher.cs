using System.Threading.Channels;

namespace Briefings.Serving;

/// <summary>Watches folders and hands over the paths that changed in batches: a batch closes once the folders
/// have been quiet for <see cref="Quiet"/>, since one save is often several events (write, rename, chmod).</summary>
public sealed class SiteWatcher : IDisposable
{
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(100);

    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Channel<string> _events = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Set when the system dropped events (too many at once): the caller should read everything again.</summary>
    public const string Overflow = "";

    public SiteWatcher(IEnumerable<string> folders)
    {
        foreach (var folder in folders.Where(Directory.Exists))
        {
            var w = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            w.Changed += (_, e) => _events.Writer.TryWrite(e.FullPath);
            w.Created += (_, e) => _events.Writer.TryWrite(e.FullPath);
            w.Deleted += (_, e) => _events.Writer.TryWrite(e.FullPath);
            w.Renamed += (_, e) => { _events.Writer.TryWrite(e.OldFullPath); _events.Writer.TryWrite(e.FullPath); };
            w.Error += (_, _) => _events.Writer.TryWrite(Overflow);
            w.EnableRaisingEvents = true;
            _watchers.Add(w);
        }
    }

    /// <summary>Waits for the next batch of changed paths (it may hold <see cref="Overflow"/>). Only the wait for
    /// its first event can be cancelled: once a batch has begun, it is always handed over whole.</summary>
    public async Task<IReadOnlyCollection<string>> NextBatchAsync(CancellationToken cancel)
    {
        var batch = new HashSet<string>(StringComparer.Ordinal) { await _events.Reader.ReadAsync(cancel) };
        while (true)
        {
            using var quiet = new CancellationTokenSource(Quiet);
            try
            {
                batch.Add(await _events.Reader.ReadAsync(quiet.Token));
            }
            catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
            {
                while (_events.Reader.TryRead(out var more)) batch.Add(more);
                return batch;
            }
        }
    }

    public void Dispose()
    {
        foreach (var w in _watchers) w.Dispose();
        _events.Writer.TryComplete();
    }
}
