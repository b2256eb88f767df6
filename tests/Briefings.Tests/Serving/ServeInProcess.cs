using System.Text.Json;
using Briefings.Serving;

namespace Briefings.Tests.Serving;

/// <summary><c>serve</c> in process on a free port over a copy of the test site, for the tests of one class; its
/// output is kept in <see cref="_log"/>. Waits poll with <see cref="Deadline"/>; they never sleep a fixed time.</summary>
public abstract class ServeInProcess : IAsyncLifetime
{
    protected static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    protected readonly TempArchive _archive = new();
    protected readonly StringWriter _log = new();
    protected DevServer _server = null!;
    protected HttpClient _http = null!;

    public virtual async Task InitializeAsync()
    {
        _server = await DevServer.StartAsync(_archive.Input, 0, TextWriter.Synchronized(_log));
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _server.Url };
    }

    public virtual async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        _archive.Dispose();
    }

    /// <summary>Waits until the condition holds, failing the test past the deadline.</summary>
    protected static async Task Eventually(string what, Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow + Deadline;
        while (!await condition())
        {
            if (DateTime.UtcNow > until) Assert.Fail($"not within {Deadline.TotalSeconds} s: {what}");
            await Task.Delay(20);
        }
    }

    /// <summary>The problems serve reports at its errors endpoint, as a page's reload script reads them.</summary>
    protected async Task<string[]> ErrorsAsync()
    {
        using var json = JsonDocument.Parse(await _http.GetStringAsync(ReloadScript.ErrorsPath));
        return json.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToArray();
    }
}
