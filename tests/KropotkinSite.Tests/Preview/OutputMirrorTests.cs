using System.Text;
using KropotkinSite.Preview;
using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.Preview;

/// <summary>
/// The preview's output folder after each rebuild: <see cref="OutputMirror.Bring"/> writes what the rebuild changed,
/// <see cref="OutputMirror.Mend"/> puts right what something else did to the folder, and a look stopped by the next
/// edit is made whole by the next one.
/// </summary>
public sealed class OutputMirrorTests : IDisposable
{
    private readonly TestSite _site = TestSite.Empty();

    public void Dispose() => _site.Dispose();

    private static Dictionary<string, ReadOnlyMemory<byte>> Files(params (string Path, string Text)[] files) =>
        files.ToDictionary(f => f.Path, f => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(f.Text),
            StringComparer.Ordinal);

    private string OutputFile(string path) => Path.Combine(_site.Output, path);

    private string[] WhatOutputHolds() =>
        [.. Directory.EnumerateFileSystemEntries(_site.Output, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(_site.Output, p).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    [Fact]
    public void Bring_writes_the_changed_files_and_deletes_the_gone_ones_with_the_folders_they_leave_empty()
    {
        var mirror = new OutputMirror(_site.Output);
        var first = Files(("index.html", "home"), ("old/page/index.html", "old"), ("same.txt", "same"));
        mirror.Bring(new Dictionary<string, ReadOnlyMemory<byte>>(), first);
        var next = Files(("index.html", "home, edited"), ("new/index.html", "new"), ("same.txt", "same"));

        var update = mirror.Bring(first, next);

        Assert.Equal(new OutputMirror.Update(2, 0), update);
        Assert.Equal(["index.html", "new", "new/index.html", "same.txt"], WhatOutputHolds());
        Assert.Equal("home, edited", File.ReadAllText(OutputFile("index.html")));
    }

    [Fact]
    public void Mend_puts_back_what_something_else_changed_added_or_deleted()
    {
        var mirror = new OutputMirror(_site.Output);
        var site = Files(("index.html", "home"), ("life/index.html", "life"), ("robots.txt", "robots"));
        mirror.Bring(new Dictionary<string, ReadOnlyMemory<byte>>(), site);
        File.WriteAllText(OutputFile("index.html"), "changed by hand");
        File.Delete(OutputFile("robots.txt"));
        File.WriteAllText(OutputFile("life/stray.html"), "not the site's");
        Directory.CreateDirectory(OutputFile("empty/folder"));

        var update = mirror.Mend(CancellationToken.None);

        Assert.Equal(3, update.Mended);
        Assert.Equal(["index.html", "life", "life/index.html", "robots.txt"], WhatOutputHolds());
        Assert.Equal("home", File.ReadAllText(OutputFile("index.html")));
        Assert.Equal(default, mirror.Mend(CancellationToken.None));
    }

    [Fact]
    public void A_look_stopped_by_the_next_edit_changes_nothing_and_the_next_look_puts_the_folder_right()
    {
        var mirror = new OutputMirror(_site.Output);
        var site = Files(("index.html", "home"), ("robots.txt", "robots"));
        mirror.Bring(new Dictionary<string, ReadOnlyMemory<byte>>(), site);
        File.Delete(OutputFile("robots.txt"));
        File.WriteAllText(OutputFile("stray.txt"), "not the site's");
        using var edited = new CancellationTokenSource();
        edited.Cancel();

        Assert.Equal(default, mirror.Mend(edited.Token));
        Assert.Equal(["index.html", "stray.txt"], WhatOutputHolds());

        Assert.Equal(2, mirror.Mend(CancellationToken.None).Mended);
        Assert.Equal(["index.html", "robots.txt"], WhatOutputHolds());
    }
}
