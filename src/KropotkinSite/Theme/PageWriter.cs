using System.Text;

namespace KropotkinSite.Theme;

/// <summary>
/// What the outermost layout writes, as the page's UTF-8 bytes: the text is encoded as it comes, into a buffer the
/// thread keeps between pages, and a part laid out beforehand is noted where it goes in that text; the page's bytes
/// are made at the end, at their exact size, from the text and each part's own bytes. (Copying the parts into the
/// buffer as well grew it, for the largest page, a page of parts, to twice that page's size and more.) That gives
/// the bytes the whole text encodes to, because UTF-8 encodes each character (or surrogate pair) on its own; a part
/// whose edge could make a pair with the text beside it is encoded with the text instead. See
/// <see cref="LayoutWriter"/> for how parts are found.
/// </summary>
internal sealed class PageWriter(StringBuilder text, IReadOnlyDictionary<string, Piece[]> known)
    : LayoutWriter(text, known)
{
    private const int KeptCapacity = 4 << 20;
    // How many bytes at most are made room for before encoding: a long text is encoded a slice at a time, so that
    // the buffer grows to what the text takes, not to the most it could take (three bytes a character).
    private const int EncodedAtOnce = 64 * 1024;
    [ThreadStatic] private static byte[]? t_buffer;

    private readonly Encoder _encoder = Encoding.UTF8.GetEncoder();
    private readonly List<(int TextLength, byte[] Utf8)> _parts = [];
    // Taken from the thread while this page is written, so that nothing else writes into it meanwhile.
    private byte[] _text = TakeKeptBuffer();
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
        var length = (long)_length;
        foreach (var (_, utf8) in _parts) length += utf8.Length;
        var bytes = new byte[checked((int)length)];
        var placed = new PlacedPart[_parts.Count];
        var (copied, at) = (0, 0);
        for (var i = 0; i < placed.Length; i++)
        {
            var (textLength, utf8) = _parts[i];
            at += CopyText(copied, textLength, bytes.AsSpan(at));
            copied = textLength;
            placed[i] = new PlacedPart(at, utf8);
            utf8.CopyTo(bytes, at);
            at += utf8.Length;
        }
        CopyText(copied, _length, bytes.AsSpan(at));
        if (_text.Length <= KeptCapacity) t_buffer = _text;
        return new RenderedPage(bytes, placed);
    }

    private int CopyText(int from, int to, Span<byte> into)
    {
        _text.AsSpan(from, to - from).CopyTo(into);
        return to - from;
    }

    protected override void Add(Piece piece)
    {
        // Valid UTF-8 begins and ends with whole characters: it needs no look at its edges, as a part's text does.
        if (piece.Utf8 is { } utf8)
        {
            Encode([], flush: true);
            Reserve(utf8.Length);
            utf8.CopyTo(_text.AsSpan(_length));
            _length += utf8.Length;
            return;
        }
        if (piece.Part is not { } part || MayPairAcrossItsEdges(part.Html))
        {
            Encode(piece.Chars, flush: false);
            return;
        }
        Encode([], flush: true);
        _parts.Add((_length, part.Utf8));
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
        while (true)
        {
            Reserve(Math.Min(Encoding.UTF8.GetMaxByteCount(chars.Length), EncodedAtOnce));
            _encoder.Convert(chars, _text.AsSpan(_length), flush, out var used, out var written, out _);
            _length += written;
            chars = chars[used..];
            if (chars.IsEmpty) return;
        }
    }

    private void Reserve(int count)
    {
        if (_text.Length - _length >= count) return;
        var grown = new byte[Math.Max(checked(_length + count), 2 * _text.Length)];
        _text.AsSpan(0, _length).CopyTo(grown);
        _text = grown;
    }
}
