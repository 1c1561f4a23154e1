using System.Threading.Channels;

namespace KropotkinSite.Preview;

/// <summary>
/// Watches folders for changes and signals once per burst: editors often write a file in several steps
/// (truncate, write, rename), so events arriving within a short quiet period are taken together.
/// </summary>
public sealed class SiteWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>();

    public SiteWatcher(IEnumerable<string> folders)
    {
        foreach (var folder in folders.Where(Directory.Exists))
        {
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                InternalBufferSize = 64 * 1024,
            };
            watcher.Changed += (_, e) => _changes.Writer.TryWrite(e.FullPath);
            watcher.Created += (_, e) => _changes.Writer.TryWrite(e.FullPath);
            watcher.Deleted += (_, e) => _changes.Writer.TryWrite(e.FullPath);
            watcher.Renamed += (_, e) =>
            {
                _changes.Writer.TryWrite(e.OldFullPath);
                _changes.Writer.TryWrite(e.FullPath);
            };
            watcher.Error += (_, _) => _changes.Writer.TryWrite("");
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    /// <summary>Waits for a change, then for a quiet period, and returns the paths that changed.</summary>
    public async Task<IReadOnlyList<string>> NextBurstAsync(TimeSpan quiet, CancellationToken cancellation)
    {
        var paths = new List<string> { await _changes.Reader.ReadAsync(cancellation) };
        while (true)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timeout.CancelAfter(quiet);
            try
            {
                paths.Add(await _changes.Reader.ReadAsync(timeout.Token));
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                return paths;
            }
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers) watcher.Dispose();
    }
}
