namespace KropotkinSite.Theme;

/// <summary>A piece of a layout's output: text it wrote, or a part laid out beforehand that it wrote as it was
/// given.</summary>
internal readonly record struct Piece(string? Text, RenderedPart? Part)
{
    public string Chars => Text ?? Part!.Html;
}
