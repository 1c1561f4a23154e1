using System.Buffers.Text;
using System.Text;

namespace KropotkinSite.Search;

/// <summary>JSON written straight as UTF-8 bytes, for the index's entries.</summary>
internal sealed class JsonBytes
{
    private byte[] _bytes = new byte[1 << 12];

    public int Length { get; private set; }

    public byte[] ToArray() => _bytes.AsSpan(0, Length).ToArray();

    public void Clear() => Length = 0;

    public JsonBytes Byte(char c)
    {
        Room(1);
        _bytes[Length++] = (byte)c;
        return this;
    }

    public JsonBytes Ascii(string text)
    {
        Room(text.Length);
        foreach (var c in text) _bytes[Length++] = (byte)c;
        return this;
    }

    /// <summary>A term: letters and digits only, so nothing to escape.</summary>
    public JsonBytes Text(string text)
    {
        Room(Encoding.UTF8.GetMaxByteCount(text.Length));
        Length += Encoding.UTF8.GetBytes(text, _bytes.AsSpan(Length));
        return this;
    }

    public JsonBytes Number(int value)
    {
        Room(11);
        if (value is >= 0 and < 10) _bytes[Length++] = (byte)('0' + value);
        else
        {
            Utf8Formatter.TryFormat(value, _bytes.AsSpan(Length), out var written);
            Length += written;
        }
        return this;
    }

    private void Room(int more)
    {
        if (Length + more > _bytes.Length) Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + more));
    }
}
