using System.Buffers;
using System.Net;
using System.Text;

namespace KropotkinSite.Search;

/// <summary>
/// Reads the text a reader searches from a written page: what is inside its <c>main</c> element (the whole page
/// when it has none), without navigation, forms, scripts, styles, SVG, or anything marked
/// <c>data-search-ignore</c> (such as the list of pages that mention it). The first <c>h1</c> is the title; the
/// other headings and the body come in reading order, split into blocks where a block element starts or ends.
/// The pages are the generator's own output, valid HTML, so one forward scan does: no tree is built, only the
/// <c>main</c> element is decoded, and text is collapsed and its entities decoded as it is copied.
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

    /// <summary>Longer tag names are no element search knows.</summary>
    private const int MaxName = 16;

    private static readonly Dictionary<string, Kind> Kinds = Build();

    private static readonly Dictionary<string, Kind>.AlternateLookup<ReadOnlySpan<char>> KindOf =
        Kinds.GetAlternateLookup<ReadOnlySpan<char>>();

    private static Dictionary<string, Kind> Build()
    {
        var kinds = new Dictionary<string, Kind>(StringComparer.Ordinal);
        foreach (var name in "nav header footer form script style template noscript svg math button select textarea"
                     .Split(' ')) kinds[name] = Kind.Skipped;
        foreach (var name in "a abbr b bdi bdo cite code data dfn em i kbd mark q s samp small span strong time u var"
                     .Split(' ')) kinds[name] = Kind.Inline;
        foreach (var name in "br wbr sup sub img".Split(' ')) kinds[name] = Kind.Spacing;
        foreach (var name in "area base col embed hr input link meta source track".Split(' ')) kinds[name] = Kind.Void;
        return kinds;
    }

    /// <summary>Elements that are void: an element skipped or ignored is over at its start tag.</summary>
    private static bool IsVoid(ReadOnlySpan<char> name) =>
        name is "area" or "base" or "br" or "col" or "embed" or "hr" or "img" or "input" or "link" or "meta"
            or "source" or "track" or "wbr";

    /// <summary>Reads a page written as UTF-8: only its <c>main</c> element is decoded, into a buffer borrowed
    /// from the shared pool.</summary>
    public static PageText Read(ReadOnlySpan<byte> utf8)
    {
        var open = utf8.IndexOf("<main"u8);
        if (open >= 0)
        {
            var start = utf8[open..].IndexOf((byte)'>') + open + 1;
            var close = utf8.LastIndexOf("</main>"u8);
            if (start > open && close >= start) utf8 = utf8[start..close];
        }
        // UTF-8 never decodes to more UTF-16 characters than it has bytes.
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(utf8.Length, 1));
        try
        {
            return ReadContent(chars.AsSpan(0, Encoding.UTF8.GetChars(utf8, chars)));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    public static PageText Read(string html)
    {
        var open = html.IndexOf("<main", StringComparison.Ordinal);
        if (open < 0) return ReadContent(html);
        var start = html.IndexOf('>', open) + 1;
        var close = html.LastIndexOf("</main>", StringComparison.Ordinal);
        return start <= 0 || close < start ? ReadContent(html) : ReadContent(html.AsSpan(start..close));
    }

    /// <summary>Reads all of <paramref name="html"/> (the content of <c>main</c>, or a page without one).</summary>
    private static PageText ReadContent(ReadOnlySpan<char> span)
    {
        var lower = new char[MaxName];
        using var scan = new Scan();
        var i = 0;
        while (i < span.Length)
        {
            var lt = span[i..].IndexOf('<');
            if (lt < 0) lt = span.Length;
            else lt += i;
            scan.Text(span[i..lt]);
            if (lt >= span.Length) break;
            if (span[lt..].StartsWith("<!--"))
            {
                var close = span[(lt + 4)..].IndexOf("-->");
                i = close < 0 ? span.Length : lt + 4 + close + 3;
                continue;
            }
            var tag = ReadTag(span, lt, out var name);
            i = tag.End;
            if (name.Length <= MaxName) name = lower.AsSpan(0, name.ToLowerInvariant(lower));
            if (name.IsEmpty)
            {
                scan.Text("<");
                i = lt + 1;
                continue;
            }
            var kind = KindOf.TryGetValue(name, out var k) ? k : Kind.Block;
            if (!tag.IsEnd && (kind == Kind.Skipped || tag.Ignored))
            {
                if (!tag.SelfClosing && !IsVoid(name)) i = AfterElement(span, name, i);
                scan.Text(" ");
                continue;
            }
            if (kind == Kind.Inline) continue;
            if (kind == Kind.Spacing)
            {
                scan.Text(" ");
                continue;
            }
            scan.Flush();
            if (name is ['h', >= '1' and <= '6']) scan.HeadingLevel = tag.IsEnd ? 0 : name[1] - '0';
        }
        scan.Flush();
        return new PageText(scan.Title ?? "", scan.Blocks);
    }

    /// <summary>The text of the block being read, its whitespace collapsed and its entities decoded as it comes,
    /// in a buffer borrowed from the shared pool until it is disposed.</summary>
    private sealed class Scan : IDisposable
    {
        private char[] _text = ArrayPool<char>.Shared.Rent(4096);
        private int _length;
        private bool _space;

        public List<TextBlock> Blocks { get; } = [];
        public string? Title { get; private set; }
        public int HeadingLevel { get; set; }

        public void Text(ReadOnlySpan<char> text)
        {
            while (!text.IsEmpty)
            {
                var amp = text.IndexOf('&');
                Add(amp < 0 ? text : text[..amp]);
                if (amp < 0) return;
                text = text[amp..];
                var semicolon = text[..Math.Min(text.Length, 12)].IndexOf(';');
                if (semicolon < 0)
                {
                    Add("&");
                    text = text[1..];
                    continue;
                }
                Add(WebUtility.HtmlDecode(text[..(semicolon + 1)].ToString()));
                text = text[(semicolon + 1)..];
            }
        }

        /// <summary>Adds text a run of non-white characters at a time, copied whole; any white space between two
        /// becomes one space.</summary>
        private void Add(ReadOnlySpan<char> text)
        {
            while (!text.IsEmpty)
            {
                var white = text.IndexOfAny(WhiteSpace);
                var run = white < 0 ? text : text[..white];
                if (!run.IsEmpty)
                {
                    if (_length + run.Length + 1 > _text.Length)
                    {
                        var larger = ArrayPool<char>.Shared.Rent(Math.Max(_text.Length * 2, _length + run.Length + 1));
                        _text.AsSpan(0, _length).CopyTo(larger);
                        ArrayPool<char>.Shared.Return(_text);
                        _text = larger;
                    }
                    if (_space) _text[_length++] = ' ';
                    _space = false;
                    run.CopyTo(_text.AsSpan(_length));
                    _length += run.Length;
                }
                if (white < 0) return;
                _space = _length > 0;
                text = text[(white + 1)..];
            }
        }

        public void Dispose()
        {
            ArrayPool<char>.Shared.Return(_text);
            _text = [];
        }

        public void Flush()
        {
            var length = _length;
            (_length, _space) = (0, false);
            if (length == 0) return;
            var block = new string(_text, 0, length);
            if (HeadingLevel == 1 && Title is null) Title = block;
            else Blocks.Add(new TextBlock(HeadingLevel > 0, block));
        }
    }

    /// <summary>Every character <see cref="char.IsWhiteSpace(char)"/> says is white space.</summary>
    private static readonly SearchValues<char> WhiteSpace = SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i).Where(char.IsWhiteSpace).ToArray());

    private readonly record struct Tag(bool IsEnd, bool SelfClosing, bool Ignored, int End);

    /// <summary>The tag starting at <paramref name="lt"/>: its name (empty when it is not a tag), and where it
    /// ends.</summary>
    private static Tag ReadTag(ReadOnlySpan<char> html, int lt, out ReadOnlySpan<char> name)
    {
        var end = html.Length;
        var i = lt + 1;
        var isEnd = i < end && html[i] == '/';
        if (isEnd) i++;
        var nameStart = i;
        while (i < end && (char.IsAsciiLetterOrDigit(html[i]) || html[i] == '-')) i++;
        if (i == nameStart || !char.IsAsciiLetter(html[nameStart]))
        {
            name = default;
            return new Tag(false, false, false, lt + 1);
        }
        name = html[nameStart..i];
        // To the closing '>', stepping over quoted attribute values.
        var attributesStart = i;
        var quote = '\0';
        for (; i < end; i++)
        {
            var c = html[i];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
            }
            else if (c is '"' or '\'') quote = c;
            else if (c == '>') break;
        }
        var attributes = html[attributesStart..i];
        var selfClosing = attributes.TrimEnd().EndsWith("/");
        var ignored = !isEnd && attributes.Contains("data-search-ignore", StringComparison.Ordinal);
        return new Tag(isEnd, selfClosing, ignored, Math.Min(i + 1, end));
    }

    /// <summary>Where an element that opened before <paramref name="from"/> ends, counting nested ones of its name.
    /// </summary>
    private static int AfterElement(ReadOnlySpan<char> html, ReadOnlySpan<char> name, int from)
    {
        var depth = 1;
        var i = from;
        while (i < html.Length)
        {
            var lt = html[i..].IndexOf('<');
            if (lt < 0) return html.Length;
            lt += i;
            var tag = ReadTag(html, lt, out var found);
            i = found.IsEmpty ? lt + 1 : tag.End;
            if (!found.Equals(name, StringComparison.OrdinalIgnoreCase) || tag.SelfClosing) continue;
            depth += tag.IsEnd ? -1 : 1;
            if (depth == 0) return i;
        }
        return html.Length;
    }
}
