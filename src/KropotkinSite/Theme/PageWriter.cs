using System.Text;

namespace KropotkinSite.Theme;

/// <summary>
/// What the outermost layout writes, as the page's UTF-8 bytes: the text is encoded as it comes, into a buffer the
/// thread keeps between pages, and a part laid out beforehand is copied as its bytes, with where it lies noted (see
/// <see cref="LayoutWriter"/> for how parts are found). That gives the bytes the whole text encodes to, because UTF-8
/// encodes each character (or surrogate pair) on its own; a part whose edge could make a pair with the text beside it
/// is encoded with the text instead.
/// </summary>
internal sealed class PageWriter(StringBuilder text, IReadOnlyDictionary<string, Piece[]> known)
    : LayoutWriter(text, known)
{
    private const int KeptCapacity = 4 << 20;
    [ThreadStatic] private static byte[]? t_buffer;

    private readonly Encoder _encoder = Encoding.UTF8.GetEncoder();
    private readonly List<PlacedPart> _parts = [];
    // Taken from the thread while this page is written, so that nothing else writes into it meanwhile.
    private byte[] _bytes = TakeKeptBuffer();
    private int _length;

    private static byte[] TakeKeptBuffer()
    {
        var kept = t_buffer;
        t_buffer = null;
        return kept ?? new byte[64 * 1024];
    }

    /// <summary>The page: its bytes, and where the parts copied into them lie.</summary>
    public RenderedPage Page()
    {
        EndText();
        Encode([], flush: true);
        var page = new RenderedPage(_bytes.AsSpan(0, _length).ToArray(), _parts);
        if (_bytes.Length <= KeptCapacity) t_buffer = _bytes;
        return page;
    }

    protected override void Add(Piece piece)
    {
        if (piece.Part is not { } part || MayPairAcrossItsEdges(part.Html))
        {
            Encode(piece.Chars, flush: false);
            return;
        }
        Encode([], flush: true);
        Reserve(part.Utf8.Length);
        _parts.Add(new PlacedPart(_length, part.Utf8));
        part.Utf8.CopyTo(_bytes, _length);
        _length += part.Utf8.Length;
    }

    protected override void EndText()
    {
        foreach (var chunk in Text.GetChunks()) Encode(chunk.Span, flush: false);
        Text.Clear();
    }

    private static bool MayPairAcrossItsEdges(string html) =>
        html.Length > 0 && (char.IsLowSurrogate(html[0]) || char.IsHighSurrogate(html[^1]));

    /// <summary>Encodes characters after those before, so that a surrogate pair split between two writes is one
    /// character; <paramref name="flush"/> ends what was written so far.</summary>
    private void Encode(ReadOnlySpan<char> chars, bool flush)
    {
        Reserve(Encoding.UTF8.GetMaxByteCount(chars.Length));
        _encoder.Convert(chars, _bytes.AsSpan(_length), flush, out _, out var written, out _);
        _length += written;
    }

    private void Reserve(int count)
    {
        if (_bytes.Length - _length >= count) return;
        var grown = new byte[Math.Max(checked(_length + count), 2 * _bytes.Length)];
        _bytes.AsSpan(0, _length).CopyTo(grown);
        _bytes = grown;
    }
}
