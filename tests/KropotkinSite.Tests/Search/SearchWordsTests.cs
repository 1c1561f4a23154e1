using KropotkinSite.Search;

namespace KropotkinSite.Tests.Search;

public sealed class SearchWordsTests
{
    [Theory]
    [InlineData("Le Révolté", new[] { "le", "revolte" })]
    [InlineData("ZÜRICH, Zürich", new[] { "zurich", "zurich" })]
    [InlineData("Avakumović and Ærø", new[] { "avakumovic", "and", "aero" })]
    [InlineData("ﬁelds of Łódź", new[] { "fields", "of", "lodz" })]
    [InlineData("Straße", new[] { "strasse" })]
    public void Case_accents_and_ligatures_fold_away(string text, string[] expected) =>
        Assert.Equal(expected, SearchWords.Split(text));

    [Theory]
    [InlineData("Kropotkin’s brother", new[] { "kropotkin", "brother" })]
    [InlineData("Kropotkin's o'clock", new[] { "kropotkin", "oclock" })]
    [InlineData("mutual-aid, 1902!", new[] { "mutual", "aid", "1902" })]
    [InlineData("“Anarchist Communism” — 'quoted'", new[] { "anarchist", "communism", "quoted" })]
    [InlineData("Кропоткин, Пётр", new[] { "кропоткин", "пётр" })]
    public void Words_are_runs_of_letters_and_digits_joined_by_inner_apostrophes(string text, string[] expected) =>
        Assert.Equal(expected, SearchWords.Split(text));

    [Fact]
    public void Combining_accents_are_dropped_like_precomposed_ones() =>
        Assert.Equal(SearchWords.Split("Révolté"), SearchWords.Split("Re\u0301volte\u0301"));

    [Fact]
    public void Terms_leave_out_stop_words_and_are_stemmed() =>
        Assert.Equal(["conquest", "bread", "prison"], SearchTerms.Of("The Conquest of Bread in prisons"));

    [Fact]
    public void Every_entry_of_the_fold_table_is_one_lower_case_letter_and_what_it_folds_to()
    {
        foreach (var entry in SearchWords.FoldTable.Split(' '))
        {
            Assert.True(entry.Length >= 2, entry);
            Assert.Equal(char.ToLowerInvariant(entry[0]), entry[0]);
            Assert.All(entry[1..], c => Assert.InRange(c, 'a', 'z'));
        }
    }
}
