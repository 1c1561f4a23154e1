using KropotkinSite.Engine;
using KropotkinSite.Theme;

namespace KropotkinSite.Modules;

/// <summary>
/// Reads on its own each part of a page laid out beforehand (<see cref="ApplyLayout.PlacedParts"/>), one
/// <c>Derive</c> over the parts' bytes, so that a part is read again only when its bytes change; and gives each page
/// that has such parts with their readings (in the order of its placed parts) under a key, for what reads the page
/// to take. A page given so is another document than the one read, equal to last run's when its bytes and its
/// parts' readings are.
/// </summary>
internal static class PartReadings
{
    public static IReadOnlyList<Document> Attach<T>(IReadOnlyList<Document> documents, IExecutionContext context,
        string key, Func<byte[], T> read)
    {
        var placed = documents.Select(Of).ToArray();
        var parts = placed.SelectMany(p => p).Select(p => p.Utf8).ToArray();
        if (parts.Length == 0) return documents;
        var readings = context.Derive(parts, read);
        var given = new Document[documents.Count];
        var at = 0;
        for (var i = 0; i < documents.Count; i++)
        {
            var count = placed[i].Count;
            given[i] = count == 0 ? documents[i] : documents[i].With(key, readings.Skip(at).Take(count).ToArray());
            at += count;
        }
        return given;
    }

    public static IReadOnlyList<PlacedPart> Of(Document document) =>
        document.Get<IReadOnlyList<PlacedPart>>(ApplyLayout.PlacedParts) ?? [];
}
