using KropotkinSite.Engine;
using KropotkinSite.Search;

namespace KropotkinSite.Modules;

/// <summary>Writes the search index of the pages read by <see cref="ReadSearchText"/> into a folder of the output
/// (<see cref="SearchIndexWriter"/>). Each page's terms and file are made with the page; here the pages are
/// numbered, turned around a block at a time, and the entries cut into chunks, each written on its own: a
/// rebuild after an edit turns around only the page's block and writes again only the chunks that changed.
/// </summary>
public sealed record WriteSearchIndex(string Folder) : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var pages = context.Derive(inputs, static d => d.Require<SearchPage>(ReadSearchText.Page));
        var ordered = context.Compute(pages, static pages => SearchIndexWriter.Order(pages));
        var blocks = context.Derive(SearchIndexWriter.Blocks(ordered), static block => BlockInverter.Invert(block));
        var plan = context.Compute(blocks, static blocks => SearchIndexWriter.Plan(blocks));
        // Each chunk as a document named by where it starts, so that it is matched with last run's by its name,
        // not its place: a chunk cut anew before it does not make the ones after it new.
        var chunks = plan.Chunks.Select(static c =>
            Document.Create("", c.FirstTerm + "/" + c.FirstBlock, ReadOnlyMemory<byte>.Empty).With(Chunk, c)).ToArray();
        var chunkFiles = context.Derive(chunks,
            static chunk => SearchIndexWriter.ChunkFile(chunk.Require<TermChunk>(Chunk)));
        var files = context.Compute((ordered, plan, chunkFiles),
            static input => SearchIndexWriter.Files(input.ordered, input.plan, input.chunkFiles));
        return files.Select(file => Document.Create("", Folder + file.Path, file.Bytes)).ToArray();
    }

    private const string Chunk = "searchChunk";
}
