namespace KropotkinSite.Search;

/// <summary>Reads what <see cref="VarintBytes"/> writes: varints, and texts as their length and UTF-8.</summary>
internal ref struct VarintReader(ReadOnlySpan<byte> bytes, int at = 0)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;

    /// <summary>Where the next value begins.</summary>
    public int At { get; set; } = at;

    public int Number()
    {
        var value = 0u;
        for (var shift = 0; ; shift += 7)
        {
            var next = _bytes[At++];
            value |= (uint)(next & 0x7F) << shift;
            if (next < 0x80) return (int)value;
        }
    }

    /// <summary>A text's UTF-8.</summary>
    public ReadOnlySpan<byte> Text()
    {
        var length = Number();
        var text = _bytes.Slice(At, length);
        At += length;
        return text;
    }
}
