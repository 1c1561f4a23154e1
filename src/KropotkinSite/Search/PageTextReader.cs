using System.Buffers;
using System.Text;
using KropotkinSite.Theme;

namespace KropotkinSite.Search;

/// <summary>
/// Reads the text a reader searches from a written page: what is inside its <c>main</c> element (the whole page
/// when it has none), without navigation, forms, scripts, styles, SVG, or anything marked
/// <c>data-search-ignore</c> (such as the list of pages that mention it). The first <c>h1</c> is the title; the
/// other headings and the body come in reading order, split into blocks where a block element starts or ends.
/// The pages are the generator's own output, valid HTML, so one forward scan of its UTF-8 bytes does: no tree is
/// built, and the text between the tags goes to a <see cref="PageTextBuilder"/>, which collapses its white space
/// and decodes its entities as it copies it.
/// </summary>
public static class PageTextReader
{
    private enum Kind : byte
    {
        Block, // ends a block of text and starts another
        Skipped, // its text is not the page's own
        Inline, // inside a word or a sentence: splits neither
        Spacing, // splits words but not blocks
        Void, // a block element with no end tag
    }

    /// <summary>The elements search knows, by <see cref="NameKey"/>; any other is a block.</summary>
    private static readonly Dictionary<ulong, Kind> Kinds = Build();

    /// <summary>Elements that are void: an element skipped or ignored is over at its start tag.</summary>
    private static readonly HashSet<ulong> VoidElements =
        [.. "area base br col embed hr img input link meta source track wbr".Split(' ').Select(NameKey)];

    private static readonly SearchValues<byte> QuoteOrEnd = SearchValues.Create("\"'>"u8);

    private static Dictionary<ulong, Kind> Build()
    {
        var kinds = new Dictionary<ulong, Kind>();
        foreach (var name in "nav header footer form script style template noscript svg math button select textarea"
                     .Split(' ')) kinds[NameKey(name)] = Kind.Skipped;
        foreach (var name in "a abbr b bdi bdo cite code data dfn em i kbd mark q s samp small span strong time u var"
                     .Split(' ')) kinds[NameKey(name)] = Kind.Inline;
        foreach (var name in "br wbr sup sub img".Split(' ')) kinds[NameKey(name)] = Kind.Spacing;
        foreach (var name in "area base col embed hr input link meta source track".Split(' '))
            kinds[NameKey(name)] = Kind.Void;
        return kinds;
    }

    /// <summary>A tag name of up to eight ASCII characters, lower-cased, a byte each; 0 for a longer one (which
    /// is no element search knows).</summary>
    private static ulong NameKey(ReadOnlySpan<byte> name)
    {
        if (name.Length > 8) return 0;
        ulong key = 0;
        foreach (var b in name) key = (key << 8) | (byte)char.ToLowerInvariant((char)b);
        return key;
    }

    private static ulong NameKey(string name) => NameKey(Encoding.ASCII.GetBytes(name));

    /// <summary>Reads a page written as UTF-8.</summary>
    public static PageText Read(ReadOnlySpan<byte> utf8) => Read(utf8, [], []);

    /// <summary>Reads a page some of whose parts were read on their own (<see cref="ReadPart"/>; the readings in the
    /// order of <paramref name="parts"/>, which lie in the page in that order): where the page's reading comes to such
    /// a part inside <c>main</c>, between blocks and with only white space before it, and the part's own reading
    /// ended between blocks too, the part's blocks are taken and the page read on after it, which gives what reading
    /// it through would.</summary>
    public static PageText Read(ReadOnlySpan<byte> utf8, IReadOnlyList<PlacedPart> parts,
        IReadOnlyList<PartText> readings)
    {
        var start = 0;
        var open = utf8.IndexOf("<main"u8);
        if (open >= 0)
        {
            var from = utf8[open..].IndexOf((byte)'>') + open + 1;
            var close = utf8.LastIndexOf("</main>"u8);
            if (from > open && close >= from)
            {
                utf8 = utf8[from..close];
                start = from;
            }
        }
        using var text = new PageTextBuilder(keepsTitle: true);
        ReadContent(utf8, text, new Placed(parts, readings, start));
        return text.ToPageText();
    }

    public static PageText Read(string html) => Read(Encoding.UTF8.GetBytes(html));

    /// <summary>Reads a part of a page on its own, as reading the page takes it: it starts between blocks; whether
    /// it ends so too (not inside a tag, a comment, a skipped element or a block) says whether the page may take
    /// this reading for it.</summary>
    public static PartText ReadPart(ReadOnlySpan<byte> part)
    {
        using var text = new PageTextBuilder(keepsTitle: false);
        var endsBetweenBlocks = ReadContent(part, text, default);
        return text.ToPartText(endsBetweenBlocks);
    }

    /// <summary>The parts of a page read on their own, with where the text read begins in the page.</summary>
    private readonly record struct Placed(IReadOnlyList<PlacedPart>? Parts, IReadOnlyList<PartText>? Readings,
        int Start);

