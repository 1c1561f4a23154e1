using System.Globalization;
using System.Text;

namespace KropotkinSite.Theme;

/// <summary>
/// What a layout writes: its text, gathered in a builder, and apart from it, as <see cref="Piece"/>s whose
/// characters are not copied into the text, the parts laid out beforehand (the strings it was told of, found by the
/// very string object written) and its content written as it is (<see cref="ContentValue"/>). Any other string, even
/// an equal one, is text: what is written is kept exactly, only how differs. What becomes of the text and the pieces
/// is the subclass's.
/// </summary>
internal abstract class LayoutWriter(StringBuilder text, IReadOnlyDictionary<string, Piece[]> known)
    : TextWriter(CultureInfo.InvariantCulture)
{
    public override Encoding Encoding => Encoding.Unicode;

    /// <summary>The text written since the last piece.</summary>
    protected StringBuilder Text => text;

    /// <summary>Takes the text written since the last piece (and clears it), before a piece or at the end.</summary>
    protected abstract void EndText();

    protected abstract void Add(Piece piece);

    /// <summary>Writes pieces made before, as they are (a layout's <see cref="ContentValue"/>).</summary>
    public void WritePieces(Piece[] pieces)
    {
        EndText();
        foreach (var piece in pieces) Add(piece);
    }

    public override void Write(char value) => text.Append(value);

    public override void Write(char[] buffer, int index, int count) => text.Append(buffer, index, count);

    public override void Write(ReadOnlySpan<char> buffer) => text.Append(buffer);

    public override void Write(string? value)
    {
        if (value is null) return;
        if (known.TryGetValue(value, out var pieces))
        {
            EndText();
            foreach (var piece in pieces) Add(piece);
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
}
