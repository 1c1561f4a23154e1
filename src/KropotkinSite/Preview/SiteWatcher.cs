using System.Threading.Channels;

namespace KropotkinSite.Preview;

/// <summary>
/// Watches folders for changes and gives the changed paths as they come (<see cref="SettledRebuild"/> takes a
/// burst of them together: editors often write a file in several steps, truncate, write, rename). Each folder's
/// parent is watched too, for the folder itself being renamed, deleted or put back: then the folder is watched
/// afresh (a folder put back is a new one to the system) and an empty path says the watcher lost track.
/// </summary>
public sealed class SiteWatcher : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FileSystemWatcher?> _folders = new(StringComparer.Ordinal);
    private readonly List<FileSystemWatcher> _parents = [];
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>();
    private bool _disposed;

    public SiteWatcher(IEnumerable<string> folders)
    {
        foreach (var folder in folders.Select(f => Path.GetFullPath(f).TrimEnd(Path.DirectorySeparatorChar)))
        {
            _folders[folder] = WatchInside(folder);
            if (WatchParent(folder) is { } parent) _parents.Add(parent);
        }
    }

    private FileSystemWatcher? WatchInside(string folder)
    {
        if (!Directory.Exists(folder)) return null;
        var watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite
                           | NotifyFilters.Size,
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
        try
        {
            watcher.EnableRaisingEvents = true;
        }
        catch (Exception e) when (e is IOException or ArgumentException)
        {
            watcher.Dispose(); // gone again in the meantime; its parent's watcher says when it is back
            return null;
        }
        return watcher;
    }

    private FileSystemWatcher? WatchParent(string folder)
    {
        var parent = Path.GetDirectoryName(folder);
        if (parent is null || !Directory.Exists(parent)) return null;
        var name = Path.GetFileName(folder);
        var watcher = new FileSystemWatcher(parent)
        {
            IncludeSubdirectories = false,
            NotifyFilter = NotifyFilters.DirectoryName,
        };
        FileSystemEventHandler changed = (_, e) => { if (e.Name == name) Rewatch(folder); };
        watcher.Created += changed;
        watcher.Deleted += changed;
        watcher.Renamed += (_, e) => { if (e.Name == name || e.OldName == name) Rewatch(folder); };
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private void Rewatch(string folder)
    {
        lock (_gate)
        {
            if (_disposed) return;
            _folders[folder]?.Dispose();
            _folders[folder] = WatchInside(folder);
        }
        _changes.Writer.TryWrite("");
    }

    /// <summary>The changed paths as they come (an empty one when the watcher lost track).</summary>
    public ChannelReader<string> Changes => _changes.Reader;

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var watcher in _parents) watcher.Dispose();
            foreach (var watcher in _folders.Values) watcher?.Dispose();
        }
    }
}