    /// <summary>Reads all of <paramref name="html"/> (the content of <c>main</c>, or a page without one); whether
    /// it ended between blocks, with no tag, comment or skipped element cut off by its end.</summary>
    private static bool ReadContent(ReadOnlySpan<byte> html, PageTextBuilder text, Placed placed)
    {
        var cutOff = false;
        var next = 0;
        var parts = placed.Parts ?? [];
        var i = 0;
        while (i < html.Length)
        {
            while (next < parts.Count && parts[next].Offset - placed.Start < i) next++;
            if (next < parts.Count && text.IsBetweenBlocks && placed.Readings![next].EndsBetweenBlocks
                && parts[next].End - placed.Start <= html.Length
                && IsWhiteSpace(html[i..(parts[next].Offset - placed.Start)]))
            {
                text.Blocks(placed.Readings[next].Blocks);
                i = parts[next].End - placed.Start;
                next++;
                continue;
            }
            var lt = html[i..].IndexOf((byte)'<');
            if (lt < 0) lt = html.Length;
            else lt += i;
            text.Text(html[i..lt]);
            if (lt >= html.Length) break;
            if (html[lt..].StartsWith("<!--"u8))
            {
                var close = html[(lt + 4)..].IndexOf("-->"u8);
                cutOff |= close < 0;
                i = close < 0 ? html.Length : lt + 4 + close + 3;
                continue;
            }
            var tag = ReadTag(html, lt, out var name);
            cutOff |= tag.CutOff;
            i = tag.End;
            if (name.IsEmpty)
            {
                text.Text("<"u8);
                i = lt + 1;
                continue;
            }
            var key = NameKey(name);
            var kind = Kinds.GetValueOrDefault(key, Kind.Block);
            if (!tag.IsEnd && (kind == Kind.Skipped || tag.Ignored))
            {
                if (!tag.SelfClosing && !VoidElements.Contains(key)) i = AfterElement(html, name, i, ref cutOff);
                text.Space();
                continue;
            }
            if (kind == Kind.Inline) continue;
            if (kind == Kind.Spacing)
            {
                text.Space();
                continue;
            }
            text.EndBlock();
            if (name is [(byte)'h' or (byte)'H', >= (byte)'1' and <= (byte)'6'])
                text.HeadingLevel = tag.IsEnd ? 0 : name[1] - '0';
        }
        return !cutOff && text.IsBetweenBlocks;
    }

    /// <summary>Whether the text holds nothing but ASCII white space, which adds nothing between blocks.</summary>
    private static bool IsWhiteSpace(ReadOnlySpan<byte> text) => text.IndexOfAnyExcept(" \t\n\r\f\v"u8) < 0;

    private readonly record struct Tag(bool IsEnd, bool SelfClosing, bool Ignored, int End, bool CutOff = false);

    /// <summary>The tag starting at <paramref name="lt"/>: its name (empty when it is not a tag), and where it
    /// ends.</summary>
    private static Tag ReadTag(ReadOnlySpan<byte> html, int lt, out ReadOnlySpan<byte> name)
    {
        var end = html.Length;
        var i = lt + 1;
        var isEnd = i < end && html[i] == '/';
        if (isEnd) i++;
        var nameStart = i;
        while (i < end && (char.IsAsciiLetterOrDigit((char)html[i]) || html[i] == '-')) i++;
        if (i == nameStart || !char.IsAsciiLetter((char)html[nameStart]))
        {
            name = default;
            return new Tag(false, false, false, lt + 1);
        }
        name = html[nameStart..i];
        // To the closing '>', stepping over quoted attribute values.
        var attributesStart = i;
        while (i < end)
        {
            var next = html[i..].IndexOfAny(QuoteOrEnd);
            if (next < 0) i = end;
            else if (html[i + next] == '>') i += next;
            else
            {
                var close = html[(i + next + 1)..].IndexOf(html[i + next]);
                i = close < 0 ? end : i + next + 1 + close + 1;
                continue;
            }
            break;
        }
        var attributes = html[attributesStart..i];
        var selfClosing = TrimWhiteSpaceEnd(attributes).EndsWith("/"u8);
        var ignored = !isEnd && attributes.IndexOf("data-search-ignore"u8) >= 0;
        return new Tag(isEnd, selfClosing, ignored, Math.Min(i + 1, end), i >= end);
    }

    /// <summary>UTF-8 text without the white space it ends with (<see cref="Rune.IsWhiteSpace"/>).</summary>
    private static ReadOnlySpan<byte> TrimWhiteSpaceEnd(ReadOnlySpan<byte> text)
    {
        while (!text.IsEmpty)
        {
            var length = 1;
            if (text[^1] < 0x80 ? !char.IsWhiteSpace((char)text[^1])
                : Rune.DecodeLastFromUtf8(text, out var rune, out length) != OperationStatus.Done
                  || !Rune.IsWhiteSpace(rune)) break;
            text = text[..^length];
        }
        return text;
    }

    /// <summary>Where an element that opened before <paramref name="from"/> ends, counting nested ones of its name.
    /// </summary>
    private static int AfterElement(ReadOnlySpan<byte> html, ReadOnlySpan<byte> name, int from, ref bool cutOff)
    {
        var depth = 1;
        var i = from;
        while (i < html.Length)
        {
            var lt = html[i..].IndexOf((byte)'<');
            if (lt < 0) break;
            lt += i;
            var tag = ReadTag(html, lt, out var found);
            cutOff |= tag.CutOff;
            i = found.IsEmpty ? lt + 1 : tag.End;
            if (!Ascii.EqualsIgnoreCase(found, name) || tag.SelfClosing) continue;
            depth += tag.IsEnd ? -1 : 1;
            if (depth == 0) return i;
        }
        cutOff = true;
        return html.Length;
    }
}
