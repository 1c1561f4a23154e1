namespace KropotkinSite.Content;

/// <summary>
/// English names of languages by the primary subtag of a BCP 47 tag (<c>fr</c>, <c>ru</c>, <c>de-CH</c> → French,
/// Russian, German), so a page names a language in words. The build runs with invariant globalization, which
/// has no culture names, hence this table: the ISO 639-1 languages a book is likely to be written in.
/// </summary>
public static class LanguageNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["af"] = "Afrikaans",
        ["ar"] = "Arabic",
        ["be"] = "Belarusian",
        ["bg"] = "Bulgarian",
        ["bn"] = "Bengali",
        ["ca"] = "Catalan",
        ["cs"] = "Czech",
        ["cy"] = "Welsh",
        ["da"] = "Danish",
        ["de"] = "German",
        ["el"] = "Greek",
        ["en"] = "English",
        ["eo"] = "Esperanto",
        ["es"] = "Spanish",
        ["et"] = "Estonian",
        ["eu"] = "Basque",
        ["fa"] = "Persian",
        ["fi"] = "Finnish",
        ["fr"] = "French",
        ["ga"] = "Irish",
        ["gl"] = "Galician",
        ["he"] = "Hebrew",
        ["hi"] = "Hindi",
        ["hr"] = "Croatian",
        ["hu"] = "Hungarian",
        ["hy"] = "Armenian",
        ["id"] = "Indonesian",
        ["is"] = "Icelandic",
        ["it"] = "Italian",
        ["ja"] = "Japanese",
        ["ka"] = "Georgian",
        ["kk"] = "Kazakh",
        ["ko"] = "Korean",
        ["la"] = "Latin",
        ["lt"] = "Lithuanian",
        ["lv"] = "Latvian",
        ["mk"] = "Macedonian",
        ["nl"] = "Dutch",
        ["no"] = "Norwegian",
        ["nb"] = "Norwegian Bokmål",
        ["nn"] = "Norwegian Nynorsk",
        ["pl"] = "Polish",
        ["pt"] = "Portuguese",
        ["ro"] = "Romanian",
        ["ru"] = "Russian",
        ["sk"] = "Slovak",
        ["sl"] = "Slovenian",
        ["sq"] = "Albanian",
        ["sr"] = "Serbian",
        ["sv"] = "Swedish",
        ["sw"] = "Swahili",
        ["ta"] = "Tamil",
        ["th"] = "Thai",
        ["tr"] = "Turkish",
        ["uk"] = "Ukrainian",
        ["ur"] = "Urdu",
        ["vi"] = "Vietnamese",
        ["yi"] = "Yiddish",
        ["zh"] = "Chinese",
    };

    /// <summary>The English name of the tag's language, or null when the table does not know it.</summary>
    public static string? EnglishName(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag)) return null;
        var primary = tag.Trim().Split('-', '_')[0];
        return Names.GetValueOrDefault(primary);
    }
}
