using KropotkinSite.Engine;

namespace KropotkinSite.Incremental;

/// <summary>What a step was given, read and made in its last run, and what each function it called gave.</summary>
internal sealed record StepRecord(
    IModule Module,
    IReadOnlyList<Document> Inputs,
    IReadOnlyList<RecordedRead> Reads,
    IReadOnlyList<Document> Outputs,
    IReadOnlyList<ContentError> Errors,
    IReadOnlyList<object> Calls)
{
    /// <summary>Whether the step would give the same again: an equal module (the same settings), equal input
    /// documents, and every read giving what it gave.</summary>
    public bool Holds(IModule module, IReadOnlyList<Document> inputs, IExecutionContext context) =>
        StructuralEquality.Equal(module, Module) && StructuralEquality.Equal(inputs, Inputs)
        && Reads.All(read => read.Holds(context));
}
