using KropotkinSite.Search;

namespace KropotkinSite.Tests.Search;

/// <summary>The examples of Porter's paper, step by step, and words of the site.</summary>
public sealed class PorterStemmerTests
{
    [Theory]
    // Step 1a, 1b, 1c
    [InlineData("caresses", "caress")] [InlineData("ponies", "poni")] [InlineData("ties", "ti")]
    [InlineData("caress", "caress")] [InlineData("cats", "cat")] [InlineData("feed", "feed")]
    [InlineData("agreed", "agre")] [InlineData("plastered", "plaster")] [InlineData("bled", "bled")]
    [InlineData("motoring", "motor")] [InlineData("sing", "sing")] [InlineData("conflated", "conflat")]
    [InlineData("troubled", "troubl")] [InlineData("sized", "size")] [InlineData("hopping", "hop")]
    [InlineData("tanned", "tan")] [InlineData("falling", "fall")] [InlineData("hissing", "hiss")]
    [InlineData("fizzed", "fizz")] [InlineData("failing", "fail")] [InlineData("filing", "file")]
    [InlineData("happy", "happi")] [InlineData("sky", "sky")]
    // Steps 2 to 5
    [InlineData("relational", "relat")] [InlineData("conditional", "condit")] [InlineData("rational", "ration")]
    [InlineData("valenci", "valenc")] [InlineData("hesitanci", "hesit")] [InlineData("digitizer", "digit")]
    [InlineData("conformabli", "conform")] [InlineData("radicalli", "radic")] [InlineData("differentli", "differ")]
    [InlineData("vileli", "vile")] [InlineData("analogousli", "analog")] [InlineData("vietnamization", "vietnam")]
    [InlineData("predication", "predic")] [InlineData("operator", "oper")] [InlineData("feudalism", "feudal")]
    [InlineData("decisiveness", "decis")] [InlineData("hopefulness", "hope")] [InlineData("callousness", "callous")]
    [InlineData("formaliti", "formal")] [InlineData("sensitiviti", "sensit")] [InlineData("sensibiliti", "sensibl")]
    [InlineData("triplicate", "triplic")] [InlineData("formative", "form")] [InlineData("formalize", "formal")]
    [InlineData("electriciti", "electr")] [InlineData("electrical", "electr")] [InlineData("hopeful", "hope")]
    [InlineData("goodness", "good")] [InlineData("revival", "reviv")] [InlineData("allowance", "allow")]
    [InlineData("inference", "infer")] [InlineData("airliner", "airlin")] [InlineData("gyroscopic", "gyroscop")]
    [InlineData("adjustable", "adjust")] [InlineData("defensible", "defens")] [InlineData("irritant", "irrit")]
    [InlineData("replacement", "replac")] [InlineData("adjustment", "adjust")] [InlineData("dependent", "depend")]
    [InlineData("adoption", "adopt")] [InlineData("homologou", "homolog")] [InlineData("communism", "commun")]
    [InlineData("activate", "activ")] [InlineData("angulariti", "angular")] [InlineData("homologous", "homolog")]
    [InlineData("effective", "effect")] [InlineData("bowdlerize", "bowdler")] [InlineData("probate", "probat")]
    [InlineData("rate", "rate")] [InlineData("cease", "ceas")] [InlineData("controll", "control")]
    [InlineData("roll", "roll")] [InlineData("generalizations", "gener")] [InlineData("oscillators", "oscil")]
    public void Gives_the_stems_of_porters_paper(string word, string stem) =>
        Assert.Equal(stem, PorterStemmer.Stem(word));

    [Theory]
    [InlineData("prisons", "prison")] [InlineData("prisoners", "prison")] [InlineData("revolutionary", "revolutionari")]
    [InlineData("revolutions", "revolut")] [InlineData("anarchism", "anarch")] [InlineData("anarchist", "anarchist")]
    public void Word_forms_a_reader_types_meet_at_one_stem(string word, string stem) =>
        Assert.Equal(stem, PorterStemmer.Stem(word));

    [Theory]
    [InlineData("as")] [InlineData("1902")] [InlineData("кропоткин")]
    [InlineData("zürich")]
    public void Short_words_and_words_beyond_a_to_z_stay_as_they_are(string word) =>
        Assert.Equal(word, PorterStemmer.Stem(word));
}
