using KropotkinSite.Engine;
using KropotkinSite.Incremental;

namespace KropotkinSite.Preview;

/// <summary>
/// Which served files a rebuild removes and writes, told from the output pipelines' documents and those of the
/// site served before. A pipeline whose list is last run's very list changed nothing, and in a list of the same
/// length only the documents that are not last run's very ones at their place are read at all: on a large site,
/// reading every document costs more than the rest of what an edit rebuilds.
/// </summary>
internal static class OutputChanges
{
    /// <param name="now">Each output pipeline's documents, by its name.</param>
    /// <param name="before">The same, of the site served before, or null.</param>
    /// <returns>The paths of the files removed (or written anew) and the files written; null when the lists do not
    /// compare (no site served before).</returns>
    public static (List<string> Removed, List<KeyValuePair<string, ReadOnlyMemory<byte>>> Written)? Between(
        IReadOnlyDictionary<string, IReadOnlyList<Document>> now,
        IReadOnlyDictionary<string, IReadOnlyList<Document>>? before)
    {
        if (before is null || before.Count != now.Count) return null;
        var removed = new List<string>();
        var written = new List<KeyValuePair<string, ReadOnlyMemory<byte>>>();
        foreach (var (pipeline, documents) in now)
        {
            if (!before.TryGetValue(pipeline, out var earlier)) return null;
            if (ReferenceEquals(documents, earlier)) continue;
            if (Positions.Changed(documents, earlier) is { } edited)
                foreach (var i in edited)
                {
                    Remove(earlier[i], removed);
                    Write(documents[i], written);
                }
            else
            {
                foreach (var document in earlier) Remove(document, removed);
                foreach (var document in documents) Write(document, written);
            }
        }
        return (removed, written);
    }

    private static void Remove(Document document, List<string> removed)
    {
        if (document.Destination.Length > 0) removed.Add(document.Destination);
    }

    private static void Write(Document document, List<KeyValuePair<string, ReadOnlyMemory<byte>>> written)
    {
        if (document.Destination.Length > 0) written.Add(new(document.Destination, document.Content));
    }
}
