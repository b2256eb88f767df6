using System.Threading.Channels;

namespace Briefings.Serving;

/// <summary>Sends each message to every open page listening on the event stream.</summary>
public sealed class ReloadBroadcaster
{
    private readonly Lock _lock = new();
    private readonly List<Channel<string>> _listeners = [];

    public ChannelReader<string> Subscribe()
    {
        var channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        lock (_lock) _listeners.Add(channel);
        return channel.Reader;
    }

    public void Unsubscribe(ChannelReader<string> reader)
    {
        lock (_lock) _listeners.RemoveAll(c => c.Reader == reader);
    }

    public void Send(string message)
    {
        lock (_lock)
            foreach (var c in _listeners) c.Writer.TryWrite(message);
    }

    /// <summary>Ends every stream, so the server can stop without waiting for the pages to hang up.</summary>
    public void Complete()
    {
        lock (_lock)
        {
            foreach (var c in _listeners) c.Writer.TryComplete();
            _listeners.Clear();
        }
    }
}
