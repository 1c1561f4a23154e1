using System.Text;

namespace KropotkinSite.Theme;

/// <summary>Joins a layout's <see cref="Piece"/>s into the page's characters or bytes: the text is encoded, each
/// part's bytes are copied as they are. That gives the bytes the whole text would encode to, because UTF-8 encodes
/// each character (or surrogate pair) on its own; only a pair split between two pieces would differ, and then the
/// whole text is encoded.</summary>
internal static class PageAssembly
{
    public static string Text(Piece[] pieces)
    {
        if (pieces is [{ Text: { } only }]) return only;
        var length = 0;
        foreach (var piece in pieces) length = checked(length + piece.Chars.Length);
        return string.Create(length, pieces, static (chars, pieces) =>
        {
            foreach (var piece in pieces)
            {
                piece.Chars.CopyTo(chars);
                chars = chars[piece.Chars.Length..];
            }
        });
    }

    public static RenderedPage Page(Piece[] pieces)
    {
        if (SplitsAPair(pieces)) return new RenderedPage(Encoding.UTF8.GetBytes(Text(pieces)), []);
        var length = 0L;
        foreach (var piece in pieces)
            length += piece.Part?.Utf8.Length ?? Encoding.UTF8.GetByteCount(piece.Text!);
        var bytes = new byte[checked((int)length)];
        var at = 0;
        var parts = new List<PlacedPart>();
        foreach (var piece in pieces)
            if (piece.Part is { } part)
            {
                part.Utf8.CopyTo(bytes, at);
                parts.Add(new PlacedPart(at, part.Utf8));
                at += part.Utf8.Length;
            }
            else at += Encoding.UTF8.GetBytes(piece.Text!, bytes.AsSpan(at));
        return new RenderedPage(bytes, parts);
    }

    private static bool SplitsAPair(Piece[] pieces)
    {
        for (var i = 1; i < pieces.Length; i++)
        {
            var (before, after) = (pieces[i - 1].Chars, pieces[i].Chars);
            if (before.Length > 0 && after.Length > 0 && char.IsHighSurrogate(before[^1])
                && char.IsLowSurrogate(after[0])) return true;
        }
        return false;
    }
}
