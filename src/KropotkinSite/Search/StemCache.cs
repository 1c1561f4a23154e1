using System.Collections.Concurrent;

namespace KropotkinSite.Search;

/// <summary>
/// The term of each ASCII spelling (lower-cased, as <see cref="PageTerms"/> reads it): its Porter stem, or null
/// for a stop word. A term is a pure function of its spelling and a site says the same few thousand words on
/// every page, so each is stemmed once per process rather than once per page. Shared by the threads that read
/// pages; it stops taking new spellings at <see cref="MaxSpellings"/>, so a long preview session does not grow it
/// without limit (a spelling beyond that is stemmed each time, with the same result).
/// </summary>
internal static class StemCache
{
    public const int MaxSpellings = 200_000;

    private static readonly ConcurrentDictionary<string, string?> Terms = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, string?>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        Terms.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The term of a spelling, or null when it is a stop word.</summary>
    public static string? TermOf(ReadOnlySpan<char> spelling)
    {
        if (BySpan.TryGetValue(spelling, out var term)) return term;
        var word = spelling.ToString();
        term = SearchWords.StopWords.Contains(word) ? null : PorterStemmer.Stem(word);
        if (Terms.Count < MaxSpellings) Terms.TryAdd(word, term);
        return term;
    }
}
