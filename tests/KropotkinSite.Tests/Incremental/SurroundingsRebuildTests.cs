using KropotkinSite.Incremental;
using KropotkinSite.Pipelines;
using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.Incremental;

/// <summary>After one page is retitled without moving, or its body edited, a rebuild works out again the
/// surroundings of the pages that show it, not of every page: each page's surroundings come from its slice of the
/// site index, and the index's pieces that read no title are last run's.</summary>
public sealed class SurroundingsRebuildTests
{
    private const int Pages = 300;
    private const string Body = "See [the next](../page-151/) and [the first](../page-000/).\n";

    private static TestSite LinkedSite()
    {
        var site = TestSite.FromFixture("minimal");
        for (var i = 0; i < Pages; i++)
            site.Write($"exile/page-{i:D3}.md", $"---\ntitle: Page {i:D3}\n---\n" +
                $"See [the next](../page-{(i + 1) % Pages:D3}/) and [the first](../page-000/).\n");
        return site;
    }

    private static IReadOnlyList<StepReport> Run(TestSite site, FileSnapshot files, BuildMemory memory,
        ChangeSet changes)
    {
        RememberedBuild.Run(site, files, memory, changes);
        return memory.LastRun;
    }

    private static StepReport Prepare(IReadOnlyList<StepReport> steps) =>
        steps.Single(s => s.Step.EndsWith("/PrepareLayouts", StringComparison.Ordinal)
                          && s.Step.StartsWith(PipelineNames.Render + "/", StringComparison.Ordinal));

    [Theory]
    [InlineData("---\ntitle: Page 150 retitled\n---\n" + Body, 40)]
    [InlineData("---\ntitle: Page 150\n---\n" + Body + "\nMore.\n", 8)]
    public void An_edit_that_moves_no_page_works_out_again_only_what_shows_the_page(string text, int most)
    {
        using var site = LinkedSite();
        var (files, memory) = (new FileSnapshot(), new BuildMemory());
        var first = Prepare(Run(site, files, memory, ChangeSet.Unknown));
        Assert.True(first.Computed > Pages, $"{first.Computed} computed by a first build");

        site.Write("exile/page-150.md", text);
        var changes = ChangeSet.Of([Path.Combine(site.Input, "exile", "page-150.md")]);
        var edited = Prepare(Run(site, files, memory, changes));
        // The page, its neighbours, the page it links to, the section page that lists it, the pages of the timeline
        // and the works, and the few pieces of the index that read a title: a few dozen, not one per page.
        Assert.InRange(edited.Computed, 1, most);
        Assert.True(edited.Reused > Pages, $"{edited.Reused} reused");
    }
}
