using System.Text;

namespace KropotkinSite.Tests.Support;

/// <summary>A browser's live-reload connection to a preview: the server-sent event stream, read as it comes.</summary>
public sealed class EventStream : IDisposable
{
    private readonly HttpClient _client = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly StringBuilder _text = new();
    private Task _reading = Task.CompletedTask;

    public string Text { get { lock (_text) return _text.ToString(); } }

    /// <summary>Whether the server ended the stream.</summary>
    public bool Ended => _reading.IsCompleted;

    /// <summary>Opens the stream and waits for its first line, so the server is known to hold it open.</summary>
    public static EventStream Open(Uri site)
    {
        var stream = new EventStream();
        var events = new Uri(site, "__preview/events");
        var response = stream._client.GetAsync(events, HttpCompletionOption.ResponseHeadersRead)
            .GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        var body = response.Content.ReadAsStream();
        stream._reading = Task.Run(() => stream.Read(body));
        stream.WaitFor("retry:", "the stream's first line");
        return stream;
    }

    private void Read(Stream body)
    {
        var buffer = new byte[4096];
        try
        {
            for (int read; (read = body.Read(buffer)) > 0;)
                lock (_text) _text.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }
        catch (IOException) { } // the connection was reset rather than ended: ended all the same
    }

    /// <summary>Waits (at most a minute) until the stream has carried a text.</summary>
    public void WaitFor(string text, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!Text.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(!Ended && DateTime.UtcNow < deadline, $"the live-reload stream never carried {what}:\n{Text}");
            Thread.Sleep(20);
        }
    }

    public void Dispose() => _client.Dispose();
}
