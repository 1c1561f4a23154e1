using KropotkinSite.Engine;
using KropotkinSite.Search;

namespace KropotkinSite.Modules;

/// <summary>Writes the search index of the pages read by <see cref="ReadSearchText"/> into a folder of the output
/// (<see cref="SearchIndexWriter"/>).</summary>
public sealed class WriteSearchIndex(string folder) : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context) =>
        SearchIndexWriter.Write(inputs.Select(d => d.Require<SearchPage>(ReadSearchText.Page)).ToArray())
            .Select(file => Document.Create("", folder + file.Path, file.Bytes))
            .ToArray();
}
