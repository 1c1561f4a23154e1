using KropotkinSite.Incremental;
using KropotkinSite.Search;

namespace KropotkinSite.Tests.Search;

public sealed class PageTermsTests
{
    [Fact]
    public void Terms_come_once_in_the_order_first_met_with_pairs_within_a_block_and_stop_words_skipped()
    {
        var terms = PageTerms.Of("Mutual Aid", new PageText("Mutual Aid",
        [
            new TextBlock(true, "The prisons"),
            new TextBlock(false, "Aid in prison; mutual aid of Kropotkin's o'clock."),
        ]));
        Assert.Equal(["mutual", "aid", "prison", "kropotkin", "oclock"], terms.Terms);
        Assert.Equal(["mutual", "aid"], terms.TitleTerms);
        // mutual→aid (title), aid→prison and prison→mutual (stop words skipped), kropotkin→oclock; none across
        // blocks.
        Assert.Equal([Pair(0, 1), Pair(1, 2), Pair(2, 0), Pair(1, 3), Pair(3, 4)], terms.Pairs);
        Assert.Equal(6, terms.BodyLength);
        Assert.Equal(PageTerms.Weight(true, false, 2, 6), terms.Weights[1]);
        Assert.Equal(PageTerms.Weight(false, true, 1, 6), terms.Weights[2]);
    }

    [Fact]
    public void A_page_read_again_the_same_is_equal_to_the_last_and_one_read_otherwise_is_not()
    {
        static SearchPage Page(string title, string body) => new("/s/p/", "/s/p/", title, "s",
            new PageText(title, [new TextBlock(false, body)]));
        var page = Page("Mutual Aid", "Aid in prison; mutual aid.");

        // What a rebuild compares a page read again with: equal, so the index keeps last run's for it.
        Assert.True(StructuralEquality.Equal(page, Page("Mutual Aid", "Aid in prison; mutual aid.")));
        Assert.False(StructuralEquality.Equal(page, Page("Mutual Aid", "Aid in prison; aid mutual.")));
        Assert.False(StructuralEquality.Equal(page, Page("Mutual Aid", "Aid in prison; mutual aid, aid.")));
        Assert.False(StructuralEquality.Equal(page.Terms, Page("Mutual", "Aid in prison; mutual aid.").Terms));
    }

    [Fact]
    public void Pages_read_one_after_another_give_what_the_full_rules_give_for_each()
    {
        var random = new Random(17);
        var pages = Enumerable.Range(0, 300).Select(_ => RandomPage(random)).ToList();
        foreach (var (title, text) in pages.Concat(pages)) // the second time, every word is known to the thread
        {
            var expected = FullRules(title, text);
            var terms = PageTerms.Of(title, text);
            Assert.Equal(expected.Terms, terms.Terms);
            Assert.Equal(SearchTerms.Of(title).Distinct(StringComparer.Ordinal), terms.TitleTerms);
            Assert.Equal(expected.Pairs, terms.Pairs);
            Assert.Equal(expected.Weights, terms.Weights);
            Assert.Equal(expected.BodyLength, terms.BodyLength);
        }
    }

    private static long Pair(int first, int second) => ((long)first << 32) | (uint)second;

    /// <summary>What a page's terms are by <see cref="SearchTerms.Of"/> (the full rules, a list of terms per text),
    /// counted plainly: the oracle for the counting <see cref="PageTerms"/> does as it reads.</summary>
    private static (List<string> Terms, List<long> Pairs, List<int> Weights, int BodyLength) FullRules(string title,
        PageText text)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var (terms, pairs, body, inTitle, inHeading) = (new List<string>(), new List<long>(), new List<int>(),
            new List<bool>(), new List<bool>());
        var bodyLength = 0;
        var blocks = new[] { (Text: title, Place: 't') }
            .Concat(text.Blocks.Select(b => (b.Text, Place: b.IsHeading ? 'h' : 'b')));
        foreach (var (words, place) in blocks)
        {
            var previous = -1;
            foreach (var term in SearchTerms.Of(words))
            {
                if (!ids.TryGetValue(term, out var id))
                {
                    ids[term] = id = terms.Count;
                    terms.Add(term);
                    body.Add(0);
                    inTitle.Add(false);
                    inHeading.Add(false);
                }
                if (place == 'b') (body[id], bodyLength) = (body[id] + 1, bodyLength + 1);
                if (place == 't') inTitle[id] = true;
                if (place == 'h') inHeading[id] = true;
                if (previous >= 0 && !pairs.Contains(Pair(previous, id))) pairs.Add(Pair(previous, id));
                previous = id;
            }
        }
        var weights = terms.Select((_, i) => PageTerms.Weight(inTitle[i], inHeading[i], body[i], bodyLength)).ToList();
        return (terms, pairs, weights, bodyLength);
    }

    private static readonly string[] Words =
    [
        "the", "of", "Prison", "prisons", "PRISONERS", "aid", "Mutual", "Kropotkin's", "o'clock", "rock'n'roll's",
        "1902", "x2", "anarchist", "anarchism", "communism", "it's", "'quoted'", "s'", "Geography", "geographical",
        "revolutionary", "revolutionaries", "Zürich", "Révolté", "Kropotkin’s", "mutual-aid", "a", "I",
        "incomprehensibilities", "supercalifragilisticexpialidociousnessxyz", "abcdefgh", "abcdefghi",
        "Abcdefgh's", "abcdefghi's", "ice", "age", "Siberia", "—", "“", "...", "&", "don't", "isn't", "e.g.",
        "boss's", "Congress's", "zbcdefgh", "zbcdefghi", "incomprehensibilitiez", "abcdefghij", "zbcdefghij",
    ];

    /// <summary>A text of only these reads straight, without the full rules.</summary>
    private static readonly string[] AsciiWords =
        Words.Where(w => w.All(c => c < 128 || c is '—' or '“')).ToArray();

    private static (string Title, PageText Text) RandomPage(Random random)
    {
        string Sentence(int length)
        {
            var words = random.Next(5) == 0 ? Words : AsciiWords;
            return string.Join(' ', Enumerable.Range(0, length).Select(_ => words[random.Next(words.Length)]));
        }
        var blocks = Enumerable.Range(0, random.Next(0, 8))
            .Select(_ => new TextBlock(random.Next(4) == 0, Sentence(random.Next(0, 30)))).ToList();
        var title = Sentence(random.Next(0, 5));
        return (title, new PageText(title, blocks));
    }
}
