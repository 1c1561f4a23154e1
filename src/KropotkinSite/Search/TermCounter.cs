using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace KropotkinSite.Search;

/// <summary>
/// Counts the terms of one page at a time, for <see cref="PageTerms"/>: each term once, in the order the page
/// first has it, where it stands (title, heading, body: how often), and which term follows which. One counter
/// serves a thread's pages one after another (<see cref="ForThisThread"/>) and keeps what it learnt of the words:
/// each spelling's term, by a number of the thread's own, so that a page mostly finds its words already known and
/// its lists are arrays kept from the page before. A text whose words are ASCII is read straight; others by
/// <see cref="SearchTerms"/>, which gives the same words.
/// </summary>
internal sealed class TermCounter
{
    public const byte Body = 0, Title = 1, Heading = 2;

    /// <summary>How many spellings or terms a thread keeps before it forgets them all (before a page, not while it
    /// reads one), so that a long preview session does not grow without limit.</summary>
    public const int MaxSpellings = 200_000;

    private const int StopWord = -1;

    [ThreadStatic] private static TermCounter? t_counter;

    // What the thread has learnt: each spelling's term number (or StopWord), and each term by number.
    private readonly SpellingTable _spellings = new();
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly List<string> _terms = [];

    // The page being read: for each term number, its index on this page (valid when its page is this one).
    private int[] _indexOf = new int[1024];
    private int[] _pageOf = new int[1024];
    private int _page;

    // The page's terms by index: their numbers, body counts and places; and the pairs.
    private int[] _onPage = new int[256];
    private int[] _body = new int[256];
    private byte[] _places = new byte[256];
    private int _count, _bodyLength;
    private readonly PairSet _pairs = new();

    private readonly char[] _word = new char[SearchTerms.MaxWordLength + 2];

    public static TermCounter ForThisThread() => t_counter ??= new TermCounter();

    /// <summary>Starts a page.</summary>
    public void Start()
    {
        if (_spellings.Count > MaxSpellings || _terms.Count > MaxSpellings) Forget();
        if (++_page == int.MaxValue) Forget();
        (_count, _bodyLength) = (0, 0);
        _pairs.Clear();
    }

    /// <summary>Counts a text: a title, a heading or a block of the body. A pair never spans two texts.</summary>
    public void Add(string text, byte place)
    {
        var previous = -1;
        if (!NeedsFullRules(text)) ReadAscii(text, place, ref previous);
        else
            foreach (var term in SearchTerms.Of(text))
                Count(IndexOf(NumberOf(term)), place, ref previous);
    }

    /// <summary>How many terms the page has had so far.</summary>
    public int TermCount => _count;

    /// <summary>The page's terms, in the order first seen (the first <paramref name="titleTerms"/> its title's),
    /// with their weights and pairs.</summary>
    public PageTerms Result(int titleTerms)
    {
        var terms = new string[_count];
        var weights = new int[_count];
        for (var i = 0; i < terms.Length; i++)
        {
            terms[i] = _terms[_onPage[i]];
            weights[i] = PageTerms.Weight((_places[i] & Title) != 0, (_places[i] & Heading) != 0, _body[i],
                _bodyLength);
        }
        return new PageTerms(terms, titleTerms, weights, _pairs.ToArray(), _bodyLength);
    }

