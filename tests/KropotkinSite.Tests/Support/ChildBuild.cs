using System.Diagnostics;

namespace KropotkinSite.Tests.Support;

/// <summary>
/// Runs the built command line (<c>dotnet KropotkinSite.dll build ...</c>) in a child process, optionally as the
/// unprivileged user nobody: root reads every file whatever its permissions, so a test of an unreadable file
/// run as root (as in CI) builds as nobody instead.
/// </summary>
public static class ChildBuild
{
    public const int Nobody = 65534;

    private static readonly Lazy<string?> WhyNoUnprivilegedBuild = new(ProbeUnprivilegedBuild);

    /// <summary>The built command line: beside the test assembly (the project reference copies it), else in the src
    /// project's bin folder.</summary>
    public static string Program
    {
        get
        {
            var beside = Path.Combine(AppContext.BaseDirectory, "KropotkinSite.dll");
            if (File.Exists(beside)
                && File.Exists(Path.Combine(AppContext.BaseDirectory,
                "KropotkinSite.runtimeconfig.json"))) return beside;
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Parent?.Name ?? "Debug";
            var built = Path.Combine(Repository.Root, "src", "KropotkinSite", "bin", configuration, "net10.0",
                "KropotkinSite.dll");
            Assert.True(File.Exists(built), $"cannot find KropotkinSite.dll beside the tests or at {built}");
            return built;
        }
    }

    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path
        : "dotnet";

    /// <summary>Why a build cannot run without root's power to read everything here, or null when it can (as
    /// nobody through setpriv when the tests run as root, or in the test process itself otherwise).</summary>
    public static string? UnprivilegedBuildUnavailable => WhyNoUnprivilegedBuild.Value;

    public static Process Start(TestSite site, bool asNobody = false)
    {
        var arguments = new List<string>
        {
            Program, "build", "--input", site.Input, "--output", site.Output, "--theme", site.Theme,
        };
        var start = asNobody
            ? new ProcessStartInfo("setpriv",
                ["--reuid=" + Nobody, "--regid=" + Nobody, "--clear-groups", DotnetHost, .. arguments])
            : new ProcessStartInfo(DotnetHost, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.WorkingDirectory = Path.GetTempPath();
        start.Environment["HOME"] = Path.GetTempPath();
        start.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        return System.Diagnostics.Process.Start(start)!;
    }

    /// <summary>Builds without root's power to read everything: in-process when the tests are not root, else as nobody
    /// (the site's folder is given to nobody, and its theme copied into it so nobody can read it).</summary>
    /// <returns>The run, and the folder it ran in (error paths are relative to it).</returns>
    public static (BuildRun Run, string WorkingDirectory) BuildUnprivileged(TestSite site)
    {
        Assert.Null(UnprivilegedBuildUnavailable);
        if (!Environment.IsPrivilegedProcess) return (site.Build(), Directory.GetCurrentDirectory());
        var theme = Path.Combine(site.Root, "theme");
        if (!Directory.Exists(theme)) TestSite.CopyDirectory(site.Theme, theme);
        site.Theme = theme;
        Run("chown", "-R", $"{Nobody}:{Nobody}", site.Root);
        using var process = Start(site, asNobody: true);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), "the build as nobody did not finish");
        return (new BuildRun(process.ExitCode, stdout.Result, stderr.Result), process.StartInfo.WorkingDirectory);
    }

    private static string? ProbeUnprivilegedBuild()
    {
        if (!OperatingSystem.IsLinux()) return "needs Linux file permissions";
        if (!Environment.IsPrivilegedProcess) return null;
        const string reason = "running as root, which reads files whatever their permissions (chmod 000 stops " +
            "nothing), and ";
        try
        {
            using var site = TestSite.Minimal();
            using var process = Start(site, asNobody: true);
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(60_000)) return reason + "a build as nobody through setpriv did not finish";
            // nobody may not write this site's output: what matters is that the program ran and reported in its own
            // words.
            return stdout.Contains("Wrote ", StringComparison.Ordinal)
                || stderr.Result.Contains(": error KS", StringComparison.Ordinal) ? null
                : reason + $"the build cannot run as nobody through setpriv here (exit {process.ExitCode}: " +
                    $"{stderr.Result.Trim()})";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return reason + $"setpriv, to build as nobody, is missing ({e.Message})";
        }
    }

    private static void Run(string program, params string[] arguments)
    {
        using var process = System.Diagnostics.Process.Start(
            new ProcessStartInfo(program, arguments) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
