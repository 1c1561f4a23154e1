using KropotkinSite.Engine;
using KropotkinSite.IO;

namespace KropotkinSite.Tests.Engine;

public sealed class DocumentParallelTests
{
    private sealed class Emit(params string[] sources) : IModule
    {
        public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context) =>
            [.. sources.Select(s => Document.Create(s, "", ReadOnlyMemory<byte>.Empty))];
    }

    /// <summary>Maps every document, throwing on the one named.</summary>
    private sealed class FailOn(string source) : IModule
    {
        public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context) =>
            context.Map(inputs, (d, _) => d.Source == source ? throw new NullReferenceException("boom") : d);
    }

    /// <summary>Maps every document with a function that tries to read another pipeline.</summary>
    private sealed class ReadOtherPipelineWhileMapping : IModule
    {
        public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context) =>
            context.Map(inputs, (d, c) => c.OutputsOf("a").Count > 0 ? d : null);
    }

    [Fact]
    public void An_unexpected_exception_is_an_internal_error_of_its_document_and_the_other_documents_go_on()
    {
        var result = new PipelineEngine([new Pipeline("a", new Emit("/site/a.md", "/site/b.md", "/site/c.md"),
            new FailOn("/site/b.md"))])
            .Run(new DiskFiles());

        Assert.Equal(["/site/a.md", "/site/c.md"], result.Outputs["a"].Select(d => d.Source));
        var error = Assert.Single(result.Errors);
        Assert.Equal(("/site/b.md", "KS9000"), (error.File, error.Code));
        Assert.Contains("boom", error.Message);
    }

    [Fact]
    public void A_mapping_of_one_document_cannot_read_beyond_it()
    {
        var result = new PipelineEngine([
            new Pipeline("a", new Emit("/site/a.md")),
            new Pipeline("b", ["a"], [new Emit("/site/b.md"), new ReadOtherPipelineWhileMapping()]),
        ]).Run(new DiskFiles());

        Assert.Empty(result.Outputs["b"]);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("/site/b.md", "KS9000"), (error.File, error.Code));
        Assert.Contains("reads only that document", error.Message);
    }
}
