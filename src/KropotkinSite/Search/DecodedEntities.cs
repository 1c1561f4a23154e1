using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace KropotkinSite.Search;

/// <summary>
/// What each HTML entity of the pages' text decodes to (<see cref="WebUtility.HtmlDecode(string)"/>), remembered by
/// its text: pages say the same few (quotation marks, dashes, the footnotes' arrow back) many times each, so each is
/// decoded once per process, and one met again costs a look-up instead of two strings. Shared by the threads that
/// read pages; it stops taking new entities at <see cref="MaxEntities"/> (one beyond that is decoded each time).
/// </summary>
internal static class DecodedEntities
{
    public const int MaxEntities = 10_000;

    private static readonly ConcurrentDictionary<string, string> ByText = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        ByText.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The text an entity decodes to, given in UTF-8 from its <c>&amp;</c> to its <c>;</c>.</summary>
    public static string Of(ReadOnlySpan<byte> entity)
    {
        Span<char> buffer = stackalloc char[64];
        if (entity.Length > buffer.Length) return WebUtility.HtmlDecode(Encoding.UTF8.GetString(entity));
        var chars = buffer[..Encoding.UTF8.GetChars(entity, buffer)]; // no more characters than bytes
        if (BySpan.TryGetValue(chars, out var decoded)) return decoded;
        var text = chars.ToString();
        decoded = WebUtility.HtmlDecode(text);
        if (ByText.Count < MaxEntities) ByText.TryAdd(text, decoded);
        return decoded;
    }
}
