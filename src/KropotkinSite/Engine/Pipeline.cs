namespace KropotkinSite.Engine;

/// <summary>A named list of modules and the pipelines whose documents it reads.</summary>
public sealed class Pipeline(string name, IEnumerable<string> dependencies, IEnumerable<IModule> modules)
{
    public string Name { get; } = name;
    public IReadOnlyList<string> Dependencies { get; } = dependencies.ToArray();
    public IReadOnlyList<IModule> Modules { get; } = modules.ToArray();

    /// <summary>Whether its documents are written to the output folder.</summary>
    public bool IsOutput { get; init; }

    /// <summary>Whether a preview may serve an edit before this pipeline has caught up with it: what it makes is
    /// found by readers of the pages (the search index), not shown on them, so the edited page need not wait for it.
    /// See <see cref="PipelineEngine.Run"/>'s <c>served</c>.</summary>
    public bool MayLag { get; init; }

    public Pipeline(string name, params IModule[] modules) : this(name, [], modules) { }
}
