namespace KropotkinSite.Search;

/// <summary>The terms a text is indexed and searched by: its words without stop words, each stemmed.</summary>
public static class SearchTerms
{
    /// <summary>Longer "words" are not words a reader types (hashes, run-together strings).</summary>
    public const int MaxWordLength = 40;

    public static List<string> Of(string text)
    {
        var terms = new List<string>();
        foreach (var word in SearchWords.Split(text))
            if (word.Length <= MaxWordLength && !SearchWords.StopWords.Contains(word)) terms.Add(PorterStemmer.Stem(word));
        return terms;
    }
}
