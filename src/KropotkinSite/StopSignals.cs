using System.Runtime.InteropServices;

namespace KropotkinSite;

/// <summary>
/// Turns SIGINT (Ctrl+C), SIGTERM (<c>kill</c>, <c>docker stop</c>, systemd) and SIGHUP (the terminal closed)
/// into a cancellation, so a command stops in its own time and order: releasing its lock, leaving the output
/// folder whole. A second signal while it stops is left to its default action: the process ends at once.
/// </summary>
public sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _received;

    public StopSignals()
    {
        _registrations =
        [
            Register(PosixSignal.SIGINT, 2),
            Register(PosixSignal.SIGTERM, 15),
            Register(PosixSignal.SIGHUP, 1),
        ];
    }

    public CancellationToken Token => _stop.Token;

    /// <summary>The number of the first signal received (2, 15 or 1), or 0.</summary>
    public int Received => Volatile.Read(ref _received);

    /// <summary>What a shell expects of a process a signal stopped: 128 plus the signal's number.</summary>
    public int ExitStatus => 128 + Received;

    public string Name => Received switch { 2 => "SIGINT", 15 => "SIGTERM", 1 => "SIGHUP", _ => "no signal" };

    private PosixSignalRegistration Register(PosixSignal signal, int number) =>
        PosixSignalRegistration.Create(signal, context =>
        {
            if (Interlocked.CompareExchange(ref _received, number, 0) != 0) return; // the second one: default action
            context.Cancel = true;
            _stop.Cancel();
        });

    public void Dispose()
    {
        // The token source is left to the collector: a handler already running may still cancel it.
        foreach (var registration in _registrations) registration.Dispose();
    }
}
