using KropotkinSite.Engine;

namespace KropotkinSite.Tests.Engine;

public sealed class DocumentParallelTests
{
    [Fact]
    public void An_unexpected_exception_is_an_internal_error_of_its_document_and_the_other_documents_go_on()
    {
        var documents = new[] { "a.md", "b.md", "c.md" }.Select(name => Document.Create("/site/" + name, "", ReadOnlyMemory<byte>.Empty)).ToArray();
        var context = new RecordingContext();

        var results = DocumentParallel.Map(documents, context, (d, _) => d.Source.EndsWith("b.md", StringComparison.Ordinal) ? throw new NullReferenceException("boom") : d);

        Assert.Equal(["/site/a.md", "/site/c.md"], results.Select(d => d.Source));
        var error = Assert.Single(context.Errors);
        Assert.Equal(("/site/b.md", "KS9000"), (error.File, error.Code));
        Assert.Contains("boom", error.Message);
    }

    private sealed class RecordingContext : IExecutionContext
    {
        public List<ContentError> Errors { get; } = [];
        public string PipelineName => "test";
        public string Step => "test/0";
        public ModuleCache? Cache => null;
        public CancellationToken Cancellation => CancellationToken.None;
        public IReadOnlyList<Document> OutputsOf(string pipelineName) => [];
        public void Report(ContentError error) { lock (Errors) Errors.Add(error); }
    }
}
