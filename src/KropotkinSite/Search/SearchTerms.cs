namespace KropotkinSite.Search;

/// <summary>The terms a text is indexed and searched by: its words without stop words, each stemmed.</summary>
public static class SearchTerms
{
    /// <summary>Longer "words" are not words a reader types (hashes, run-together strings).</summary>
    public const int MaxWordLength = 40;

    /// <param name="stems">Stems already worked out, by word (a page says most words many times); filled as it
    /// goes.</param>
    public static List<string> Of(string text, Dictionary<string, string>? stems = null)
    {
        var terms = new List<string>();
        foreach (var word in SearchWords.Split(text))
        {
            if (word.Length > MaxWordLength || SearchWords.StopWords.Contains(word)) continue;
            if (stems is null) terms.Add(PorterStemmer.Stem(word));
            else if (stems.TryGetValue(word, out var stem)) terms.Add(stem);
            else terms.Add(stems[word] = PorterStemmer.Stem(word));
        }
        return terms;
    }
}