    private void Forget()
    {
        _spellings.Clear();
        _numbers.Clear();
        _terms.Clear();
        Array.Clear(_pageOf);
        _page = 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Count(int index, byte place, ref int previous)
    {
        if (place == Body)
        {
            _body[index]++;
            _bodyLength++;
        }
        else _places[index] |= place;
        if (previous >= 0) _pairs.Add(((long)previous << 32) | (uint)index);
        previous = index;
    }

    /// <summary>The index on this page of a term, by its number: a new index the first time the page has it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int IndexOf(int number)
    {
        if (_pageOf[number] == _page) return _indexOf[number];
        if (_count == _onPage.Length)
        {
            Array.Resize(ref _onPage, _count * 2);
            Array.Resize(ref _body, _count * 2);
            Array.Resize(ref _places, _count * 2);
        }
        (_onPage[_count], _body[_count], _places[_count]) = (number, 0, 0);
        (_pageOf[number], _indexOf[number]) = (_page, _count);
        return _count++;
    }

    /// <summary>The thread's number of a term, a new one the first time.</summary>
    private int NumberOf(string term)
    {
        if (_numbers.TryGetValue(term, out var number)) return number;
        _numbers[term] = number = _terms.Count;
        _terms.Add(term);
        if (number == _pageOf.Length)
        {
            Array.Resize(ref _pageOf, number * 2);
            Array.Resize(ref _indexOf, number * 2);
        }
        return number;
    }

    /// <summary>The term number of a spelling met for the first time on this thread, or a stop word.</summary>
    private int Learn(ReadOnlySpan<char> spelling, ulong key)
    {
        var number = StemCache.TermOf(spelling) is { } term ? NumberOf(term) : StopWord;
        _spellings.Add(spelling, key, number);
        return number;
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
    /// words. A word of up to <see cref="SpellingTable.PackedLength"/> characters is looked up by the key
    /// <see cref="AsciiRun"/> gives as it reads it; its characters are copied only the first time the thread meets
    /// it.</summary>
    private void ReadAscii(string text, byte place, ref int previous)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!char.IsAsciiLetterOrDigit(c))
            {
                i++;
                continue;
            }
            var start = i;
            i += AsciiRun.Read(text.AsSpan(i), out var key);
            int number;
            if (i + 1 < text.Length && text[i] == '\'' && char.IsAsciiLetterOrDigit(text[i + 1]))
            {
                var spelling = JoinedWord(text, start, out i);
                if (spelling.Length > SearchTerms.MaxWordLength) continue;
                number = NumberOf(spelling, SpellingTable.KeyOf(spelling));
            }
            else if (i - start <= SpellingTable.PackedLength)
            {
                if (!_spellings.TryGetValue(key, i - start, out number))
                    number = Learn(Lowered(text.AsSpan(start..i)), key);
            }
            else if (i - start <= SearchTerms.MaxWordLength)
            {
                var spelling = Lowered(text.AsSpan(start..i));
                number = NumberOf(spelling, SpellingTable.KeyOf(spelling));
            }
            else continue;
            if (number != StopWord) Count(IndexOf(number), place, ref previous);
        }
    }

    /// <summary>The number of a spelling longer than <see cref="SpellingTable.PackedLength"/>.</summary>
    private int NumberOf(ReadOnlySpan<char> spelling, ulong key) =>
        _spellings.TryGetValue(spelling, key, out var number) ? number : Learn(spelling, key);

    private ReadOnlySpan<char> Lowered(ReadOnlySpan<char> word)
    {
        var lowered = _word.AsSpan(0, word.Length);
        Ascii.ToLower(word, lowered, out _);
        return lowered;
    }

    /// <summary>A word with an apostrophe in it, from <paramref name="start"/>: its letters and digits lower-cased,
    /// without a final <c>'s</c> (only its first characters, past <see cref="SearchTerms.MaxWordLength"/>);
    /// <paramref name="end"/> is where it ends.</summary>
    private ReadOnlySpan<char> JoinedWord(string text, int start, out int end)
    {
        var word = _word.AsSpan();
        var length = 0;
        var apostropheAt = -1; // where in the word the last apostrophe stood
        for (end = start; end < text.Length; end++)
        {
            var c = text[end];
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (length < word.Length) word[length] = (char)(c | 0x20);
                length++;
            }
            else if (c == '\'' && end + 1 < text.Length && char.IsAsciiLetterOrDigit(text[end + 1]))
                apostropheAt = length;
            else break;
        }
        if (apostropheAt == length - 1 && length <= word.Length && word[length - 1] == 's') length--;
        return word[..Math.Min(length, word.Length)];
    }
}
