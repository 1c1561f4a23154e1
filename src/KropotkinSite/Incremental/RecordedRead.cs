using KropotkinSite.Engine;

namespace KropotkinSite.Incremental;

/// <summary>Something a step read besides its input documents, and what it got: a step whose reads all give the
/// same again, and whose inputs are the same, gives the same result.</summary>
internal abstract record RecordedRead
{
    public abstract bool Holds(IExecutionContext context);

    public sealed record Pipeline(string Name, IReadOnlyList<Document> Documents) : RecordedRead
    {
        public override bool Holds(IExecutionContext context) =>
            StructuralEquality.Equal(context.OutputsOf(Name), Documents);
    }

    public sealed record Listing(string Root, IReadOnlyList<string> Files) : RecordedRead
    {
        public override bool Holds(IExecutionContext context) =>
            StructuralEquality.Equal(context.Files.List(Root), Files);
    }

    public sealed record File(string Root, string RelativePath, FileRead Read) : RecordedRead
    {
        public override bool Holds(IExecutionContext context) =>
            StructuralEquality.Equal(context.Files.Read(Root, RelativePath), Read);
    }

    public sealed record Batch(string Root, IReadOnlyList<string> RelativePaths, IReadOnlyList<FileRead> Reads)
        : RecordedRead
    {
        public override bool Holds(IExecutionContext context) =>
            StructuralEquality.Equal(context.Files.ReadAll(Root, RelativePaths, context.Cancellation), Reads);
    }

    public sealed record Existence(string FullPath, bool Exists) : RecordedRead
    {
        public override bool Holds(IExecutionContext context) => context.Files.Exists(FullPath) == Exists;
    }
}
