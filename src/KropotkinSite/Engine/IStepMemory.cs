namespace KropotkinSite.Engine;

/// <summary>
/// What a preview session remembers of earlier runs (implemented in Incremental/). The engine runs every step of
/// every pipeline through it; it runs the module, or gives what it gave before when that cannot differ.
/// </summary>
public interface IStepMemory
{
    IReadOnlyList<Document> Run(string step, IModule module, IReadOnlyList<Document> inputs, IExecutionContext context);
}
