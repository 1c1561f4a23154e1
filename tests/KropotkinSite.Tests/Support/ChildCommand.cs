using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KropotkinSite.Tests.Support;

/// <summary>
/// The built command line (<c>dotnet KropotkinSite.dll ...</c>, the one the tests' build put beside them) run in a
/// child process, as a user runs it: what it prints is collected as it comes, and it can be sent signals. A child
/// still running when the test ends is killed.
/// </summary>
public sealed class ChildCommand : IDisposable
{
    private static readonly Regex ServingAt = new(@"at (http://\S+/) \(Ctrl\+C");
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private ChildCommand(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_stdout) _stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;
    public string Stdout { get { lock (_stdout) return _stdout.ToString(); } }
    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }
    public string Printed =>
        $"exit {(HasExited ? ExitCode.ToString(CultureInfo.InvariantCulture) : "(running)")}\n" +
        $"stdout:\n{Stdout}\nstderr:\n{Stderr}";

    /// <summary>Starts <c>KropotkinSite COMMAND --input --output --theme</c> of a site, with more arguments.</summary>
    public static ChildCommand Start(TestSite site, string command, params string[] more) =>
        Start(site.Root, [command, "--input", site.Input, "--output", site.Output, "--theme", site.Theme, .. more]);

    public static ChildCommand Start(string workingDirectory, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(ChildBuild.DotnetHost, [ChildBuild.Program, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.Environment["HOME"] = Path.GetTempPath();
        start.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        return new ChildCommand(Process.Start(start)!);
    }

    /// <summary>Runs a command to its end (at most two minutes).</summary>
    public static ChildCommand Run(TestSite site, string command, params string[] more)
    {
        var child = Start(site, command, more);
        Assert.True(child.WaitForExit(TimeSpan.FromMinutes(2)),
            $"{command} did not finish in two minutes:\n{child.Printed}");
        return child;
    }

    public bool WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout)) return false;
        _process.WaitForExit(); // and the output read to its end
        return true;
    }

    /// <summary>Waits for a preview to say where it serves, after its first build.</summary>
    public Uri WaitForServing()
    {
        WaitForOutput(ServingAt.IsMatch, "where it serves");
        return new Uri(ServingAt.Match(Stdout).Groups[1].Value);
    }

    /// <summary>Waits (at most a minute) until what the command printed satisfies a condition.</summary>
    public void WaitForOutput(Func<string, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition(Stdout + Stderr))
        {
            if (HasExited)
            {
                _process.WaitForExit();
                Assert.True(condition(Stdout + Stderr), $"the command ended before it printed {what}:\n{Printed}");
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, $"the command never printed {what}:\n{Printed}");
            Thread.Sleep(20);
        }
    }

    /// <summary>Sends a signal (SIGTERM, SIGINT, SIGHUP) with kill(1).</summary>
    public void Signal(string name)
    {
        var signal = name.Replace("SIG", "", StringComparison.Ordinal);
        var arguments = new[] { "-s", signal, Id.ToString(CultureInfo.InvariantCulture) };
        using var kill = Process.Start(new ProcessStartInfo("kill", arguments) { UseShellExecute = false })!;
        kill.WaitForExit();
        Assert.True(kill.ExitCode == 0, $"kill -s {name} {Id} failed");
    }

    /// <summary>The signals this process ignores (from /proc): a process started in the background without job
    /// control ignores SIGINT, and its children inherit that.</summary>
    public bool Ignores(int signal)
    {
        var line = File.ReadLines($"/proc/{Id}/status").First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        var mask = ulong.Parse(line["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return (mask & (1UL << (signal - 1))) != 0;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
