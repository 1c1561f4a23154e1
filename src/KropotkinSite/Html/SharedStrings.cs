using System.Text;

namespace KropotkinSite.Html;

/// <summary>
/// One string for each text seen lately on this thread. A site's pages repeat most of their links and ids (the
/// layout's menu, the same pages and headings linked from many pages), so reading them through this keeps each once
/// instead of once a page: fewer strings made, and fewer held while the build runs.
/// </summary>
internal static class SharedStrings
{
    /// <summary>How many strings a thread keeps before it starts afresh, so a long preview session holds no more.
    /// </summary>
    private const int MaxCount = 16_384;

    /// <summary>Longer texts are made into strings each time: they seldom repeat.</summary>
    private const int MaxLength = 256;

    [ThreadStatic] private static HashSet<string>? _strings;

    public static string Of(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxLength) return text.ToString();
        var strings = _strings ??= new HashSet<string>(StringComparer.Ordinal);
        if (strings.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var known)) return known;
        if (strings.Count >= MaxCount) strings.Clear();
        var made = text.ToString();
        strings.Add(made);
        return made;
    }

    /// <summary>The string of two texts one after the other.</summary>
    public static string Of(ReadOnlySpan<char> first, ReadOnlySpan<char> second)
    {
        if (first.Length + second.Length > MaxLength) return string.Concat(first, second);
        Span<char> text = stackalloc char[MaxLength];
        first.CopyTo(text);
        second.CopyTo(text[first.Length..]);
        return Of(text[..(first.Length + second.Length)]);
    }

    /// <summary>The string UTF-8 bytes decode to, as <see cref="Encoding.GetString(ReadOnlySpan{byte})"/> gives
    /// it.</summary>
    public static string OfUtf8(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength) return Encoding.UTF8.GetString(utf8);
        Span<char> text = stackalloc char[MaxLength]; // UTF-8 never takes fewer bytes than UTF-16 takes chars
        return Of(text[..Encoding.UTF8.GetChars(utf8, text)]);
    }
}
