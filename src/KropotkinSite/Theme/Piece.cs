namespace KropotkinSite.Theme;

/// <summary>A piece of a layout's output: text it wrote, a part laid out beforehand that it wrote as it was given,
/// or HTML it was given as UTF-8 (<see cref="Utf8"/>, a page's own) that it wrote as it was.</summary>
internal readonly record struct Piece(string? Text, RenderedPart? Part, byte[]? Utf8 = null)
{
    public string Chars => Text ?? Part?.Html ?? System.Text.Encoding.UTF8.GetString(Utf8!);
}
