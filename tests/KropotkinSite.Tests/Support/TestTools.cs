using System.Diagnostics;
using System.Text.Json;

namespace KropotkinSite.Tests.Support;

/// <summary>
/// Sets up, the first time a test needs them, the programs the slow tests drive: Debian's chromium, a Java
/// runtime (for the Nu Html Checker) and nginx through apt, and the pinned npm packages of tests/tools through
/// <c>npm ci</c>. Only the package registries are used, never a browser download. Each set is looked at once
/// per test process (test classes run in parallel), installs hold a lock file that other test processes wait
/// on, and when everything is there already the look costs a few milliseconds. Where something cannot be
/// installed (not root, no apt-get, no Node.js) the tests that need it fail with one line saying what to run.
/// </summary>
public static class TestTools
{
    private const string VnuJarInTools = "node_modules/vnu-jar/build/dist/vnu.jar";
    private const string NpmCi = "npm ci --ignore-scripts";
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(15);
    private static readonly Lazy<string?> BrowserTools = new(() => Install(needBrowser: true, needNginx: false));
    private static readonly Lazy<string?> Validator = new(() => Install(needBrowser: false, needNginx: false));
    private static readonly Lazy<string?> WebServer = new(() => Install(needBrowser: false, needNginx: true));
    private static readonly Lazy<string?> NodeCheck = new(NodeProblem); // starts node once per test process

    public static string ToolsFolder => Path.Combine(Repository.Root, "tests", "tools");
    public static string VnuJar => Path.Combine(ToolsFolder, VnuJarInTools);
    public static string Node => FindOnPath("node") ?? "node";
    public static string Java => FindOnPath("java") ?? "java";
    public static string Nginx => FindOnPath("nginx") ?? "/usr/sbin/nginx";

    /// <summary>Chromium, Java, Node.js and the npm packages of tests/tools, installed when missing, or the test
    /// fails.</summary>
    public static void RequireBrowserTools() => Require(BrowserTools);

    /// <summary>Java, Node.js and the npm packages (vnu.jar), installed when missing, or the test fails.</summary>
    public static void RequireValidator() => Require(Validator);

    /// <summary>Debian's nginx, installed when missing, or the test fails.</summary>
    public static void RequireNginx() => Require(WebServer);

    private static void Require(Lazy<string?> check)
    {
        if (check.Value is { } problem) Assert.Fail(problem);
    }

    private static string? Install(bool needBrowser, bool needNginx)
    {
        var needNpm = !needNginx;
        if (Missing(needBrowser, needNginx, needNpm) is null) return null;
        using var installLock = InstallLock.Take(InstallTimeout);
        var missing = Missing(needBrowser, needNginx, needNpm); // another process may have installed them meanwhile
        if (missing is null) return null;
        if (missing.AptPackages.Count > 0 && InstallWithApt(missing.AptPackages) is { } aptProblem) return aptProblem;
        if (missing.NodeProblem is { } nodeProblem) return nodeProblem;
        if (missing.NpmPackages && InstallNpmPackages() is { } npmProblem) return npmProblem;
        return Missing(needBrowser, needNginx, needNpm) is { } still
            ? $"The test tools are still missing after installing them ({still}); run `cd tests/tools && {NpmCi}`."
            : null;
    }

    private sealed record MissingTools(IReadOnlyList<string> AptPackages, string? NodeProblem, bool NpmPackages)
    {
        public override string ToString() =>
            string.Join(", ", AptPackages.Append(NodeProblem ?? "").Append(NpmPackages ? "npm packages" : "")
                .Where(s => s.Length > 0));
    }

    private static MissingTools? Missing(bool needBrowser, bool needNginx, bool needNpm)
    {
        var apt = new List<string>();
        if (needBrowser && ChromiumPath() is null) apt.Add("chromium");
        if (needNpm && FindOnPath("java") is null) apt.Add("default-jre-headless");
        if (needNginx && FindOnPath("nginx") is null && !File.Exists("/usr/sbin/nginx")) apt.Add("nginx");
        var nodeProblem = needNpm ? NodeCheck.Value : null;
        var npm = needNpm && nodeProblem is null && !NpmPackagesInstalled();
        return apt.Count == 0 && nodeProblem is null && !npm ? null : new MissingTools(apt, nodeProblem, npm);
    }

