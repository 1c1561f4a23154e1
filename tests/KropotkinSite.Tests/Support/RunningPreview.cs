using System.Net;
using System.Text.RegularExpressions;
using KropotkinSite.Pipelines;

namespace KropotkinSite.Tests.Support;

/// <summary>A preview server started through the public command-line entry point on a free loopback port.</summary>
public sealed class RunningPreview : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Transcript _stdout = new();
    private readonly Transcript _stderr = new();
    private readonly Task<int> _run;

    private RunningPreview(TestSite site)
    {
        var options = new BuildOptions(site.Input, site.Output, site.Theme);
        _run = Task.Run(() => CommandLine.Preview(options, IPAddress.Loopback, 0, _stdout, _stderr, _stop.Token));
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false })
        {
            Timeout = TimeSpan.FromSeconds(20),
        };
    }

    public HttpClient Client { get; }
    public Uri Address { get; private set; } = null!;
    public string Stdout => _stdout.ToString();
    public string Stderr => _stderr.ToString();

    /// <summary>What the preview prints, for the test to read while it runs: writing and reading take one
    /// lock.</summary>
    private sealed class Transcript : TextWriter
    {
        private readonly System.Text.StringBuilder _text = new();
        private readonly Lock _gate = new();

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_gate) _text.Append(value);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            lock (_gate) _text.Append(buffer, index, count);
        }

        public override void Write(string? value)
        {
            lock (_gate) _text.Append(value);
        }

        public override void WriteLine(string? value)
        {
            lock (_gate) _text.Append(value).Append(NewLine);
        }

        public override string ToString()
        {
            lock (_gate) return _text.ToString();
        }
    }

    public static async Task<RunningPreview> StartAsync(TestSite site)
    {
        var preview = new RunningPreview(site);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var match = Regex.Match(preview.Stdout, @"at (http://\S+/) \(Ctrl\+C");
            if (match.Success)
            {
                preview.Address = new Uri(match.Groups[1].Value);
                return preview;
            }
            if (preview._run.IsCompleted) throw new InvalidOperationException("preview stopped: " +
                $"{preview.Stdout}\n{preview.Stderr}");
            await Task.Delay(20);
        }
        throw new TimeoutException("preview did not start: " + preview.Stdout + preview.Stderr);
    }

    public Task<HttpResponseMessage> GetAsync(string path) => Client.GetAsync(new Uri(Address, path));

    public async Task<string> GetTextAsync(string path) => await (await GetAsync(path)).Content.ReadAsStringAsync();

    /// <summary>Polls a page until it satisfies a condition (the rebuild after an edit), or fails after a
    /// while.</summary>
    public async Task<string> WaitForAsync(string path, Func<string, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            last = await GetTextAsync(path);
            if (condition(last)) return last;
            await Task.Delay(25);
        }
        throw new TimeoutException($"{path} never showed {what}.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
    }

    public async Task WaitForOutputAsync(Func<string, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (condition(Stdout + Stderr)) return;
            await Task.Delay(25);
        }
        throw new TimeoutException($"the preview never printed {what}.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        var code = await _run.WaitAsync(TimeSpan.FromSeconds(20));
        Client.Dispose();
        if (code != 0) throw new InvalidOperationException($"preview exited with {code}: {Stderr}");
    }
}
