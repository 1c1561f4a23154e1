using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

/// <summary>
/// A preview server run as a child process: started, known to be serving once it prints its address,
/// and killed (with its children) when disposed.
/// </summary>
sealed class ServerProcess : IDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri address) => (_process, Address) = (process, address);

    public Uri Address { get; }

    public int Id => _process.Id;

    /// <summary>
    /// Starts <paramref name="file"/> and reads its output until a line matches <paramref name="addressPattern"/>,
    /// whose first group is the address. Both servers print that line only once the first build is done.
    /// </summary>
    public static ServerProcess Start(string name, string file, IEnumerable<string> arguments, string addressPattern)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"{name}: {e.Data}"); };
        process.BeginErrorReadLine();
        Uri? address = null;
        while (address is null)
        {
            var line = process.StandardOutput.ReadLine();
            if (line is null)
            {
                process.WaitForExit();
                throw new InvalidOperationException($"{name} exited ({process.ExitCode}) before serving");
            }
            var match = Regex.Match(line, addressPattern);
            // Both bind only 127.0.0.1; Hugo calls it "localhost", which might try ::1 first.
            if (match.Success) address = new UriBuilder(match.Groups[1].Value) { Host = "127.0.0.1" }.Uri;
        }
        var server = new ServerProcess(process, address);
        // Keep draining its output, so that a full pipe never blocks it; ours says how long each rebuild took.
        _ = Task.Run(() =>
        {
            while (process.StandardOutput.ReadLine() is { } line)
                if (Regex.Match(line, @"^Rebuilt in (\d+) ms") is { Success: true } rebuilt)
                    server._rebuilds.Enqueue(double.Parse(rebuilt.Groups[1].Value, CultureInfo.InvariantCulture));
        });
        return server;
    }

    private readonly ConcurrentQueue<double> _rebuilds = new();

    /// <summary>The time the server's own rebuilds took (ours prints it), in milliseconds, since the last
    /// call.</summary>
    public double TakeRebuildTime()
    {
        var total = 0.0;
        while (_rebuilds.TryDequeue(out var ms)) total += ms;
        return total;
    }

    /// <summary>Waits until the server has used next to no CPU for a tenth of a second (Linux: /proc).</summary>
    public async Task WaitUntilIdleAsync()
    {
        var limit = Stopwatch.StartNew();
        var before = CpuTicks();
        while (limit.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
            var now = CpuTicks();
            if (now - before <= 1) return; // one clock tick (10 ms) of CPU in 100 ms
            before = now;
        }
    }

    // utime and stime, fields 14 and 15 of /proc/PID/stat; the name in field 2 may hold spaces, so count after ')'.
    private long CpuTicks()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11]) + long.Parse(fields[12]);
    }

    public void Dispose()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }
}
