using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.Preview;

/// <summary>
/// While a preview runs, something else deletes the output folder, or changes and adds files in it (a clean-up,
/// another tool, a slip of the hand): after the next edit's rebuild the folder is again exactly what a full build
/// writes, so it can be published as it is.
/// </summary>
[Trait("Category", "Slow")]
public sealed class OutputInterferenceTests
{
    [LinuxFact]
    public void After_output_is_deleted_during_a_session_the_next_rebuild_writes_all_of_it()
    {
        using var site = TestSite.FromFixture("minimal");
        using var preview = ChildCommand.Start(site, "preview", "--port", "0");
        preview.WaitForServing();

        Directory.Delete(site.Output, recursive: true);
        Edit(site, "life/early.md");

        FullBuild.WaitUntilOutputEquals(site, preview, "after rm -rf output and an edit");
        Assert.Contains("had been changed by something else", preview.Stdout);
    }

    [LinuxFact]
    public void Files_changed_and_added_in_output_during_a_session_are_put_right_by_the_next_rebuild()
    {
        using var site = TestSite.FromFixture("minimal");
        using var preview = ChildCommand.Start(site, "preview", "--port", "0");
        preview.WaitForServing();

        var page = Path.Combine(site.Output, "works", "index.html");
        var changed = File.ReadAllText(page).Replace("<h1>", "<h1>Changed by hand: ", StringComparison.Ordinal);
        File.WriteAllText(page, changed);
        File.WriteAllText(Path.Combine(site.Output, "notes.txt"), "Same length? No: a different text altogether.");
        File.WriteAllText(Path.Combine(site.Output, "life", "stray.html"), "<p>not part of the site</p>");
        Directory.CreateDirectory(Path.Combine(site.Output, "empty", "folder"));
        File.Delete(Path.Combine(site.Output, "robots.txt"));
        Edit(site, "life/early.md");

        FullBuild.WaitUntilOutputEquals(site, preview,
            "after changing, adding and deleting files in output and an edit");
    }

    [LinuxFact]
    public void A_file_rewritten_with_the_same_size_is_noticed_by_its_time()
    {
        using var site = TestSite.FromFixture("minimal");
        using var preview = ChildCommand.Start(site, "preview", "--port", "0");
        preview.WaitForServing();

        var file = Path.Combine(site.Output, "notes.txt");
        var bytes = File.ReadAllBytes(file);
        bytes[0] ^= 0x20; // same size, other bytes
        File.WriteAllBytes(file, bytes);
        Edit(site, "life/early.md");

        FullBuild.WaitUntilOutputEquals(site, preview, "after a same-size change to output/notes.txt and an edit");
    }

    private static void Edit(TestSite site, string page) =>
        File.AppendAllText(Path.Combine(site.Input, page), "\nA sentence added during the session.\n");
}
