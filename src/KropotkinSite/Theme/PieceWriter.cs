using System.Text;

namespace KropotkinSite.Theme;

/// <summary>What a layout nested in another writes, as <see cref="Piece"/>s: its text, and between it the pieces it
/// wrote (see <see cref="LayoutWriter"/>). They are the content its parent is given (<see cref="ContentValue"/>);
/// joined, its characters.</summary>
internal sealed class PieceWriter(StringBuilder text, IReadOnlyDictionary<string, Piece[]> known)
    : LayoutWriter(text, known)
{
    private readonly List<Piece> _pieces = [];

    /// <summary>Everything written, in order.</summary>
    public Piece[] Pieces()
    {
        EndText();
        return [.. _pieces];
    }

    /// <summary>The characters of the pieces, one after another.</summary>
    public static string Join(Piece[] pieces)
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

    protected override void Add(Piece piece) => _pieces.Add(piece);

    protected override void EndText()
    {
        if (Text.Length == 0) return;
        _pieces.Add(new Piece(Text.ToString(), null));
        Text.Clear();
    }
}
