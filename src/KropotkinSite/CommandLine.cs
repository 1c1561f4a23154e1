using System.Globalization;
using System.Net;
using KropotkinSite.Engine;
using KropotkinSite.IO;
using KropotkinSite.Pipelines;
using KropotkinSite.Preview;

namespace KropotkinSite;

/// <summary>Parses the command line and runs a command. Exit codes: 0 success, 1 content errors or a folder that
/// cannot be written, 2 bad usage, a port in use or an output folder another process is writing; a build stopped
/// by a signal exits 128 plus its number (130 SIGINT, 143 SIGTERM, 129 SIGHUP).</summary>
public static class CommandLine
{
    public const int Success = 0;
    public const int ContentErrors = 1;
    public const int BadUsage = 2;

    public const string Usage = """
        Usage: KropotkinSite [build] [options]
               KropotkinSite preview [options] [--port N] [--host ADDR]

        Builds the site in --input with the theme in --theme into --output.

        Options:
          --input DIR        content folder (default: input)
          --output DIR       where the site is written (default: output)
          --theme DIR        layouts, partials and assets (default: theme)
          --base-path /sub/  the path the site is served under (default: /)
          --base-url URL     the site's absolute address, e.g. https://example.org/sub/, for canonical
                             links and the sitemap (overrides base_url in _site.yml)
          --drafts           also publish pages marked 'draft: true'
          --port N           preview: the port to serve on (default: 5080; 0 picks a free one)
          --host ADDR        preview: the address to listen on (default: 127.0.0.1)
          -h, --help         show this help

        Exit status: 0 done; 1 content errors, or the output folder cannot be written (it is left as it was);
        2 bad usage, a port in use, or another build or preview writing the same output folder.
        preview stops on SIGINT (Ctrl+C), SIGTERM or SIGHUP and exits 0; a build so stopped exits 128+N.
        """;

