using System.Runtime.ExceptionServices;
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

    /// <summary>Writes every document into the staging folder, then swaps it in (see <see cref="StagedOutput"/>,
    /// which a build uses to write each output pipeline's files as soon as it ends).</summary>
    public static int Publish(string outputDirectory, IEnumerable<Document> documents,
        CancellationToken cancellation = default)
    {
        using var staged = new StagedOutput(outputDirectory, cancellation);
        staged.Write(documents.ToArray());
        return staged.Publish();
    }

    /// <summary>The folder beside the output folder that a build is written into.</summary>
    internal static string StagingOf(string output) => output + StagingSuffix;

    /// <summary>An empty staging folder, once a swap that was interrupted has been undone.</summary>
    internal static void PrepareStaging(string output)
    {
        RecoverInterruptedSwap(output, output + PreviousSuffix);
        DeleteIfExists(StagingOf(output));
        Directory.CreateDirectory(StagingOf(output));
    }

    /// <summary>Puts the staging folder where the output folder is, and deletes the old site.</summary>
    internal static void SwapIn(string staging, string output)
    {
        var previous = output + PreviousSuffix;
        if (Directory.Exists(output) && TryExchange(staging, output))
            DeleteTree(staging); // now holds the old site
        else
        {
            DeleteIfExists(previous);
            if (Directory.Exists(output)) Directory.Move(output, previous);
            Directory.Move(staging, output);
            DeleteIfExists(previous);
        }
    }

    /// <summary>Writes documents below a root, refusing any destination that would leave it.</summary>
    public static int WriteAll(string root, IEnumerable<Document> documents, CancellationToken cancellation = default)
    {
        var rootWithSeparator = FolderPaths.WithSeparator(root);
        var list = documents.Where(d => d.Destination.Length > 0).ToArray();
        var paths = list.Select(d => FullPathInside(rootWithSeparator, d.Destination)).ToArray();
        // Each folder once, a level of the tree at a time (parents first) on every core, then the files on every
        // core: one open, write and close per file. Making a folder costs the file system about as much as a file.
        var options = new ParallelOptions
        {
            CancellationToken = cancellation,
            MaxDegreeOfParallelism = Environment.ProcessorCount,
        };
        var levels = paths.Select(p => Path.GetDirectoryName(p)!).Distinct(StringComparer.Ordinal)
            .GroupBy(folder => folder.Count(c => c == Path.DirectorySeparatorChar)).OrderBy(level => level.Key);
        try
        {
            foreach (var level in levels)
                Parallel.ForEach(level, options, folder => Directory.CreateDirectory(folder));
            Parallel.For(0, list.Length, options, i => Write(paths[i], list[i].Content.Span));
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault(IsUnwritable) is { } first)
        {
            ExceptionDispatchInfo.Throw(first); // a full disk or a read-only folder: said as what it is, with the path
        }
        return list.Length;
    }

    public static string FullPathInside(string rootWithSeparator, string destination)
    {
        var path = Path.GetFullPath(Path.Combine(rootWithSeparator, destination));
        if (!path.StartsWith(rootWithSeparator, StringComparison.Ordinal) || Path.IsPathRooted(destination))
            throw new InvalidOperationException($"Refusing to write '{destination}': it lies outside the output " +
                "folder.");
        return path;
    }

    private static bool IsUnwritable(Exception e) => e is IOException or UnauthorizedAccessException;

    private static void Write(string path, ReadOnlySpan<byte> content)
    {
        // A fresh folder: create the file (no truncation); sharing reads spares the advisory lock.
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        }
        catch (IOException) when (File.Exists(path))
        {
            handle = File.OpenHandle(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        }
        using (handle) RandomAccess.Write(handle, content, 0);
    }

    /// <summary>A build killed between the two renames of the portable swap left the old site in .previous.</summary>
    private static void RecoverInterruptedSwap(string output, string previous)
    {
        if (!Directory.Exists(output) && Directory.Exists(previous)) Directory.Move(previous, output);
    }

    internal static void DeleteIfExists(string directory)
    {
        if (Directory.Exists(directory)) DeleteTree(directory);
    }

    /// <summary>Deletes a folder and all it holds, its entries on every core: removing a site's thousands of files
    /// costs the file system about as much as writing them. A link is removed, never followed.</summary>
    private static void DeleteTree(string folder)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        try
        {
            Parallel.ForEach(Directory.EnumerateFileSystemEntries(folder), options, entry =>
            {
                if ((File.GetAttributes(entry) & (FileAttributes.Directory | FileAttributes.ReparsePoint))
                    == FileAttributes.Directory) Directory.Delete(entry, recursive: true);
                else File.Delete(entry);
            });
        }
        catch (AggregateException e)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]); // as deleting on one thread would have thrown it
        }
        Directory.Delete(folder, recursive: true);
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
        public static extern int renameat2(int oldDirectory, string oldPath, int newDirectory, string newPath,
            uint flags);
    }
}
