using System.Runtime.InteropServices;

namespace KropotkinSite.IO;

/// <summary>What .NET does not say about a file: its real path with every link resolved, and whether it is a
/// named pipe, socket or device. Where the system cannot tell, the answers are the safe defaults.</summary>
internal static class NativeFiles
{
    /// <summary>The absolute path with every symbolic link resolved (<c>realpath</c>), or null when it leads
    /// nowhere.</summary>
    public static string? RealPath(string path)
    {
        if (OperatingSystem.IsWindows()) return File.ResolveLinkTarget(path,
            returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
        try
        {
            var resolved = realpath(path, IntPtr.Zero);
            if (resolved == IntPtr.Zero) return null;
            try { return Marshal.PtrToStringUTF8(resolved); }
            finally { free(resolved); }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
        }
    }

    /// <summary>Whether a path (links followed) is a named pipe, socket or device: reading one blocks or never
    /// ends.</summary>
    public static bool IsSpecialFile(string path)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            Span<byte> buffer = stackalloc byte[256]; // struct statx, laid out the same on every Linux architecture
            if (statx(AtFdCwd, path, 0, StatxType, ref buffer[0]) != 0) return false;
            var type = BitConverter.ToUInt16(buffer[28..]) & 0xF000; // stx_mode & S_IFMT
            return type is not (0x8000 or 0x4000 or 0xA000); // regular file, folder, link
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    /// <summary>What one <c>lstat</c> says of a path, when it is an ordinary file: its size, its modification
    /// time and its inode, which together change whenever it is written. Null for anything else (a link, a
    /// folder, a pipe, a missing file) and where the system cannot tell; the caller then looks closer.</summary>
    public static string? OrdinaryFileStamp(string path)
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            Span<byte> buffer = stackalloc byte[256];
            if (statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType | StatxSize | StatxModified | StatxInode,
                ref buffer[0]) != 0) return null;
            // stx_mode & S_IFMT: a regular file
            if ((BitConverter.ToUInt16(buffer[28..]) & 0xF000) != 0x8000) return null;
            var inode = BitConverter.ToUInt64(buffer[32..]);
            var size = BitConverter.ToUInt64(buffer[40..]);
            var seconds = BitConverter.ToInt64(buffer[112..]); // stx_mtime
            var nanoseconds = BitConverter.ToUInt32(buffer[120..]);
            return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{size}|{seconds}.{nanoseconds:D9}|{inode}");
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
    }

    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1, StatxModified = 0x40, StatxInode = 0x100, StatxSize = 0x200;

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int directory, string path, int flags, uint mask, ref byte buffer);

    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr realpath(string path, IntPtr resolved);

    [DllImport("libc")]
    private static extern void free(IntPtr pointer);
}
