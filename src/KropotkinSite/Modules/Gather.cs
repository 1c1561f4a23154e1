using KropotkinSite.Engine;

namespace KropotkinSite.Modules;

/// <summary>Starts a pipeline with the documents of the pipelines it depends on, in the order named.</summary>
public sealed class Gather(params string[] pipelines) : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context) =>
        inputs.Concat(pipelines.SelectMany(context.OutputsOf)).ToArray();
}
