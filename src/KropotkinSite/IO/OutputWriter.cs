using System.Runtime.InteropServices;
using KropotkinSite.Engine;
using Microsoft.Win32.SafeHandles;

namespace KropotkinSite.IO;

/// <summary>
/// Publishes a build: writes every document into a fresh folder beside the output folder, then swaps it in.
/// On Linux the swap is one atomic <c>renameat2(RENAME_EXCHANGE)</c>, so an interrupted build can never
/// leave the output folder missing or half written. Nothing is written outside the output folder.
/// </summary>
public static class OutputWriter
{
    private const string StagingSuffix = ".staging";
    private const string PreviousSuffix = ".previous";

    public static int Publish(string outputDirectory, IEnumerable<Document> documents, CancellationToken cancellation = default)
    {
        var output = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var staging = output + StagingSuffix;
        var previous = output + PreviousSuffix;
        RecoverInterruptedSwap(output, previous);
        DeleteIfExists(staging);
        Directory.CreateDirectory(staging);

        var written = WriteAll(staging, documents, cancellation);

        if (Directory.Exists(output) && TryExchange(staging, output))
            Directory.Delete(staging, recursive: true); // now holds the old site
        else
        {
            DeleteIfExists(previous);
            if (Directory.Exists(output)) Directory.Move(output, previous);
            Directory.Move(staging, output);
            DeleteIfExists(previous);
        }
        return written;
    }

    /// <summary>Writes documents below a root, refusing any destination that would leave it.</summary>
    public static int WriteAll(string root, IEnumerable<Document> documents, CancellationToken cancellation = default)
    {
        var rootWithSeparator = FolderPaths.WithSeparator(root);
        var list = documents.Where(d => d.Destination.Length > 0).ToArray();
        var paths = list.Select(d => FullPathInside(rootWithSeparator, d.Destination)).ToArray();
        // Each folder once, a level of the tree at a time (parents first) on every core, then the files on every
        // core: one open, write and close per file. Making a folder costs the file system about as much as a file.
        var options = new ParallelOptions { CancellationToken = cancellation, MaxDegreeOfParallelism = Environment.ProcessorCount };
        var levels = paths.Select(p => Path.GetDirectoryName(p)!).Distinct(StringComparer.Ordinal)
            .GroupBy(folder => folder.Count(c => c == Path.DirectorySeparatorChar)).OrderBy(level => level.Key);
        foreach (var level in levels)
            Parallel.ForEach(level, options, folder => Directory.CreateDirectory(folder));
        Parallel.For(0, list.Length, options, i =>
        {
            // A fresh folder: create the file (no truncation); sharing reads spares the advisory lock.
            SafeFileHandle handle;
            try
            {
                handle = File.OpenHandle(paths[i], FileMode.CreateNew, FileAccess.Write, FileShare.Read);
            }
            catch (IOException) when (File.Exists(paths[i]))
            {
                handle = File.OpenHandle(paths[i], FileMode.Create, FileAccess.Write, FileShare.Read);
            }
            using (handle) RandomAccess.Write(handle, list[i].Content.Span, 0);
        });
        return list.Length;
    }

    public static string FullPathInside(string rootWithSeparator, string destination)
    {
        var path = Path.GetFullPath(Path.Combine(rootWithSeparator, destination));
        if (!path.StartsWith(rootWithSeparator, StringComparison.Ordinal) || Path.IsPathRooted(destination))
            throw new InvalidOperationException($"Refusing to write '{destination}': it lies outside the output folder.");
        return path;
    }

    /// <summary>
    /// Brings an output folder from one version of a site to the next, writing only the files whose bytes
    /// changed (each through a temporary file and a rename, so no reader sees half a file) and deleting the
    /// files that are gone, with the folders they leave empty.
    /// </summary>
    public static void Sync(string outputDirectory, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> before, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> after)
    {
        var root = FolderPaths.WithSeparator(outputDirectory);
        foreach (var (destination, content) in after)
        {
            if (before.TryGetValue(destination, out var old) && (old.Equals(content) || old.Span.SequenceEqual(content.Span))) continue;
            var path = FullPathInside(root, destination);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + ".tmp-" + Environment.ProcessId;
            File.WriteAllBytes(temporary, content.ToArray());
            File.Move(temporary, path, overwrite: true);
        }
        foreach (var destination in before.Keys.Where(k => !after.ContainsKey(k)))
        {
            var path = FullPathInside(root, destination);
            if (File.Exists(path)) File.Delete(path);
            for (var folder = Path.GetDirectoryName(path); folder is not null && folder.Length > root.Length && IsEmptyFolder(folder); folder = Path.GetDirectoryName(folder))
                Directory.Delete(folder);
        }
    }

    private static bool IsEmptyFolder(string folder) => Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any();

    /// <summary>A build killed between the two renames of the portable swap left the old site in .previous.</summary>
    private static void RecoverInterruptedSwap(string output, string previous)
    {
        if (!Directory.Exists(output) && Directory.Exists(previous)) Directory.Move(previous, output);
    }

    private static void DeleteIfExists(string directory)
    {
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }

    private static bool TryExchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return Native.renameat2(Native.AtFdCwd, a, Native.AtFdCwd, b, Native.RenameExchange) == 0;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    private static partial class Native
    {
        public const int AtFdCwd = -100;
        public const uint RenameExchange = 2;

        [DllImport("libc", SetLastError = true)]
        public static extern int renameat2(int oldDirectory, string oldPath, int newDirectory, string newPath, uint flags);
    }
}
