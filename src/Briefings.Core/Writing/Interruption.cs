namespace Briefings.Writing;

/// <summary>What a build must undo when it is stopped (Ctrl+C, SIGTERM): a running Pagefind ended with its children,
/// then the staging folder removed, so a stopped build leaves the earlier output as it was and nothing beside it.
/// The command line calls <see cref="Run"/> from its signal handler. (A <c>kill -9</c> runs nothing: the next build
/// removes what it left, see <see cref="StagedOutput"/>, and Pagefind ends by itself when its input closes.)</summary>
public static class Interruption
{
    private static readonly Lock Gate = new();
    private static readonly List<Action> Undo = [];

    /// <summary>Set once a stop was asked for: the build's own ending (a failure its undoing caused) must then not
    /// decide the exit status; the signal handler does.</summary>
    public static bool Interrupted { get; private set; }

    /// <summary>Registers an undo step until the returned handle is disposed. Steps run newest first: what was
    /// started inside the staging folder is stopped before the folder is removed.</summary>
    public static IDisposable OnInterrupt(Action undo)
    {
        lock (Gate) Undo.Add(undo);
        return new Registration(undo);
    }

    /// <summary>Runs every registered step, newest first; a failing step does not keep the others from running.</summary>
    public static void Run()
    {
        Action[] steps;
        lock (Gate) { Interrupted = true; steps = [.. Undo]; Undo.Clear(); }
        for (int i = steps.Length - 1; i >= 0; i--)
        {
            try { steps[i](); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException) { }
        }
    }

    private sealed class Registration(Action undo) : IDisposable
    {
        public void Dispose()
        {
            lock (Gate) Undo.Remove(undo);
        }
    }
}
