namespace KropotkinSite.Search;

/// <summary>
/// Orders texts by their UTF-8 as <see cref="string.CompareOrdinal(string, string)"/> orders them as .NET strings,
/// by UTF-16 code units: by their bytes, except that a character beyond U+FFFF (four bytes, the first F0 to F4)
/// comes before one from U+E000 to U+FFFF (three bytes, the first EE or EF), as its surrogates (D800 to DFFF) do.
/// Where two valid texts first differ, both are at the start of a character, or inside characters of the same
/// length, so that byte is all it takes.
/// </summary>
public static class Utf8Order
{
    public static int Compare(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var common = a.CommonPrefixLength(b);
        if (common == a.Length || common == b.Length) return a.Length - b.Length;
        var (x, y) = (a[common], b[common]);
        if (x >= 0xF0 && y is 0xEE or 0xEF) return -1;
        if (y >= 0xF0 && x is 0xEE or 0xEF) return 1;
        return x - y;
    }
}
