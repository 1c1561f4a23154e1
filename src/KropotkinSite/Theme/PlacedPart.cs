namespace KropotkinSite.Theme;

/// <summary>Where a part laid out beforehand lies in a page's bytes: at <paramref name="Offset"/>, the very bytes
/// <paramref name="Utf8"/> of its <see cref="RenderedPart"/>. What reads a page may read such a part on its own
/// and take that reading again while the part's bytes are the same.</summary>
public sealed record PlacedPart(int Offset, byte[] Utf8)
{
    /// <summary>The metadata a page laid out with such parts lists them under, in the order of their offsets.</summary>
    public const string Key = "placedParts";

    public int End => Offset + Utf8.Length;
}
