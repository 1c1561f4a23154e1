using System.Text;

namespace KropotkinSite.Search;

/// <summary>The index's entries as bytes: whole numbers as unsigned LEB128 varints (seven bits a byte, low bits
/// first, the high bit set on every byte but the last), text as its UTF-8 length and bytes.</summary>
internal sealed class VarintBytes(int capacity = 1 << 12)
{
    private byte[] _bytes = new byte[capacity];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, Length);

    public byte[] ToArray() => _bytes.AsSpan(0, Length).ToArray();

    public void Clear() => Length = 0;

    public VarintBytes Number(int value)
    {
        Room(5);
        var rest = (uint)value;
        while (rest >= 0x80)
        {
            _bytes[Length++] = (byte)(rest | 0x80);
            rest >>= 7;
        }
        _bytes[Length++] = (byte)rest;
        return this;
    }

    /// <summary>A text in UTF-8 and then these bytes after their length, as one array (an entry of the index: its
    /// term and its body).</summary>
    public byte[] AfterText(ReadOnlySpan<byte> utf8)
    {
        var array = new byte[SizeOf(utf8.Length) + utf8.Length + SizeOf(Length) + Length];
        var at = Write(array, 0, utf8.Length);
        utf8.CopyTo(array.AsSpan(at));
        at = Write(array, at + utf8.Length, Length);
        Written.CopyTo(array.AsSpan(at));
        return array;
    }

    /// <summary>How many bytes a number takes.</summary>
    public static int SizeOf(int value)
    {
        var size = 1;
        for (var rest = (uint)value; rest >= 0x80; rest >>= 7) size++;
        return size;
    }

    private static int Write(byte[] array, int at, int value)
    {
        var rest = (uint)value;
        for (; rest >= 0x80; rest >>= 7) array[at++] = (byte)(rest | 0x80);
        array[at++] = (byte)rest;
        return at;
    }

    public VarintBytes Text(string text)
    {
        Room(Encoding.UTF8.GetMaxByteCount(text.Length) + 5);
        Number(Encoding.UTF8.GetByteCount(text));
        Length += Encoding.UTF8.GetBytes(text, _bytes.AsSpan(Length));
        return this;
    }

    /// <summary>Text already in UTF-8.</summary>
    public VarintBytes Text(ReadOnlySpan<byte> utf8) => Number(utf8.Length).Append(utf8);

    /// <summary>Bytes written before (by another writer), as they are.</summary>
    public VarintBytes Raw(ReadOnlySpan<byte> bytes) => Append(bytes);

    /// <summary>Another writer's bytes, after their length.</summary>
    public VarintBytes Counted(VarintBytes other)
    {
        Number(other.Length);
        return Append(other._bytes.AsSpan(0, other.Length));
    }

    private VarintBytes Append(ReadOnlySpan<byte> bytes)
    {
        Room(bytes.Length);
        bytes.CopyTo(_bytes.AsSpan(Length));
        Length += bytes.Length;
        return this;
    }

    private void Room(int more)
    {
        if (Length + more > _bytes.Length) Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + more));
    }
}
