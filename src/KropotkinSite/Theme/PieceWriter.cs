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

    /// <summary>The characters of the pieces, one after another (each piece's taken once: a page's own HTML is
    /// decoded to get them).</summary>
    public static string Join(Piece[] pieces) =>
        pieces is [{ Text: { } only }] ? only : string.Concat(Array.ConvertAll(pieces, static piece => piece.Chars));

    protected override void Add(Piece piece) => _pieces.Add(piece);

    protected override void EndText()
    {
        if (Text.Length == 0) return;
        _pieces.Add(new Piece(Text.ToString(), null));
        Text.Clear();
    }
}
