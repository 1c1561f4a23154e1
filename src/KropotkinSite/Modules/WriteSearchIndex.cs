using KropotkinSite.Engine;
using KropotkinSite.Search;

namespace KropotkinSite.Modules;

/// <summary>Writes the search index of the pages read by <see cref="ReadSearchText"/> into a folder of the output
/// (<see cref="SearchIndexWriter"/>). Each page's terms and file are made with the page; here the terms are
/// turned around into chunks once for the site, and each chunk is compressed on its own, so that a rebuild
/// compresses again only the chunks an edit changed.</summary>
public sealed record WriteSearchIndex(string Folder) : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var pages = context.Derive(inputs, static d => d.Require<SearchPage>(ReadSearchText.Page));
        var plan = context.Compute(pages, static pages => SearchIndexWriter.Plan(pages));
        // Each chunk as a document named by its first term, so that a chunk is matched with last run's by its
        // name, not its place: a chunk cut anew before it does not make the ones after it new.
        var chunks = plan.Chunks.Select(static c => Document.Create("", c.FirstTerm, c.Json)).ToArray();
        var chunkFiles = context.Derive(chunks, static chunk => SearchIndexWriter.ChunkFile(chunk.Content.ToArray()));
        var files = context.Compute((plan, chunkFiles),
            static input => SearchIndexWriter.Files(input.plan, input.chunkFiles));
        return files.Select(file => Document.Create("", Folder + file.Path, file.Bytes)).ToArray();
    }
}
