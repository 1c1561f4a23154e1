using System.Globalization;
using System.Text;

namespace KropotkinSite.IO;

/// <summary>
/// One writer at a time for an output folder: <c>build</c> and <c>preview</c> hold this lock while they may
/// write it. The lock is a file beside the folder (<c>.output.lock</c> for <c>output/</c>; it stays there, as
/// Hugo's <c>.hugo_build.lock</c> does) that names the holder's process id, its command and since when, and is
/// emptied when the holder lets go. The operating system's record lock on it is what excludes, so a holder that
/// dies, even by SIGKILL, releases it at once: the text it leaves is then simply taken over.
/// </summary>
/// <remarks>A POSIX record lock is lost when its process closes any handle to the file, so the holder never
/// opens the file a second time: it deletes nothing and reads nothing back.</remarks>
public sealed class OutputLock : IDisposable
{
    /// <summary>How long a second writer waits for the holder to finish before it gives up.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(2);

    // The record lock covers one byte well past the text, so that others can read who holds it.
    private const long LockedByte = 1 << 20;
    private static readonly HashSet<string> HeldInThisProcess = new(StringComparer.Ordinal);

    private readonly FileStream _file;

    private OutputLock(string path, FileStream file, string? takenOverFrom)
    {
        FilePath = path;
        _file = file;
        TakenOverFrom = takenOverFrom;
    }

    public string FilePath { get; }

    /// <summary>Who held the lock before, when a process that no longer holds it did not let it go (it died).</summary>
    public string? TakenOverFrom { get; }

    public static string PathFor(string outputDirectory)
    {
        var output = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        return Path.Combine(Path.GetDirectoryName(output) ?? output, "." + Path.GetFileName(output) + ".lock");
    }

    /// <summary>Takes the lock, waiting up to <paramref name="wait"/> for another holder to let it go.</summary>
    /// <param name="command">What this process is doing, for the message another writer shows.</param>
    /// <param name="holder">When the lock could not be taken: who holds it.</param>
    /// <returns>The lock, or null when another process kept it for the whole wait.</returns>
    public static OutputLock? TryAcquire(string outputDirectory, string command, TimeSpan wait, out string holder)
    {
        var path = PathFor(outputDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"pid {Environment.ProcessId}\n{command}\nsince {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC\n");
        var deadline = DateTime.UtcNow + wait;
        holder = "another process";
        while (true)
        {
            if (TryOnce(path, text, ref holder) is { } taken) return taken;
            if (DateTime.UtcNow >= deadline) return null;
            Thread.Sleep(100);
        }
    }

    private static OutputLock? TryOnce(string path, string text, ref string holder)
    {
        lock (HeldInThisProcess)
        {
            if (HeldInThisProcess.Contains(path))
            {
                holder = Describe($"pid {Environment.ProcessId}\nthis process\n");
                return null;
            }
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite,
                FileShare.ReadWrite | FileShare.Delete);
            try
            {
                // .NET has no record locks on macOS: there only one process's writers are kept apart.
                if (!OperatingSystem.IsMacOS()) file.Lock(LockedByte, 1);
            }
            catch (IOException)
            {
                if (ReadAll(file) is { Length: > 0 } held) holder = Describe(held);
                file.Dispose();
                return null;
            }
            try
            {
                var left = ReadAll(file);
                file.SetLength(0);
                file.Write(Encoding.UTF8.GetBytes(text));
                file.Flush(flushToDisk: true);
                HeldInThisProcess.Add(path);
                return new OutputLock(path, file, left.Length > 0 ? Describe(left) : null);
            }
            catch
            {
                file.Dispose(); // a full disk, say: the caller reports it, and the lock is let go
                throw;
            }
        }
    }

    private static string ReadAll(FileStream file)
    {
        file.Position = 0;
        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: false,
            leaveOpen: true);
        var text = reader.ReadToEnd();
        file.Position = 0;
        return text;
    }

    /// <summary>"process 1234 (KropotkinSite preview ...), since ..." from the lock file's lines.</summary>
    private static string Describe(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var pid = lines.Length > 0 && lines[0].StartsWith("pid ", StringComparison.Ordinal) ? lines[0][4..] : "?";
        var command = lines.Length > 1 ? lines[1] : "unknown command";
        var since = lines.Length > 2 ? ", " + lines[2] : "";
        return $"process {pid} ({command}){since}";
    }

    public void Dispose()
    {
        lock (HeldInThisProcess)
        {
            try
            {
                _file.SetLength(0); // let go in good order: the next holder has nothing to take over
            }
            catch (IOException) { } // the text stays; the next writer takes it over all the same
            _file.Dispose();
            HeldInThisProcess.Remove(FilePath);
        }
    }
}