    public static string? ChromiumPath() =>
        new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));

    private static string? NodeProblem()
    {
        const string Install = "The browser and validator tests need Node.js 20 or later with npm: install them " +
                               "(e.g. from nodejs.org's Debian packages) and run `dotnet test` again.";
        if (FindOnPath("node") is null || FindOnPath("npm") is null) return Install;
        var version = Run(Node, ["--version"], ToolsFolder, TimeSpan.FromSeconds(30)).Stdout.Trim().TrimStart('v');
        var recent = int.TryParse(version.Split('.')[0], out var major) && major >= 20;
        return recent ? null : Install + $" (found node {version})";
    }

    /// <summary>
    /// The packages of tests/tools are installed as package-lock.json pins them: npm's own record of what it laid
    /// out (node_modules/.package-lock.json) has every locked package at its locked version, and the checker's
    /// jar is there. This also accepts a node_modules that is a link to a copy installed elsewhere from the
    /// same lock.
    /// </summary>
    public static bool NpmPackagesInstalled(string? toolsFolder = null)
    {
        toolsFolder ??= ToolsFolder;
        var installed = Path.Combine(toolsFolder, "node_modules", ".package-lock.json");
        if (!File.Exists(installed) || !File.Exists(Path.Combine(toolsFolder, VnuJarInTools))) return false;
        try
        {
            var locked = Packages(Path.Combine(toolsFolder, "package-lock.json"));
            var laidOut = Packages(installed);
            return locked.All(p => p.Value.Optional
                                   || (laidOut.TryGetValue(p.Key, out var have) && have.Version == p.Value.Version));
        }
        catch (Exception e) when (e is JsonException or IOException or KeyNotFoundException
                                       or InvalidOperationException)
        {
            return false;
        }
    }

    private sealed record LockedPackage(string? Version, bool Optional);

    private static Dictionary<string, LockedPackage> Packages(string lockFile)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(lockFile));
        return json.RootElement.GetProperty("packages").EnumerateObject()
            .Where(p => p.Name.Length > 0)
            .ToDictionary(p => p.Name, p => new LockedPackage(
                p.Value.TryGetProperty("version", out var v) ? v.GetString() : null,
                p.Value.TryGetProperty("optional", out var o) && o.GetBoolean()));
    }

    /// <summary>Why apt-get cannot install <paramref name="packages"/> here, as one line saying what to run;
    /// null when it can.</summary>
    public static string? WhyAptCannotInstall(IReadOnlyList<string> packages, bool hasAptGet, bool privileged)
    {
        var command = AptCommand(packages);
        var names = string.Join(", ", packages);
        if (!hasAptGet)
            return $"The tests need {names} and this machine has no apt-get: install Debian's packages of them " +
                   $"(`{command}` on Debian) and run `dotnet test` again.";
        return privileged ? null : $"The tests need {names}: run `sudo {command}` and then `dotnet test` again.";
    }

    private static string AptCommand(IReadOnlyList<string> packages) =>
        $"apt-get install -y --no-install-recommends {string.Join(' ', packages)}";

    private static string? InstallWithApt(IReadOnlyList<string> packages)
    {
        var hasAptGet = File.Exists("/usr/bin/apt-get");
        if (WhyAptCannotInstall(packages, hasAptGet, Environment.IsPrivilegedProcess) is { } cannot) return cannot;
        var command = AptCommand(packages);
        string[] lockWait = ["-o", "DPkg::Lock::Timeout=600"]; // another program may be installing packages
        var update = Run("/usr/bin/apt-get", [.. lockWait, "update", "-qq"], ToolsFolder, InstallTimeout);
        if (update.ExitCode != 0)
            return $"`apt-get update` failed (exit {update.ExitCode}: {LastLine(update)}); " +
                   $"run `apt-get update && {command}` and see why.";
        string[] install = [.. lockWait, "install", "-y", "-qq", "--no-install-recommends", .. packages];
        var run = Run("/usr/bin/apt-get", install, ToolsFolder, InstallTimeout);
        return run.ExitCode == 0
            ? null
            : $"`{command}` failed (exit {run.ExitCode}: {LastLine(run)}); run it and see why.";
    }

    private static string? InstallNpmPackages()
    {
        // --ignore-scripts: no package here needs an install script, and vnu-jar's would try to download a Java
        // runtime from outside the registries (the machine's own java runs the checker).
        string[] arguments = ["ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"];
        var run = Run(FindOnPath("npm")!, arguments, ToolsFolder, InstallTimeout);
        return run.ExitCode == 0
            ? null
            : $"`{NpmCi}` in tests/tools failed (exit {run.ExitCode}: {LastLine(run)}); " +
              $"run `cd tests/tools && {NpmCi}` and see why.";
    }

    private static string LastLine(ProcessRun run) =>
        (run.Stderr + "\n" + run.Stdout)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault() ?? "no output";

    public static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate)) return candidate;
            if (OperatingSystem.IsWindows() && File.Exists(candidate + ".exe")) return candidate + ".exe";
        }
        return null;
    }

    public sealed record ProcessRun(int ExitCode, string Stdout, string Stderr);

    /// <summary>Runs a program to its end (or kills it after <paramref name="timeout"/>) and returns what it
    /// printed.</summary>
    public static ProcessRun Run(string program, IEnumerable<string> arguments, string workingDirectory,
        TimeSpan timeout)
    {
        var info = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        info.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        return Run(info, timeout);
    }

    /// <summary>Runs a process to its end (or kills it after <paramref name="timeout"/>), its input closed, and
    /// returns what it printed.</summary>
    public static ProcessRun Run(ProcessStartInfo info, TimeSpan timeout)
    {
        info.RedirectStandardOutput = info.RedirectStandardError = info.RedirectStandardInput = true;
        info.UseShellExecute = false;
        var program = info.FileName;
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {program}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            var command = $"{Path.GetFileName(program)} {string.Join(' ', info.ArgumentList.Take(3))}";
            Assert.Fail($"{command} took longer than {timeout.TotalMinutes} minutes");
        }
        process.WaitForExit();
        return new ProcessRun(process.ExitCode, stdout.Result, stderr.Result);
    }
}
