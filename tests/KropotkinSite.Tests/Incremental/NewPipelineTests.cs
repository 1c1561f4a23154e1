using KropotkinSite.Engine;
using KropotkinSite.Incremental;
using KropotkinSite.Modules;
using KropotkinSite.Pipelines;
using KropotkinSite.Tests.Support;
using KropotkinSite.Theme;

namespace KropotkinSite.Tests.Incremental;

/// <summary>A pipeline added to the site's is incremental without a line of cache code: what a second run
/// recomputes is what the edit touched.</summary>
public sealed class NewPipelineTests
{
    /// <summary>A new feature: counts the words of every page and writes the total. It only says what to
    /// compute.</summary>
    private sealed record CountWords : IModule
    {
        public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context)
        {
            var counts = context.Derive(inputs, static page =>
                System.Text.Encoding.UTF8.GetString(page.Get<byte[]>(RenderMarkdown.Html) ?? []).Split((char[]?)null,
                    StringSplitOptions.RemoveEmptyEntries).Length);
            var total = context.Compute(counts, static all => all.Sum());
            return [Document.Create("", "words.txt", System.Text.Encoding.UTF8.GetBytes(total + "\n"))];
        }
    }

    private static (EngineResult Result, IReadOnlyList<StepReport> Steps) Run(TestSite site, FileSnapshot files,
        BuildMemory memory, ChangeSet changes)
    {
        var options = new BuildOptions(site.Input, site.Output, site.Theme);
        files.Begin(changes);
        memory.BeginRun();
        var pipelines = SitePipelines.Create(options, new ThemeFiles(site.Theme, site.Input, files),
                files.List(site.Input))
            .Append(new Pipeline("words", [PipelineNames.Pages], [new Gather(PipelineNames.Pages), new CountWords()])
            {
                IsOutput = true
            });
        return (new PipelineEngine(pipelines).Run(files, default, memory), memory.LastRun);
    }

    private static string Words(EngineResult result) =>
        System.Text.Encoding.UTF8.GetString(result.Outputs["words"].Single().Content.Span);

    [Fact]
    public void After_one_page_changes_the_new_pipeline_counts_that_page_again_and_no_other()
    {
        using var site = TestSite.FromFixture("minimal");
        var (files, memory) = (new FileSnapshot(), new BuildMemory());
        var first = Run(site, files, memory, ChangeSet.Unknown);
        var pages = first.Result.Outputs[PipelineNames.Pages].Count;

        var early = Path.Combine(site.Input, "life", "early.md");
        File.AppendAllText(early, "\nFour more words here.\n");
        var (result, steps) = Run(site, files, memory, ChangeSet.Of([early]));

        Assert.Equal(("words/1/CountWords", true, 2, pages - 1),
            Counts(steps.Single(s => s.Step == "words/1/CountWords")));
        Assert.Equal(int.Parse(Words(first.Result)) + 4, int.Parse(Words(result)));
    }

    [Fact]
    public void After_an_edit_it_does_not_read_the_new_pipeline_does_not_run()
    {
        using var site = TestSite.FromFixture("minimal");
        var (files, memory) = (new FileSnapshot(), new BuildMemory());
        Run(site, files, memory, ChangeSet.Unknown);

        var work = Path.Combine(site.Input, "works", "first.md");
        File.AppendAllText(work, "\nA line about the work.\n");
        var (_, steps) = Run(site, files, memory, ChangeSet.Of([work]));

        Assert.All(steps.Where(s => s.Step.StartsWith("words/", StringComparison.Ordinal)),
            s => Assert.False(s.Ran, s.Step));
        Assert.Contains(steps, s => s.Step.StartsWith("works/", StringComparison.Ordinal) && s.Computed > 0);
    }

    private static (string, bool, int, int) Counts(StepReport step) =>
        (step.Step, step.Ran, step.Computed, step.Reused);
}
