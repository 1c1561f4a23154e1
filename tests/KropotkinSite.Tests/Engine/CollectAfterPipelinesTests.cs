using KropotkinSite.Engine;

namespace KropotkinSite.Tests.Engine;

public class CollectAfterPipelinesTests
{
    [Fact]
    public void A_pipeline_end_collects_only_once_enough_was_allocated_since_the_last_collection()
    {
        long allocated = 0;
        var collections = 0;
        var collector = new CollectAfterPipelines(() => allocated, () => collections++);

        allocated = CollectAfterPipelines.Allocated - 1;
        collector.PipelineEnded();
        Assert.Equal(0, collections);

        allocated = CollectAfterPipelines.Allocated;
        collector.PipelineEnded();
        Assert.Equal(1, collections);

        collector.PipelineEnded(); // nothing allocated since
        allocated += CollectAfterPipelines.Allocated / 2;
        collector.PipelineEnded();
        Assert.Equal(1, collections);

        allocated += CollectAfterPipelines.Allocated / 2;
        collector.PipelineEnded();
        Assert.Equal(2, collections);
    }
}
