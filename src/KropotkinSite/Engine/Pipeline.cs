namespace KropotkinSite.Engine;

/// <summary>A named list of modules and the pipelines whose documents it reads.</summary>
public sealed class Pipeline(string name, IEnumerable<string> dependencies, IEnumerable<IModule> modules)
{
    public string Name { get; } = name;
    public IReadOnlyList<string> Dependencies { get; } = dependencies.ToArray();
    public IReadOnlyList<IModule> Modules { get; } = modules.ToArray();

    /// <summary>Whether its documents are written to the output folder.</summary>
    public bool IsOutput { get; init; }

    public Pipeline(string name, params IModule[] modules) : this(name, [], modules) { }
}
