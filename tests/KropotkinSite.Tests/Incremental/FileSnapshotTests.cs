using KropotkinSite.Engine;
using KropotkinSite.Incremental;
using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.Incremental;

/// <summary>The files of a preview session as each run sees them: a file is looked at again exactly when a change
/// set has named it since it was read (or every file, when the change set is unknown), whether it is read alone or
/// in a list read as a whole.</summary>
public sealed class FileSnapshotTests
{
    private static readonly string[] Pages = ["a.md", "b.md", "c.md"];

    private static TestSite Site() =>
        TestSite.Empty().Write("a.md", "first a").Write("b.md", "first b").Write("c.md", "first c");

    private static string Text(FileRead read) => System.Text.Encoding.UTF8.GetString(read.Document!.Content.Span);

    [Fact]
    public void A_list_read_again_reads_only_the_named_file_and_is_the_same_list_when_nothing_changed()
    {
        using var site = Site();
        var files = new FileSnapshot();
        files.Begin(ChangeSet.Unknown);
        var first = files.ReadAll(site.Input, Pages, default);

        site.Write("a.md", "second a").Write("b.md", "second b");
        files.Begin(ChangeSet.Of([Path.Combine(site.Input, "b.md")]));
        var second = files.ReadAll(site.Input, Pages, default);

        Assert.NotSame(first, second);
        Assert.Same(first[0], second[0]); // not named: not looked at
        Assert.Equal("second b", Text(second[1]));
        Assert.Same(first[2], second[2]);
        Assert.Same(second, files.ReadAll(site.Input, Pages, default)); // the same run asks again

        files.Begin(ChangeSet.Of([Path.Combine(site.Input, "c.md")])); // named, but the same bytes
        Assert.Same(second, files.ReadAll(site.Input, Pages, default));
    }

    [Fact]
    public void A_file_named_in_a_run_that_did_not_read_it_is_read_when_a_later_run_asks()
    {
        using var site = Site();
        var files = new FileSnapshot();
        files.Begin(ChangeSet.Unknown);
        var alone = files.Read(site.Input, "a.md");
        var listed = files.ReadAll(site.Input, Pages, default);

        site.Write("a.md", "second a");
        files.Begin(ChangeSet.Of([Path.Combine(site.Input, "a.md")])); // a run that reads nothing
        files.Begin(ChangeSet.Of([]));

        Assert.Equal("second a", Text(files.Read(site.Input, "a.md")));
        Assert.NotSame(alone, files.Read(site.Input, "a.md"));
        Assert.Equal("second a", Text(files.ReadAll(site.Input, Pages, default)[0]));
        Assert.NotSame(listed, files.ReadAll(site.Input, Pages, default));
    }

    [Fact]
    public void An_unknown_change_set_looks_at_every_file_of_a_list()
    {
        using var site = Site();
        var files = new FileSnapshot();
        files.Begin(ChangeSet.Unknown);
        files.ReadAll(site.Input, Pages, default);

        site.Write("c.md", "second c, longer");
        files.Begin(ChangeSet.Unknown);

        Assert.Equal("second c, longer", Text(files.ReadAll(site.Input, Pages, default)[2]));
    }
}
