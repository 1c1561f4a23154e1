using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KropotkinSite.Tests.Support;

/// <summary>
/// Debian's nginx serving a folder on a free loopback port with one of the repository's configurations
/// (deploy/nginx/), changed only in its <c>listen</c> and <c>root</c> lines, as a host would deploy it.
/// </summary>
public sealed class NginxServer : IDisposable
{
    private readonly Process _process;
    private readonly string _prefix;

    private NginxServer(Process process, string prefix, Uri address)
    {
        _process = process;
        _prefix = prefix;
        Address = address;
    }

    public Uri Address { get; }

    public static string ConfigFolder => Path.Combine(Repository.Root, "deploy", "nginx");

    /// <summary>
    /// Starts nginx with <paramref name="configFile"/> (a file of deploy/nginx/) serving <paramref name="root"/>;
    /// <paramref name="alterHeaders"/> may change security-headers.conf, for a test that the crawl notices.
    /// </summary>
    public static NginxServer Start(string configFile, string root, Func<string, string>? alterHeaders = null)
    {
        TestTools.RequireNginx();
        var prefix = Directory.CreateTempSubdirectory("ks-nginx-").FullName;
        var included = Path.Combine(prefix, "kropotkin"); // `include kropotkin/…` finds them here, as in /etc/nginx
        TestSite.CopyDirectory(ConfigFolder, included);
        var headers = Path.Combine(included, "security-headers.conf");
        if (alterHeaders is not null) File.WriteAllText(headers, alterHeaders(File.ReadAllText(headers)));
        var port = FreePort();
        var site = Path.Combine(included, configFile);
        var text = File.ReadAllText(site);
        var listen = "    listen 80;\n";
        var rootLine = text.Split('\n').Single(l => l.TrimStart().StartsWith("root ", StringComparison.Ordinal)) + "\n";
        Assert.Contains(listen, text);
        File.WriteAllText(site, text.Replace(listen, $"    listen 127.0.0.1:{port};\n", StringComparison.Ordinal)
            .Replace(rootLine, $"    root {root};\n", StringComparison.Ordinal));
        // As root the workers would switch to nobody, who cannot read the test's private temporary folders.
        var user = Environment.IsPrivilegedProcess ? "user root;\n" : "";
        File.WriteAllText(Path.Combine(prefix, "nginx.conf"), $$"""
            {{user}}daemon off;
            worker_processes 1;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/error.log;
            events { worker_connections 64; }
            http {
                include /etc/nginx/mime.types;
                default_type application/octet-stream;
                access_log off;
                client_body_temp_path {{prefix}}/body;
                proxy_temp_path {{prefix}}/proxy;
                fastcgi_temp_path {{prefix}}/fastcgi;
                uwsgi_temp_path {{prefix}}/uwsgi;
                scgi_temp_path {{prefix}}/scgi;
                include kropotkin/{{configFile}};
            }
            """);
        var info = new ProcessStartInfo(TestTools.Nginx)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments = ["-p", prefix, "-c", Path.Combine(prefix, "nginx.conf"), "-e", ErrorLog(prefix)];
        foreach (var a in arguments) info.ArgumentList.Add(a);
        var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start nginx");
        var server = new NginxServer(process, prefix, new Uri($"http://127.0.0.1:{port}/"));
        server.WaitUntilListening(port);
        return server;
    }

    private void WaitUntilListening(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                var log = File.Exists(ErrorLog(_prefix)) ? File.ReadAllText(ErrorLog(_prefix)) : "";
                var why = $"nginx exited ({_process.ExitCode}): {_process.StandardError.ReadToEnd()}{log}";
                Dispose();
                Assert.Fail(why);
            }
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }
        Dispose();
        Assert.Fail("nginx did not start listening within 20 seconds");
    }

    private static string ErrorLog(string prefix) => Path.Combine(prefix, "error.log");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_prefix, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temporary folder left behind is no test failure.
        }
    }
}
