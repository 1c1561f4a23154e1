using System.Text;
using KropotkinSite.Engine;
using KropotkinSite.IO;

namespace KropotkinSite.Tests.IO;

public sealed class OutputWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ks-writer-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Publishing_over_an_earlier_site_replaces_it_wholly_and_removes_its_links_without_following_them()
    {
        var output = Path.Combine(_folder, "output");
        var kept = Path.Combine(_folder, "kept");
        Directory.CreateDirectory(Path.Combine(output, "old", "page"));
        File.WriteAllText(Path.Combine(output, "old", "page", "index.html"), "old");
        File.WriteAllText(Path.Combine(output, "stale.txt"), "stale");
        Directory.CreateDirectory(kept);
        File.WriteAllText(Path.Combine(kept, "precious.txt"), "precious");
        Directory.CreateSymbolicLink(Path.Combine(output, "linked-folder"), kept);
        Directory.CreateSymbolicLink(Path.Combine(output, "old", "linked-folder"), kept);
        File.CreateSymbolicLink(Path.Combine(output, "linked-file"), Path.Combine(kept, "precious.txt"));

        var written = OutputWriter.Publish(output,
            [Document.Create("", "new/index.html", Encoding.UTF8.GetBytes("new")), Document.Create("", "", default)]);

        Assert.Equal(1, written);
        Assert.Equal([Path.Combine(output, "new", "index.html")],
            Directory.GetFileSystemEntries(output, "*", SearchOption.AllDirectories).Where(File.Exists));
        Assert.Equal([Path.Combine(output, "new")], Directory.GetDirectories(output));
        Assert.Equal("precious", File.ReadAllText(Path.Combine(kept, "precious.txt")));
        Assert.Equal(["kept", "output"], Directory.GetFileSystemEntries(_folder).Select(Path.GetFileName).Order());
    }
}
