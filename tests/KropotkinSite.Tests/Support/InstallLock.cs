namespace KropotkinSite.Tests.Support;

/// <summary>
/// A lock file that one process at a time holds while it installs test tools (apt and npm must not run twice
/// at once, nor two `npm ci` into one folder). It lives in the temporary folder, so test processes of other
/// clones on the machine wait too: apt's packages are the machine's. The operating system lets go of it when
/// the holder ends, even when it is killed.
/// </summary>
public sealed class InstallLock : IDisposable
{
    private readonly FileStream _file;

    private InstallLock(FileStream file) => _file = file;

    public static string LockPath => Path.Combine(Path.GetTempPath(), "kropotkinsite-test-tools.lock");

    public static InstallLock Take(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                var file = new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return new InstallLock(file);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(250);
            }
        }
    }

    public void Dispose() => _file.Dispose();
}
