using System.Runtime.InteropServices;

namespace KropotkinSite.Modules;

/// <summary>What .NET does not say about a file: its real path with every link resolved, and whether it is a
/// named pipe, socket or device. Where the system cannot tell, the answers are the safe defaults.</summary>
internal static class NativeFiles
{
    /// <summary>The absolute path with every symbolic link resolved (<c>realpath</c>), or null when it leads nowhere.</summary>
    public static string? RealPath(string path)
    {
        if (OperatingSystem.IsWindows()) return File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
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

    /// <summary>Whether a path (links followed) is a named pipe, socket or device: reading one blocks or never ends.</summary>
    public static bool IsSpecialFile(string path)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            var buffer = new byte[256]; // struct statx, laid out the same on every Linux architecture
            if (statx(AtFdCwd, path, 0, StatxType, buffer) != 0) return false;
            var type = BitConverter.ToUInt16(buffer, 28) & 0xF000; // stx_mode & S_IFMT
            return type is not (0x8000 or 0x4000 or 0xA000); // regular file, folder, link
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    private const int AtFdCwd = -100;
    private const uint StatxType = 1;

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int directory, string path, int flags, uint mask, byte[] buffer);

    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr realpath(string path, IntPtr resolved);

    [DllImport("libc")]
    private static extern void free(IntPtr pointer);
}
