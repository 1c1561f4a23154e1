using System.Text;

namespace KropotkinSite.Tests.Support;

/// <summary>The result of running the command line: exit status and what it printed.</summary>
public sealed record BuildRun(int ExitCode, string Stdout, string Stderr)
{
    public string[] ErrorLines =>
        Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Where(l => l.Contains(": error ", StringComparison.Ordinal)).ToArray();
}

/// <summary>
/// A site folder in a temporary directory: its input (copied from a site kept beside the tests, or written
/// by the test), the repository's theme, and an output folder. Builds go through the public command line.
/// </summary>
public sealed class TestSite : IDisposable
{
    private TestSite(string root)
    {
        Root = root;
        Input = Path.Combine(root, "input");
        Output = Path.Combine(root, "output");
        Theme = Repository.Theme;
        Directory.CreateDirectory(Input);
    }

    public string Root { get; }
    public string Input { get; }
    public string Output { get; }
    public string Theme { get; set; }

    public static TestSite Empty() => new(Path.Combine(Path.GetTempPath(), "ks-test-" + Guid.NewGuid().ToString("N")));

    /// <summary>A copy of a site kept in tests/KropotkinSite.Tests/Sites.</summary>
    public static TestSite FromFixture(string name)
    {
        var site = Empty();
        CopyDirectory(Path.Combine(Repository.Sites, name), site.Input);
        return site;
    }

    /// <summary>The smallest valid site: settings and a home page.</summary>
    public static TestSite Minimal()
    {
        var site = Empty();
        site.Write("_site.yml", "title: Test site\n");
        site.Write("index.md", "---\ntitle: Home\n---\nHello.\n");
        return site;
    }

    public TestSite Write(string relativePath, string text) => WriteBytes(relativePath, Encoding.UTF8.GetBytes(text));

    public TestSite WriteBytes(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(Input, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return this;
    }

    public TestSite Delete(string relativePath)
    {
        File.Delete(Path.Combine(Input, relativePath));
        return this;
    }

    public BuildRun Build(params string[] extra)
    {
        var args = new List<string> { "build", "--input", Input, "--output", Output, "--theme", Theme };
        args.AddRange(extra);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandLine.Run(args.ToArray(), stdout, stderr);
        return new BuildRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Builds and fails the test with the errors printed when the build does not succeed.</summary>
    public BuildRun BuildSuccessfully(params string[] extra)
    {
        var run = Build(extra);
        Assert.True(run.ExitCode == 0, $"build failed with {run.ExitCode}:\n{run.Stderr}");
        return run;
    }

    public string ReadOutput(string relativePath) => File.ReadAllText(Path.Combine(Output, relativePath));

    public bool OutputExists(string relativePath) => File.Exists(Path.Combine(Output, relativePath));

    /// <summary>Every file of the output folder with its bytes, by relative path.</summary>
    public SortedDictionary<string, byte[]> Snapshot() => SnapshotOf(Output);

    public static SortedDictionary<string, byte[]> SnapshotOf(string folder)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        if (!Directory.Exists(folder)) return files;
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            files[Path.GetRelativePath(folder, file).Replace('\\', '/')] = File.ReadAllBytes(file);
        return files;
    }

    public static void CopyDirectory(string from, string to, bool reverseOrder = false, bool overwrite = false)
    {
        Directory.CreateDirectory(to);
        var files = Directory.GetFiles(from, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        if (reverseOrder) files.Reverse();
        foreach (var file in files)
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
