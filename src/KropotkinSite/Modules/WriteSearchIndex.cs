using KropotkinSite.Engine;
using KropotkinSite.Search;

namespace KropotkinSite.Modules;

/// <summary>Writes the search index of the pages read by <see cref="ReadSearchText"/> into a folder of the output
/// (<see cref="SearchIndexWriter"/>). Each page's terms and files are made with the page; here the pages are
/// numbered, turned around a part of a block at a time, the parts' entries merged into their block's a term at a
/// time, and the entries cut into chunks, each written on its own: a rebuild after an edit turns around only the
/// page's part, merges again the terms whose entries there changed, and writes again only the chunks that changed.
/// </summary>
public sealed record WriteSearchIndex(string Folder) : IModule
{
    private const string Chunk = "searchChunk", Merge = "searchMerge";

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var pages = context.Derive(inputs, static d => d.Require<SearchPage>(ReadSearchText.Page));
        var order = context.Compute(context.Derive(pages, static page => page.Href), SearchIndexWriter.OrderOf);
        var ordered = SearchIndexWriter.Arrange(pages, order);
        var pageParts = SearchIndexWriter.Parts(ordered);
        var parts = context.Derive(pageParts, static part => BlockInverter.InvertPart(part));
        var layouts = context.Derive(SearchIndexWriter.Blocks(parts, ordered.Length),
            static block => BlockMerger.Layout(block));
        // Each term's merge as a document named by its block and term, so that it is matched with last run's by its
        // name, not its place: a term new to a block does not make the merges after it new.
        var merges = context.Derive(layouts, static layout => layout.Merges.Select(static merge =>
            Document.Create("", merge.Key, ReadOnlyMemory<byte>.Empty).With(Merge, merge.Holders)).ToArray());
        var merged = context.Derive(merges.SelectMany(static m => m).ToArray(),
            static merge => EntryMerger.Merge(merge.Require<TermHolder[]>(Merge)));
        var blocks = context.Derive(SearchIndexWriter.WithMerged(layouts, merged),
            static block => BlockMerger.Assemble(block.Layout, block.Merged));
        var plan = context.Compute(blocks, static blocks => SearchIndexWriter.Plan(blocks));
        // Each chunk as a document named by where it starts, so that it is matched with last run's by its name,
        // not its place: a chunk cut anew before it does not make the ones after it new.
        var chunks = plan.Chunks.Select(static c =>
            Document.Create("", c.FirstTerm + "/" + c.FirstBlock, ReadOnlyMemory<byte>.Empty).With(Chunk, c)).ToArray();
        var chunkFiles = context.Derive(chunks,
            static chunk => SearchIndexWriter.ChunkFile(chunk.Require<TermChunk>(Chunk)));
        var inOne = SearchIndexWriter.PagesInOneFile(ordered);
        // The pages' files a part at a time: a list of a few parts is looked over faster than one of every page.
        var pageFiles = inOne
            ? []
            : context.Derive(pageParts, Folder, static (part, folder) => part.Pages
                .SelectMany((page, i) => SearchIndexWriter.PageFilesOf(part.First + i, page))
                .Select(file => Document.Create("", folder + file.Path, file.Bytes)).ToArray());
        var sections = context.Compute(context.Derive(ordered, SearchIndexWriter.SectionEntry),
            SearchIndexWriter.SectionTitles);
        var files = context.Compute((ordered, sections, plan, chunkFiles, inOne), static input =>
            SearchIndexWriter.IndexFiles(input.ordered, input.sections, input.plan, input.chunkFiles, input.inOne));
        return [.. pageFiles.SelectMany(static d => d), .. files.Select(file =>
            Document.Create("", Folder + file.Path, file.Bytes))];
    }
}
