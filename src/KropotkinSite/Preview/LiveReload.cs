using System.Threading.Channels;

namespace KropotkinSite.Preview;

/// <summary>
/// Pushes server-sent events to every open preview page: <c>reload</c> after a good rebuild, <c>problem</c>
/// (with the errors as text) after a failed one. The script that listens is added to pages only when the
/// preview serves them, never to built files.
/// </summary>
public sealed class LiveReload
{
    public const string EventsPath = "/__preview/events";
    public const string ScriptPath = "/__preview/client.js";
    public const string ScriptTag = "<script src=\"" + ScriptPath + "\" defer></script>";

    private readonly List<Channel<string>> _clients = [];
    private readonly Lock _gate = new();
    private string? _lastProblem;

    public const string Script = """
        (() => {
          const events = new EventSource("/__preview/events");
          let overlay = null;
          const show = text => {
            if (!overlay) {
              overlay = document.createElement("pre");
              overlay.id = "ks-preview-problem";
              overlay.setAttribute("role", "alert");
              overlay.style.cssText =
                "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;margin:0;padding:1rem;" +
                "background:#2b0b0b;color:#ffe9e9;font:14px/1.4 ui-monospace,monospace;" +
                "z-index:2147483647;white-space:pre-wrap";
              document.body.appendChild(overlay);
            }
            overlay.textContent = "Build failed; this is the last good version of the page.\n\n" + text;
          };
          events.addEventListener("reload", () => location.reload());
          events.addEventListener("problem", e => show(JSON.parse(e.data)));
        })();
        """;

    /// <summary>A new listener; the last problem, if the site is broken now, is sent to it at once.</summary>
    public ChannelReader<string> Subscribe()
    {
        var channel = Channel.CreateBounded<string>(
            new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_gate)
        {
            _clients.Add(channel);
            if (_lastProblem is not null) channel.Writer.TryWrite(_lastProblem);
        }
        return channel.Reader;
    }

    public void Unsubscribe(ChannelReader<string> reader)
    {
        lock (_gate) _clients.RemoveAll(c => c.Reader == reader);
    }

    public void Reload(int version)
    {
        lock (_gate) _lastProblem = null;
        Broadcast($"event: reload\ndata: {version}\n\n");
    }

    public void Problem(string text)
    {
        var message = $"event: problem\ndata: {System.Text.Json.JsonSerializer.Serialize(text)}\n\n";
        lock (_gate) _lastProblem = message;
        Broadcast(message);
    }

    private void Broadcast(string message)
    {
        lock (_gate)
            foreach (var client in _clients) client.Writer.TryWrite(message);
    }
}
