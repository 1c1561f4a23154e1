using KropotkinSite.Engine;
using KropotkinSite.Incremental;
using KropotkinSite.Pipelines;
using KropotkinSite.Theme;

namespace KropotkinSite.Tests.Support;

/// <summary>One run of a site's pipelines as a preview session makes it: through a file snapshot told what changed
/// and the memory of the runs before, so a test can count what the run computed again
/// (<see cref="BuildMemory.LastRun"/>). The run must build without errors.</summary>
public static class RememberedBuild
{
    public static EngineResult Run(TestSite site, FileSnapshot files, BuildMemory memory, ChangeSet changes)
    {
        var options = new BuildOptions(site.Input, site.Output, site.Theme);
        files.Begin(changes);
        memory.BeginRun();
        var pipelines = SitePipelines.Create(options, new ThemeFiles(site.Theme, site.Input, files),
            files.List(site.Input));
        var result = new PipelineEngine(pipelines).Run(files, default, memory);
        Assert.Empty(result.Errors);
        return result;
    }
}
