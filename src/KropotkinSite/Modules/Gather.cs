using KropotkinSite.Engine;

namespace KropotkinSite.Modules;

/// <summary>Starts a pipeline with the documents of the pipelines it depends on, in the order named.</summary>
public sealed record Gather(params string[] Pipelines) : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var lists = new IReadOnlyList<Document>[Pipelines.Length + 1];
        lists[0] = inputs;
        for (var i = 0; i < Pipelines.Length; i++) lists[i + 1] = context.OutputsOf(Pipelines[i]);
        return Lists.Concat(lists);
    }
}
