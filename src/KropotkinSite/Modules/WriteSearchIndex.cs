using KropotkinSite.Engine;
using KropotkinSite.Search;

namespace KropotkinSite.Modules;

/// <summary>Writes the search index of the pages read by <see cref="ReadSearchText"/> into a folder of the output
/// (<see cref="SearchIndexWriter"/>).</summary>
public sealed record WriteSearchIndex(string Folder) : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var pages = context.Derive(inputs, static d => d.Require<SearchPage>(ReadSearchText.Page));
        var files = context.Compute(pages, static pages => SearchIndexWriter.Write(pages));
        return context.Derive(files, Folder,
            static (file, folder) => Document.Create("", folder + file.Path, file.Bytes));
    }
}
