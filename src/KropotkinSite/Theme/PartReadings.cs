using KropotkinSite.Engine;

namespace KropotkinSite.Theme;

/// <summary>
/// Reads on its own each part of a page laid out beforehand (<see cref="PlacedPart.Key"/>), one
/// <c>Derive</c> over the parts' bytes, so that a part is read again only when its bytes change; and gives each page
/// that has such parts with their readings (in the order of its placed parts) under a key, for what reads the page
/// to take. A page given so is another document than the one read, equal to last run's when its bytes and its
/// parts' readings are.
/// </summary>
public static class PartReadings
{
    public static IReadOnlyList<Document> Attach<T>(IReadOnlyList<Document> documents, IExecutionContext context,
        string key, Func<byte[], T> read)
    {
        // Which documents have parts is derived too, so that after an edit only the documents it changed are looked
        // into, not every document's metadata.
        var counts = context.Derive(documents, static d => Of(d).Count);
        var pages = Enumerable.Range(0, documents.Count).Where(i => counts[i] > 0).ToArray();
        if (pages.Length == 0) return documents;
        var placed = pages.Select(i => Of(documents[i])).ToArray();
        var readings = context.Derive(placed.SelectMany(p => p).Select(p => p.Utf8).ToArray(), read);
        var withReadings = new (Document Page, T[] Readings)[pages.Length];
        for (int p = 0, at = 0; p < pages.Length; at += placed[p].Count, p++)
            withReadings[p] = (documents[pages[p]], readings.Skip(at).Take(placed[p].Count).ToArray());
        // Through Derive too, so that a page whose bytes and readings are last run's is given as last run's very
        // document, which what reads it finds by reference instead of comparing its bytes.
        var given = context.Derive(withReadings, key, static (page, key) => page.Page.With(key, page.Readings));
        var result = documents.ToArray();
        for (var p = 0; p < pages.Length; p++) result[pages[p]] = given[p];
        return result;
    }

    public static IReadOnlyList<PlacedPart> Of(Document document) =>
        document.Get<IReadOnlyList<PlacedPart>>(PlacedPart.Key) ?? [];
}
