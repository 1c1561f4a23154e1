using System.Globalization;
using System.Text;

namespace KropotkinSite.Search;

/// <summary>
/// Splits text into the words search compares: lower case, accents and ligatures folded away (<c>Révolté</c> →
/// <c>revolte</c>, <c>Zürich</c> → <c>zurich</c>), runs of letters and digits; an apostrophe inside a word joins
/// it (<c>o'clock</c> → <c>oclock</c>) and a final <c>'s</c> is dropped. theme/assets/search.js does exactly
/// the same in the browser (the same table, the same steps; a test compares the two on the site's words).
/// The build runs with invariant globalization, where <see cref="string.Normalize()"/> folds nothing, so the
/// accented Latin letters are listed here: each entry is a letter followed by what it folds to.
/// </summary>
public static class SearchWords
{
    public const string FoldTable =
        "ßss àa áa âa ãa äa åa æae çc èe ée êe ëe ìi íi îi " +
        "ïi ðd ñn òo óo ôo õo öo øo ùu úu ûu üu ýy þth ÿy " +
        "āa ăa ąa ćc ĉc ċc čc ďd đd ēe ĕe ėe ęe ěe ĝg ğg ġg " +
        "ģg ĥh ħh ĩi īi ĭi įi ıi ĳij ĵj ķk ĸk ĺl ļl ľl ŀl " +
        "łl ńn ņn ňn ŋn ōo ŏo őo œoe ŕr ŗr řr śs ŝs şs šs ţt " +
        "ťt ŧt ũu ūu ŭu ůu űu ųu ŵw ŷy źz żz žz ſs ơo ưu " +
        "ǆdz ǉlj ǌnj ǎa ǐi ǒo ǔu ǖu ǘu ǚu ǜu ǟa ǡa ǧg ǩk ǫo " +
        "ǭo ǰj ǳdz ǵg ǹn ǻa ȁa ȃa ȅe ȇe ȉi ȋi ȍo ȏo ȑr ȓr " +
        "ȕu ȗu șs țt ȟh ȧa ȩe ȫo ȭo ȯo ȱo ȳy ḁa ḃb ḅb ḇb ḉc " +
        "ḋd ḍd ḏd ḑd ḓd ḕe ḗe ḙe ḛe ḝe ḟf ḡg ḣh ḥh ḧh ḩh " +
        "ḫh ḭi ḯi ḱk ḳk ḵk ḷl ḹl ḻl ḽl ḿm ṁm ṃm ṅn ṇn ṉn ṋn " +
        "ṍo ṏo ṑo ṓo ṕp ṗp ṙr ṛr ṝr ṟr ṡs ṣs ṥs ṧs ṩs ṫt " +
        "ṭt ṯt ṱt ṳu ṵu ṷu ṹu ṻu ṽv ṿv ẁw ẃw ẅw ẇw ẉw ẋx ẍx " +
        "ẏy ẑz ẓz ẕz ẖh ẗt ẘw ẙy ẛs ạa ảa ấa ầa ẩa ẫa ậa " +
        "ắa ằa ẳa ẵa ặa ẹe ẻe ẽe ếe ềe ểe ễe ệe ỉi ịi ọo ỏo " +
        "ốo ồo ổo ỗo ộo ớo ờo ởo ỡo ợo ụu ủu ứu ừu ửu ữu " +
        "ựu ỳy ỵy ỷy ỹy ﬀff ﬁfi ﬂfl ﬃffi ﬄffl ﬅst ﬆst";

    private static readonly Dictionary<char, string> Folds =
        FoldTable.Split(' ').ToDictionary(entry => entry[0], entry => entry[1..]);

    /// <summary>Words too common to tell pages apart; left out of the index and of queries.</summary>
    public static readonly IReadOnlySet<string> StopWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has", "have", "he",
        "her", "him", "his", "i", "in", "into", "is", "it", "its", "of", "on", "or", "she", "that", "the", "their",
        "them", "they", "this", "those", "to", "was", "were", "which", "who", "will", "with",
    };

    /// <summary>Lower case, with accents and ligatures folded (<c>Ærø</c> → <c>aero</c>).</summary>
    public static string Normalise(string text)
    {
        var lower = text.ToLowerInvariant();
        var folded = new StringBuilder(lower.Length);
        foreach (var c in lower)
        {
            if (c < 128) folded.Append(c); // most text: nothing to fold
            else if (Folds.TryGetValue(c, out var replacement)) folded.Append(replacement);
            else if (!IsMark(c)) folded.Append(c);
        }
        return folded.ToString();
    }

    /// <summary>The normalised words of a text, in order.</summary>
    public static List<string> Split(string text)
    {
        var normalised = Normalise(text);
        var words = new List<string>();
        var word = new StringBuilder();
        var i = 0;
        while (i < normalised.Length)
        {
            if (!IsWordAt(normalised, i, out var length)) { i++; continue; }
            word.Clear();
            while (true)
            {
                while (i < normalised.Length && IsWordAt(normalised, i, out length))
                {
                    word.Append(normalised, i, length);
                    i += length;
                }
                // An apostrophe followed by a letter or digit continues the word.
                if (i + 1 < normalised.Length && normalised[i] is '\'' or '\u2019'
                    && IsWordAt(normalised, i + 1, out _))
                {
                    word.Append('\'');
                    i++;
                    continue;
                }
                break;
            }
            var found = word.ToString();
            if (found.EndsWith("'s", StringComparison.Ordinal)) found = found[..^2];
            words.Add(found.Replace("'", "", StringComparison.Ordinal));
        }
        return words;
    }

    /// <summary>Whether a letter or decimal digit starts at a position (a surrogate pair counts as one).</summary>
    private static bool IsWordAt(string text, int index, out int length)
    {
        length = 0;
        if (Rune.TryGetRuneAt(text, index, out var rune) && (Rune.IsLetter(rune) || Rune.IsDigit(rune)))
        {
            length = rune.Utf16SequenceLength;
            return true;
        }
        return false;
    }

    private static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}
