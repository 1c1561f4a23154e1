namespace KropotkinSite.IO;

/// <summary>Lists the files of a folder as relative paths with '/', sorted ordinally so order never depends on the
/// disk.</summary>
public static class FileTree
{
    /// <summary>
    /// Every file below a folder. Symbolic links to folders are listed as entries, never followed, so a link can
    /// lead the build neither out of the folder nor round in a loop; a folder that cannot be opened is listed as
    /// an entry too. Reading either is refused with a reason (<see cref="Refusal"/>) instead of being skipped.
    /// </summary>
    public static string[] List(string root)
    {
        if (!Directory.Exists(root)) return [];
        string[] files;
        try
        {
            files = ListQuickly(root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var list = new List<string>(); // a folder that cannot be opened: walk again, listing it as an entry
            Walk(new DirectoryInfo(root), root, list);
            files = [.. list];
        }
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    private static string[] ListQuickly(string root)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = 0,
            IgnoreInaccessible = false,
        };
        return new System.IO.Enumeration.FileSystemEnumerable<string>(root,
            (ref System.IO.Enumeration.FileSystemEntry entry) =>
            {
                var folder = entry.Directory.Length > entry.RootDirectory.Length
                    ? entry.Directory[(entry.RootDirectory.TrimEnd(Path.DirectorySeparatorChar).Length + 1)..]
                    : [];
                var relative = folder.IsEmpty ? entry.FileName.ToString() : string.Concat(folder, "/", entry.FileName);
                return Path.DirectorySeparatorChar == '\\' ? relative.Replace('\\', '/') : relative;
            }, options)
        {
            ShouldIncludePredicate = (ref System.IO.Enumeration.FileSystemEntry entry) =>
                !entry.IsDirectory || IsLink(entry.Attributes),
            ShouldRecursePredicate = (ref System.IO.Enumeration.FileSystemEntry entry) => !IsLink(entry.Attributes),
        }.ToArray();
    }

    private static bool IsLink(FileAttributes attributes) => (attributes & FileAttributes.ReparsePoint) != 0;

    private static void Walk(DirectoryInfo folder, string root, List<string> files)
    {
        FileSystemInfo[] entries;
        try
        {
            entries = folder.GetFileSystemInfos("*",
                new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            files.Add(Relative(root, folder.FullName));
            return;
        }
        foreach (var entry in entries)
        {
            if (entry is DirectoryInfo directory && !IsLink(entry.Attributes)) Walk(directory, root, files);
            else files.Add(Relative(root, entry.FullName));
        }
    }

    private static string Relative(string root, string full)
    {
        var relative = Path.GetRelativePath(root, full);
        return Path.DirectorySeparatorChar == '\\' ? relative.Replace('\\', '/') : relative;
    }

    /// <summary>Whether changes to some files (absolute paths) may have added, removed or renamed a file of a
    /// listing of a folder: a changed path below it that was not a listed file, or a listed file now gone.</summary>
    public static bool MayChangeListing(string root, IReadOnlySet<string> listed, IEnumerable<string> changedFiles)
    {
        var prefix = FolderPaths.WithSeparator(root);
        foreach (var path in changedFiles)
        {
            if (!path.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var relative = path[prefix.Length..].Replace(Path.DirectorySeparatorChar, '/');
            if (!listed.Contains(relative) || !File.Exists(path)) return true;
        }
        return false;
    }

    /// <summary>
    /// Why a listed entry must not be read, or null when it may: a symbolic link that leads out of the folder, to
    /// nothing or to a folder; a folder that cannot be opened; a named pipe, socket or device, which would block
    /// or never end.
    /// </summary>
    public static string? Refusal(string root, string relative)
    {
        var full = Path.Combine(root, relative);
        var info = new FileInfo(full);
        if (info.Attributes.HasFlag(FileAttributes.ReparsePoint) && info.LinkTarget is { } target)
        {
            var resolved = NativeFiles.RealPath(full);
            if (resolved is null
                || !Path.Exists(resolved)) return $"it is a symbolic link to '{target}', which does not exist";
            if (Directory.Exists(resolved)) return $"it is a symbolic link to the folder '{target}', and the build " +
                "does not follow links to folders; move or copy the folder here instead";
            var inside = (NativeFiles.RealPath(root)
                ?? Path.GetFullPath(root)).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            if (!resolved.StartsWith(inside, StringComparison.Ordinal))
                return $"it is a symbolic link to '{resolved}', outside {root}; the build reads only what lies " +
                    "inside, so copy the file here instead";
        }
        if (Directory.Exists(full)) return "it is a folder that cannot be opened; check its permissions";
        if (NativeFiles.IsSpecialFile(full)) return "it is not an ordinary file but a named pipe, socket or device";
        return null;
    }
}