    /// <summary>Set to <c>steps</c>, a build also prints each step's wall and CPU time (pipelines then run one at
    /// a time).</summary>
    public const string TimingsVariable = "KROPOTKINSITE_TIMINGS";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (!TryParse(args, out var parsed, out var problem))
        {
            stderr.WriteLine($"error: {problem}");
            stderr.WriteLine(Usage);
            return BadUsage;
        }
        return parsed!.Command switch
        {
            "help" => Help(stdout),
            "preview" => Preview(parsed.Build, parsed.Host, parsed.Port, stdout, stderr),
            _ => Build(parsed.Build, stdout, stderr),
        };
    }

    private static int Help(TextWriter stdout)
    {
        stdout.WriteLine(Usage);
        return Success;
    }

    private static int Build(BuildOptions options, TextWriter stdout, TextWriter stderr)
    {
        using var signals = new StopSignals();
        using var outputLock = LockOutput(options.OutputDirectory, "KropotkinSite build", stdout, stderr,
            out var refused);
        if (outputLock is null) return refused;
        var output = ContentError.DisplayPath(options.OutputDirectory);
        BuildResult result;
        var timeSteps = Environment.GetEnvironmentVariable(TimingsVariable) == "steps";
        try
        {
            result = SiteBuilder.Build(options, signals.Token, timeSteps);
        }
        catch (OperationCanceledException) when (signals.Token.IsCancellationRequested)
        {
            stderr.WriteLine($"Stopped by {signals.Name}; {output} was left as it was.");
            return signals.ExitStatus;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A full disk, a read-only folder: the reason and the path, in the system's words.
            stderr.WriteLine($"error: {e.Message}");
            stderr.WriteLine($"Build failed; {output} was left as it was.");
            return ContentErrors;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug outside the pipelines (setting up the theme, publishing): still one parseable line, never a stack
            // trace.
            stderr.WriteLine(InternalError.Of(options.InputDirectory, e));
            return ContentErrors;
        }
        foreach (var error in result.Errors) stderr.WriteLine(error);
        if (!result.Succeeded)
        {
            stderr.WriteLine($"Build failed: {result.Errors.Count} error(s); {output} was left as it was.");
            return ContentErrors;
        }
        stdout.WriteLine($"Wrote {result.PagesWritten} pages ({result.FilesWritten} files) to " +
            $"{options.OutputDirectory}");
        foreach (var timing in result.Timings)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {timing.Pipeline,-12} {timing.Documents,6} docs {timing.Elapsed.TotalMilliseconds,8:F1} ms"));
            foreach (var step in timing.Steps)
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    {step.Step,-24} wall {step.Wall.TotalMilliseconds,8:F1} ms" +
                    $"  cpu {step.Cpu.TotalMilliseconds,8:F1} ms  alloc {step.Allocated / 1048576.0,7:F1} MiB" +
                    $"  gc {step.GcPaused.TotalMilliseconds,7:F1} ms"));
        }
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Built in {result.Elapsed.TotalMilliseconds:F0} ms"));
        if (timeSteps)
        {
            var sinceStart = DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime;
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Process: {Environment.CpuUsage.TotalTime.TotalMilliseconds:F0} ms CPU, " +
                $"{sinceStart.TotalMilliseconds:F0} ms since start"));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"GC: {GC.GetTotalAllocatedBytes() / (1 << 20)} MiB allocated, " +
                $"{GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} collections " +
                $"(gen 0/1/2), {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms paused"));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"JIT: {System.Runtime.JitInfo.GetCompiledMethodCount()} methods compiled while running, " +
                $"{System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms"));
        }
        return Success;
    }

    /// <summary>Takes the output folder's lock (see <see cref="OutputLock"/>) for a command, or says why not: another
    /// process holds it (<paramref name="refused"/> is 2), or the lock file cannot be written (1).</summary>
    public static OutputLock? LockOutput(string outputDirectory, string command, TextWriter stdout, TextWriter stderr,
        out int refused)
    {
        var path = OutputLock.PathFor(outputDirectory);
        try
        {
            var taken = OutputLock.TryAcquire(outputDirectory, command, OutputLock.DefaultWait, out var holder);
            refused = taken is null ? BadUsage : Success;
            if (taken is null)
                stderr.WriteLine($"error: {ContentError.DisplayPath(outputDirectory)} is being written by {holder}; " +
                                 $"wait for it to finish or stop it, then try again (its lock is {path})");
            else if (taken.TakenOverFrom is { } dead)
                stdout.WriteLine($"Took over the lock {path}, left by {dead}, which no longer holds it.");
            return taken;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: cannot take the lock {path} on the output folder: {e.Message}");
            refused = ContentErrors;
            return null;
        }
    }

    /// <summary>A parsed command line: the command, the build options, and where <c>preview</c> listens.</summary>
    public sealed record Parsed(string Command, BuildOptions Build, IPAddress Host, int Port);

    private static int Preview(BuildOptions options, IPAddress host, int port, TextWriter stdout, TextWriter stderr)
    {
        using var signals = new StopSignals();
        return Preview(options, host, port, stdout, stderr, signals.Token);
    }

    /// <summary>Runs the preview until the token is cancelled (on the command line: SIGINT, SIGTERM or SIGHUP,
    /// and then it exits 0, its usual way to end).</summary>
    public static int Preview(BuildOptions options, IPAddress host, int port, TextWriter stdout, TextWriter stderr,
        CancellationToken stop) =>
        PreviewCommand.RunAsync(options, host, port, stdout, stderr, stop).GetAwaiter().GetResult();

    public static bool TryParse(string[] args, out Parsed? parsed, out string problem)
    {
        var command = "build";
        var host = IPAddress.Loopback;
        var port = 5080;
        parsed = null;
        problem = "";
        string input = "input", output = "output", theme = "theme", basePath = "/";
        string? baseUrlText = null;
        var drafts = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string? Value()
            {
                if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) return args[++i];
                return null;
            }
            switch (arg)
            {
                case "build" when i == 0: command = "build"; break;
                case "preview" when i == 0: command = "preview"; break;
                case "--port" or "--host" when command == "preview":
                    var setting = Value();
                    if (arg == "--port")
                    {
                        if (!int.TryParse(setting, NumberStyles.None, CultureInfo.InvariantCulture, out port)
                            || port is < 0 or > 65535)
                        { problem = "--port needs a port number from 0 to 65535"; return false; }
                    }
                    else
                    {
                        if (!IPAddress.TryParse(setting ?? "", out host!))
                        { problem = "--host needs an IP address such as 127.0.0.1"; return false; }
                    }
                    break;
                case "-h" or "--help" or "help":
                    parsed = new Parsed("help", BuildOptions.FromCurrentDirectory(), host, port);
                    return true;
                case "--drafts": drafts = true; break;
                case "--input" or "--output" or "--theme" or "--base-path" or "--base-url":
                    var value = Value();
                    if (value is null) { problem = $"{arg} needs a value"; return false; }
                    if (arg == "--input") input = value;
                    else if (arg == "--output") output = value;
                    else if (arg == "--theme") theme = value;
                    else if (arg == "--base-url") baseUrlText = value;
                    else basePath = value;
                    break;
                default:
                    problem = $"unknown argument '{arg}'";
                    return false;
            }
        }
        if (!basePath.StartsWith('/'))
        {
            problem = $"--base-path must start with '/', like /kropotkin/ (got '{basePath}')";
            return false;
        }
        Uri? baseUrl = null;
        if (baseUrlText is not null && !TryParseBaseUrl(baseUrlText, basePath, out baseUrl, out problem)) return false;
        var fullInput = Path.GetFullPath(input);
        var fullOutput = Path.GetFullPath(output);
        if (!Directory.Exists(fullInput))
        {
            problem = $"the input folder '{input}' does not exist";
            return false;
        }
        if (!Directory.Exists(Path.GetFullPath(theme)))
        {
            problem = $"the theme folder '{theme}' does not exist";
            return false;
        }
        if (IsInside(fullOutput, fullInput) || IsInside(fullInput, fullOutput)
            || IsInside(fullOutput, Path.GetFullPath(theme)))
        {
            problem = "--output must be a folder of its own, neither inside nor around --input or --theme";
            return false;
        }
        if (File.Exists(fullOutput))
        {
            problem = $"--output '{output}' is a file; the site is written to a folder";
            return false;
        }
        if (!LooksReplaceable(fullOutput))
        {
            problem = $"--output '{output}' is a folder with other files in it, not a site built before (it has no " +
                "index.html); " +
                      "the build replaces its output folder whole, so choose a new or empty folder";
            return false;
        }
        var options = new BuildOptions(fullInput, fullOutput, Path.GetFullPath(theme), basePath, drafts, baseUrl);
        parsed = new Parsed(command, options, host, port);
        return true;
    }

    /// <summary>
    /// The site's address: absolute http(s), no query or fragment, and its path the one the site is served under
    /// (a page's root-relative links resolve against it), so canonical links and the sitemap name real pages.
    /// </summary>
    private static bool TryParseBaseUrl(string text, string basePath, out Uri? baseUrl, out string problem)
    {
        baseUrl = null;
        problem = "";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            problem = $"--base-url must be an absolute http or https address like https://example.org/ (got '{text}')";
            return false;
        }
        if (!uri.AbsolutePath.EndsWith('/')) uri = new Uri(uri.GetLeftPart(UriPartial.Path) + "/");
        var servedUnder = Html.Urls.NormaliseBasePath(basePath);
        if (uri.AbsolutePath != servedUnder)
        {
            problem = $"--base-url '{text}' must have the path the site is served under, --base-path {servedUnder} " +
                      $"(e.g. {uri.GetLeftPart(UriPartial.Authority)}{servedUnder})";
            return false;
        }
        baseUrl = uri;
        return true;
    }

    /// <summary>The output folder is replaced whole on success: only a missing or empty folder, or one holding a
    /// site built before, may be.</summary>
    private static bool LooksReplaceable(string folder) =>
        !Directory.Exists(folder) || !Directory.EnumerateFileSystemEntries(folder).Any()
            || File.Exists(Path.Combine(folder, "index.html"));

    private static bool IsInside(string path, string folder)
    {
        var a = path.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var b = folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return a.StartsWith(b, StringComparison.Ordinal);
    }
}
