using System.Text;
using KropotkinSite.Engine;
using KropotkinSite.IO;

namespace KropotkinSite.Tests.IO;

public sealed class StagedOutputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ks-staged-").FullName;

    private string Output => Path.Combine(_folder, "output");

    private string Staging => Output + ".staging";

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Document Page(string destination, string text) =>
        Document.Create("", destination, Encoding.UTF8.GetBytes(text));

    private void OldSite()
    {
        Directory.CreateDirectory(Output);
        File.WriteAllText(Path.Combine(Output, "old.html"), "old");
    }

    /// <summary>No staging folder, no previous copy.</summary>
    private void AssertNothingBesideOutput() =>
        Assert.Equal(["output"], Directory.GetFileSystemEntries(_folder).Select(Path.GetFileName));

    private static string[] Files(string folder) => Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Batches_are_written_into_the_staging_folder_before_publishing_and_swapped_in_together()
    {
        OldSite();
        using var staged = new StagedOutput(Output);

        staged.Write([Page("a/index.html", "a"), Page("", "not a file")]);
        staged.Write([Page("search/1.bin", "1"), Page("b/index.html", "b")]);
        SpinWait.SpinUntil(() => File.Exists(Path.Combine(Staging, "b", "index.html")), TimeSpan.FromSeconds(10));
        var stagedBeforePublishing = Files(Staging);
        var outputBeforePublishing = Files(Output);
        var written = staged.Publish();

        Assert.Equal(
            [Path.Combine("a", "index.html"), Path.Combine("b", "index.html"), Path.Combine("search", "1.bin")],
            stagedBeforePublishing);
        Assert.Equal(["old.html"], outputBeforePublishing);
        Assert.Equal(3, written);
        Assert.Equal(stagedBeforePublishing, Files(Output));
        Assert.Equal("b", File.ReadAllText(Path.Combine(Output, "b", "index.html")));
        AssertNothingBesideOutput();
    }

    [Fact]
    public void Disposed_without_publishing_it_deletes_what_it_wrote_and_leaves_the_output_as_it_was()
    {
        OldSite();
        var staged = new StagedOutput(Output);
        staged.Write([Page("a/index.html", "a")]);
        SpinWait.SpinUntil(() => File.Exists(Path.Combine(Staging, "a", "index.html")), TimeSpan.FromSeconds(10));

        staged.Dispose();

        Assert.Equal(["old.html"], Files(Output));
        AssertNothingBesideOutput();
    }

    [Fact]
    public void A_batch_that_cannot_be_written_fails_only_when_publishing_and_leaves_the_output_as_it_was()
    {
        OldSite();
        using var staged = new StagedOutput(Output);

        staged.Write([Page("a/index.html", "a")]);
        staged.Write([Page("../outside.html", "escapes the output folder")]);
        staged.Write([Page("b/index.html", "b")]);

        var thrown = Assert.Throws<InvalidOperationException>(() => staged.Publish());
        Assert.Contains("outside the output folder", thrown.Message, StringComparison.Ordinal);
        Assert.Equal(["old.html"], Files(Output));
        AssertNothingBesideOutput();
    }

    [Fact]
    public void Publishing_with_no_batch_publishes_an_empty_site()
    {
        OldSite();
        using var staged = new StagedOutput(Output);

        Assert.Equal(0, staged.Publish());

        Assert.Empty(Files(Output));
        AssertNothingBesideOutput();
    }
}
