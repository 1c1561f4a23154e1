using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KropotkinSite.Preview;

/// <summary>
/// Serves the preview session's last good site over HTTP with Kestrel, like a static host (once the changes in
/// flight are built: <see cref="ChangesInFlight"/>), plus the live-reload event stream and its script. Signals are
/// the command's to handle, not the web host's; on stopping, the event streams are ended first (they never end by
/// themselves), so it stops at once.
/// </summary>
public sealed class PreviewServer(PreviewSession session, LiveReload reload, ChangesInFlight inFlight)
    : IAsyncDisposable
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private static readonly byte[] ScriptBytes = Encoding.UTF8.GetBytes(LiveReload.Script);
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(1);
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;

    public Uri? Address { get; private set; }

    public async Task StartAsync(IPAddress host, int port, CancellationToken cancellation)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownTimeout);
        builder.WebHost.UseKestrel(options => options.Listen(host, port));
        _app = builder.Build();
        _app.Run(HandleAsync);
        await _app.StartAsync(cancellation);
        var bound = _app.Urls.FirstOrDefault() ?? $"http://{host}:{port}";
        Address = new Uri(bound.Replace("[::]", "localhost", StringComparison.Ordinal).TrimEnd('/') + "/");
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path == LiveReload.EventsPath) { await StreamEventsAsync(context); return; }
        if (path == LiveReload.ScriptPath)
        { await WriteAsync(context, 200, "text/javascript; charset=utf-8", ScriptBytes); return; }
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = 405;
            return;
        }

        await inFlight.WaitAsync(context.RequestAborted);
        var site = session.Current;
        if (site.Version == 0)
        {
            // Nothing has built yet: a page that shows the errors and reloads itself once the site builds.
            var waiting = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">" +
                          "<title>Waiting for a good build</title></head>" +
                          "<body><h1>The site has not built yet</h1><p>Mend the errors shown in the terminal; " +
                          "this page reloads when the build succeeds.</p></body></html>";
            await WriteFileAsync(context, 503, "waiting.html", Encoding.UTF8.GetBytes(waiting));
            return;
        }
        switch (StaticPaths.Resolve(path, site.Files.ContainsKey))
        {
            case Resolution.File file:
                await WriteFileAsync(context, 200, file.Key, site.Files[file.Key]);
                break;
            case Resolution.Redirect redirect:
                context.Response.StatusCode = 301;
                context.Response.Headers.Location = redirect.Location + context.Request.QueryString;
                break;
            default:
                if (site.Files.TryGetValue("404.html", out var notFound)) await WriteFileAsync(context, 404, "404.html",
                    notFound);
                else await WriteAsync(context, 404, "text/plain; charset=utf-8", "Not found"u8.ToArray());
                break;
        }
    }

    private static Task WriteFileAsync(HttpContext context, int status, string key, ReadOnlyMemory<byte> content)
    {
        var type = ContentTypes.TryGetContentType(key, out var known) ? known : "application/octet-stream";
        if (key.EndsWith(".html", StringComparison.Ordinal))
        {
            type = "text/html; charset=utf-8";
            content = WithReloadScript(content);
        }
        else if (type.StartsWith("text/", StringComparison.Ordinal)
            || type.EndsWith("javascript", StringComparison.Ordinal))
            type += "; charset=utf-8";
        return WriteAsync(context, status, type, content);
    }

    private static async Task WriteAsync(HttpContext context, int status, string contentType, ReadOnlyMemory<byte> body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method)) await context.Response.Body.WriteAsync(body,
            context.RequestAborted);
    }

    /// <summary>Adds the live-reload script before <c>&lt;/body&gt;</c> (or at the end) of a served page.</summary>
    public static ReadOnlyMemory<byte> WithReloadScript(ReadOnlyMemory<byte> html)
    {
        var text = Encoding.UTF8.GetString(html.Span);
        var at = text.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        var injected = at < 0 ? text + LiveReload.ScriptTag : text[..at] + LiveReload.ScriptTag + text[at..];
        return Encoding.UTF8.GetBytes(injected);
    }

    private async Task StreamEventsAsync(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-store";
        var events = reload.Subscribe();
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            await context.Response.WriteAsync("retry: 500\n\n", ended.Token);
            await context.Response.Body.FlushAsync(ended.Token);
            await foreach (var message in events.ReadAllAsync(ended.Token))
            {
                await context.Response.WriteAsync(message, ended.Token);
                await context.Response.Body.FlushAsync(ended.Token);
            }
        }
        catch (OperationCanceledException) { }
        finally
        {
            reload.Unsubscribe(events);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }
        _stopping.Dispose();
    }

    /// <summary>A host lifetime that leaves SIGINT, SIGTERM and SIGHUP to the command
    /// (see <see cref="StopSignals"/>).</summary>
    private sealed class CommandLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
