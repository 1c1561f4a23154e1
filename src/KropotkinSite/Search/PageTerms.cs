using System.Globalization;

namespace KropotkinSite.Search;

/// <summary>
/// The terms of one page as the index counts them: each term once, in the order the page first has it, with its
/// weight on this page; and which terms follow which (two-word phrases, within a title, heading or block).
/// A weight depends on this page alone, so that an edit of one page changes only what the index holds of it:
/// a title beats headings, headings beat the body, whose share follows BM25 (more mentions count for less and
/// less, and less on a page longer than <see cref="ReferenceLength"/> terms). The script multiplies it by the
/// term's rarity on the site (its inverse document frequency), which the index gives by its number of pages.
/// </summary>
public sealed class PageTerms
{
    private const double TitleBoost = 5, HeadingBoost = 2.5, K1 = 1.2, B = 0.75;

    /// <summary>The body length BM25 compares a page's with: a fixed one rather than the site's average, which
    /// every edit would change, and with it every weight of every page.</summary>
    public const double ReferenceLength = 400;

    private PageTerms(string[] terms, int[] weights, long[] pairs, int bodyLength) =>
        (Terms, Weights, Pairs, BodyLength) = (terms, weights, pairs, bodyLength);

    public IReadOnlyList<string> Terms { get; }

    /// <summary>Each term's weight on the page, a whole number (ten times the score), at least 1.</summary>
    public IReadOnlyList<int> Weights { get; }

    /// <summary>Which term follows which: indexes into <see cref="Terms"/>, the first in the high 32 bits; each
    /// pair once, in the order the page first has it.</summary>
    public IReadOnlyList<long> Pairs { get; }

    /// <summary>The number of terms in the body (not the title or headings).</summary>
    public int BodyLength { get; }

    public static PageTerms Of(string title, PageText text)
    {
        var counter = new Counter();
        counter.Add(title, Counter.Title);
        foreach (var block in text.Blocks) counter.Add(block.Text, block.IsHeading ? Counter.Heading : Counter.Body);
        return counter.Result();
    }

    /// <summary>A term's weight on a page, as a whole number.</summary>
    public static int Weight(bool title, bool heading, int body, int bodyLength)
    {
        var share = body == 0 ? 0 : body * (K1 + 1) / (body + K1 * (1 - B + B * bodyLength / ReferenceLength));
        var score = (title ? TitleBoost : 0) + (heading ? HeadingBoost : 0) + share;
        return Math.Max(1, (int)Math.Round(score * 10));
    }

    /// <summary>Counts a page's terms as its text comes, looking each spelling up once: a text whose words are
    /// ASCII is read straight, others by <see cref="SearchTerms"/>, which gives the same words.</summary>
    private sealed class Counter
    {
        public const byte Body = 0, Title = 1, Heading = 2;

        private const int StopWord = -1;

        /// <summary>What each spelling (a word as split and lower-cased) is: a term's index, or a stop word.
        /// </summary>
        private readonly SpellingTable _spellings = new();

        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly List<string> _terms = [];
        private readonly List<int> _body = [];
        private readonly List<byte> _places = [];
        private readonly PairSet _pairs = new();
        private int _bodyLength;

        public void Add(string text, byte place)
        {
            var previous = -1;
            if (!NeedsFullRules(text)) ReadAscii(text, place, ref previous);
            else
                foreach (var term in SearchTerms.Of(text))
                    Count(IdOf(term), place, ref previous);
        }

        public PageTerms Result()
        {
            var weights = new int[_terms.Count];
            for (var i = 0; i < weights.Length; i++)
                weights[i] = Weight((_places[i] & Title) != 0, (_places[i] & Heading) != 0, _body[i], _bodyLength);
            _spellings.Release();
            return new PageTerms([.. _terms], weights, _pairs.ToArray(), _bodyLength);
        }

        private void Count(int id, byte place, ref int previous)
        {
            if (place == Body)
            {
                _body[id]++;
                _bodyLength++;
            }
            else _places[id] |= place;
            if (previous >= 0) _pairs.Add(((long)previous << 32) | (uint)id);
            previous = id;
        }

        private int IdOf(string term)
        {
            if (_ids.TryGetValue(term, out var id)) return id;
            _ids[term] = id = _terms.Count;
            _terms.Add(term);
            _body.Add(0);
            _places.Add(0);
            return id;
        }

        /// <summary>Whether a text has a character beyond ASCII that may be part of a word (a letter, a digit, a
        /// mark, a right single quotation mark used as an apostrophe): then the full rules read it. Any other (a
        /// dash, a quotation mark, a symbol) only parts words, in the full rules too.</summary>
        private static bool NeedsFullRules(string text)
        {
            var span = text.AsSpan();
            for (var i = span.IndexOfAnyExceptInRange('\0', '\x7f'); i >= 0 && i < span.Length; i++)
            {
                var c = span[i];
                if (c < 128) continue;
                if (char.IsLetterOrDigit(c) || char.IsSurrogate(c) || c == '\u2019') return true;
                if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark
                    or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark) return true;
            }
            return false;
        }

        /// <summary><see cref="SearchWords.Split"/> and <see cref="SearchTerms.Of"/> for text whose words are
        /// ASCII, without a string for each word: runs of letters and digits, lower-cased; an apostrophe before a
        /// letter or digit joins them, and is dropped, as is a final <c>'s</c>; any other character parts
        /// words.</summary>
        private void ReadAscii(string text, byte place, ref int previous)
        {
            Span<char> word = stackalloc char[SearchTerms.MaxWordLength + 2];
            var length = 0;
            var hash = SpellingTable.Start;
            var apostropheAt = -1; // where in the word the last apostrophe stood
            for (var i = 0; i <= text.Length; i++)
            {
                var c = i < text.Length ? text[i] : ' ';
                if (char.IsAsciiLetterOrDigit(c))
                {
                    if (c <= 'Z') c = (char)(c | 0x20); // upper case to lower (digits have the bit already)
                    if (length < word.Length) word[length] = c;
                    hash = SpellingTable.Next(hash, c);
                    length++;
                    continue;
                }
                if (c == '\'' && length > 0 && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1]))
                {
                    apostropheAt = length;
                    continue;
                }
                if (length == 0) continue;
                if (apostropheAt == length - 1 && length <= word.Length && word[length - 1] == 's')
                {
                    length--;
                    hash = SpellingTable.Start;
                    foreach (var letter in word[..length]) hash = SpellingTable.Next(hash, letter);
                }
                if (length <= SearchTerms.MaxWordLength)
                {
                    var spelling = word[..length];
                    if (!_spellings.TryGetValue(spelling, hash, out var id))
                    {
                        id = StemCache.TermOf(spelling) is { } term ? IdOf(term) : StopWord;
                        _spellings.Add(spelling, hash, id);
                    }
                    if (id != StopWord) Count(id, place, ref previous);
                }
                (length, apostropheAt, hash) = (0, -1, SpellingTable.Start);
            }
        }
    }
}
