using System.Net;
using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.Preview;

/// <summary>
/// The input or theme folder renamed away while a preview runs (a branch switch, a tidy-up): the preview says so
/// in the terminal and in the browser's overlay, goes on serving the last good site, and when the folder is back
/// builds again by itself.
/// </summary>
[Trait("Category", "Slow")]
public sealed class VanishingFolderTests
{
    [LinuxTheory]
    [InlineData("input")]
    [InlineData("theme")]
    public void A_folder_renamed_away_is_reported_the_last_good_site_served_and_it_recovers_when_it_is_back(
        string folder)
    {
        using var site = TestSite.FromFixture("minimal");
        TestSite.CopyDirectory(site.Theme, Path.Combine(site.Root, "theme"));
        site.Theme = Path.Combine(site.Root, "theme");
        using var preview = ChildCommand.Start(site, "preview", "--port", "0");
        var address = preview.WaitForServing();
        using var browser = EventStream.Open(address);
        using var client = new HttpClient();
        var page = new Uri(address, "life/early/");
        var served = client.GetStringAsync(page).GetAwaiter().GetResult();

        var path = Path.Combine(site.Root, folder);
        Directory.Move(path, path + ".away");
        var gone = $"the {folder} folder is gone";
        preview.WaitForOutput(o => o.Contains(gone, StringComparison.Ordinal), $"that the {folder} folder is gone");
        browser.WaitFor(gone, "the error for the overlay");
        Assert.Contains("event: problem", browser.Text);
        var meanwhile = client.GetAsync(page).GetAwaiter().GetResult();
        Assert.Equal(HttpStatusCode.OK, meanwhile.StatusCode);
        Assert.Equal(served, meanwhile.Content.ReadAsStringAsync().GetAwaiter().GetResult());

        var (file, edit) = folder == "input"
            ? ("life/early.md", "\nEdited while away.\n")
            : ("layouts/page.liquid", "\n<p>Edited while away.</p>\n");
        File.AppendAllText(Path.Combine(path + ".away", file), edit);
        Directory.Move(path + ".away", path);

        browser.WaitFor("event: reload", "a reload once the folder is back");
        var recovered = client.GetStringAsync(page).GetAwaiter().GetResult();
        Assert.True(recovered.Contains("Edited while away.", StringComparison.Ordinal),
            $"the page does not show the edit made while away:\n{recovered}");
        File.AppendAllText(Path.Combine(site.Input, "life/early.md"), "\nA sentence added once it was back.\n");
        FullBuild.WaitUntilOutputEquals(site, preview, $"after the {folder} folder came back and an edit");
        Assert.Contains("A sentence added once it was back.", client.GetStringAsync(page).GetAwaiter().GetResult());
        Assert.False(preview.HasExited, preview.Printed);
    }
}
