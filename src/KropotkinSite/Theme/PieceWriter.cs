using System.Globalization;
using System.Text;

namespace KropotkinSite.Theme;

/// <summary>
/// What a layout writes, kept as <see cref="Piece"/>s: the text it writes, and, for a string it was told of (a part
/// laid out beforehand, the content a nested layout gave), that string's pieces, found by the very string object
/// written, so that its characters are neither copied nor encoded again. Any other string, even an equal one, is
/// text: what is written is kept exactly, only how.
/// </summary>
internal sealed class PieceWriter(StringBuilder text, IReadOnlyDictionary<string, Piece[]> known)
    : TextWriter(CultureInfo.InvariantCulture)
{
    private readonly List<Piece> _pieces = [];

    public override Encoding Encoding => Encoding.Unicode;

    public override void Write(char value) => text.Append(value);

    public override void Write(char[] buffer, int index, int count) => text.Append(buffer, index, count);

    public override void Write(ReadOnlySpan<char> buffer) => text.Append(buffer);

    public override void Write(string? value)
    {
        if (value is null) return;
        if (known.TryGetValue(value, out var pieces))
        {
            EndText();
            _pieces.AddRange(pieces);
        }
        else text.Append(value);
    }

    // TextWriter's own asynchronous writes would queue the work on another thread.
    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(char[] buffer, int index, int count)
    {
        Write(buffer, index, count);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return Task.CompletedTask;
    }

    public override Task FlushAsync() => Task.CompletedTask;

    /// <summary>Everything written, in order.</summary>
    public Piece[] Pieces()
    {
        EndText();
        return [.. _pieces];
    }

    private void EndText()
    {
        if (text.Length == 0) return;
        _pieces.Add(new Piece(text.ToString(), null));
        text.Clear();
    }
}
