namespace KropotkinSite.Engine;

/// <summary>One step over a set of documents. Modules return new documents and report content errors to the
/// context.</summary>
public interface IModule
{
    IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context);
}
