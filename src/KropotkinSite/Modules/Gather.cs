using KropotkinSite.Engine;

namespace KropotkinSite.Modules;

/// <summary>Starts a pipeline with the documents of the pipelines it depends on, in the order named.</summary>
public sealed record Gather(params string[] Pipelines) : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context) =>
        inputs.Concat(Pipelines.SelectMany(context.OutputsOf)).ToArray();
}
