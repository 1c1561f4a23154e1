using System.Runtime.CompilerServices;
using System.Text;
using AngleSharp.Html;
using KropotkinSite.Theme;

namespace KropotkinSite.Html;

/// <summary>
/// Reads the ids and the checked links of a written page straight from its UTF-8 bytes with a streaming
/// HTML5 tokenizer: the states of the WHATWG tokenizer that decide where tags, attributes, comments and raw
/// text begin and end (data, tag open, tag name, the attribute states, comments, doctypes, bogus comments,
/// CDATA, RCDATA, RAWTEXT, script data with its escaped states, PLAINTEXT), without building a tree.
/// Like the tree builder it switches to raw text after <c>script</c>, <c>style</c>, <c>textarea</c>,
/// <c>title</c> and their kin in HTML content, and accepts CDATA only inside SVG and MathML (which lasts until
/// their end tag or an HTML start tag that breaks out; integration points such as <c>foreignObject</c> are not
/// told apart, which matters only for raw-text elements inside them). Attribute values
/// are decoded as the spec says (character references, line ends); a tag cut off by the end of the file
/// counts for nothing, and of two attributes with one name the first wins.
/// </summary>
public static class HtmlLinks
{
    public static (HashSet<string> Ids, List<string> Links) Read(string html) => Read(Encoding.UTF8.GetBytes(html));

    public static (HashSet<string> Ids, List<string> Links) Read(ReadOnlySpan<byte> html)
    {
        var (ids, runs) = Read(html, [], []);
        return (ids, runs is [var links] ? [.. links] : []);
    }

    /// <summary>Reads a page some of whose parts were read on their own (<see cref="ReadPart"/>; the readings in the
    /// order of <paramref name="parts"/>, which lie in the page in that order): where the page's reading comes to such
    /// a part in plain text, outside foreign content, and the part's own reading ended the same way, the part's
    /// reading is taken and the page read on after it, which gives what reading it through would. The links come in
    /// runs, in order: those read between such parts, and each part's own (<see cref="PartLinks.Links"/>).</summary>
    public static (HashSet<string> Ids, List<IReadOnlyList<string>> Runs) Read(ReadOnlySpan<byte> html,
        IReadOnlyList<PlacedPart> parts, IReadOnlyList<PartLinks> readings)
    {
        var ids = Emptied(ref _idsRead);
        var runs = new List<IReadOnlyList<string>>();
        var links = Emptied(ref _linksRead);
        var tokenizer = new Tokenizer(html);
        var foreignDepth = 0;
        var next = 0;
        while (true)
        {
            while (next < parts.Count && parts[next].Offset < tokenizer.Position) next++;
            if (next < parts.Count && foreignDepth == 0 && readings[next].EndsInText
                && tokenizer.ReadsTextUpTo(parts[next].Offset))
            {
                ids.AddRange(readings[next].Ids);
                if (links.Count > 0) runs.Add([.. links]);
                runs.Add(readings[next].Links);
                links.Clear();
                tokenizer.Position = parts[next].End;
                next++;
                continue;
            }
            if (!tokenizer.NextTag(foreignDepth > 0, out var tag)) break;
            Take(ref tokenizer, tag, ref foreignDepth, ids, links);
        }
        if (links.Count > 0) runs.Add([.. links]);
        return (new HashSet<string>(ids, StringComparer.Ordinal), runs);
    }

    /// <summary>One of this thread's lists, empty: a page's ids and links are gathered in them, and only what is
    /// kept of them is made anew, at its size.</summary>
    private static List<string> Emptied(ref List<string>? list)
    {
        list ??= [];
        list.Clear();
        return list;
    }

    [ThreadStatic] private static List<string>? _idsRead, _linksRead;

    /// <summary>Reads a part of a page on its own, as reading the page takes it: it starts in plain text outside
    /// foreign content; whether it ends so too (after its last tag, text without a <c>&lt;</c>) says whether the
    /// page may take this reading for it.</summary>
    public static PartLinks ReadPart(ReadOnlySpan<byte> part)
    {
        var ids = Emptied(ref _idsRead);
        var links = Emptied(ref _linksRead);
        var tokenizer = new Tokenizer(part);
        var foreignDepth = 0;
        while (tokenizer.NextTag(foreignDepth > 0, out var tag)) Take(ref tokenizer, tag, ref foreignDepth, ids, links);
        return new PartLinks([.. ids.Distinct(StringComparer.Ordinal)], [.. links],
            tokenizer.EndedInText && foreignDepth == 0);
    }

    private static void Take(ref Tokenizer tokenizer, in Tag tag, ref int foreignDepth, List<string> ids,
        List<string> links)
    {
        if (tag.IsEnd)
        {
            if (foreignDepth > 0 && (tokenizer.Is(tag, "svg"u8) || tokenizer.Is(tag, "math"u8))) foreignDepth--;
            return;
        }
        if (tag.Id is { Length: > 0 } id) ids.Add(id);
        if (tag.Name is { Length: > 0 } name && tokenizer.Is(tag, "a"u8)) ids.Add(name);
        if (tag.Href is { } href
            && (tokenizer.Is(tag, "a"u8) || tokenizer.Is(tag, "area"u8)
            || tokenizer.Is(tag, "link"u8))) links.Add(href.Trim());
        if (tag.Src is { } src && IsMediaOrScript(tokenizer, tag)) links.Add(src.Trim());

        if (tokenizer.Is(tag, "svg"u8) || tokenizer.Is(tag, "math"u8))
        {
            if (!tag.SelfClosing) foreignDepth++;
        }
        else if (foreignDepth > 0 && BreaksOutOfForeignContent(tokenizer, tag)) foreignDepth = 0;
        else if (foreignDepth == 0) tokenizer.EnterTextState(tag);
    }

    private static bool IsMediaOrScript(in Tokenizer tokenizer, in Tag tag) =>
        tokenizer.Is(tag, "img"u8) || tokenizer.Is(tag, "script"u8) || tokenizer.Is(tag, "source"u8)
            || tokenizer.Is(tag, "audio"u8) || tokenizer.Is(tag, "video"u8) || tokenizer.Is(tag, "iframe"u8)
            || tokenizer.Is(tag, "track"u8);

    /// <summary>HTML start tags that end SVG or MathML content (the tree builder's "any other start tag" rule in
    /// foreign content).</summary>
    private static bool BreaksOutOfForeignContent(in Tokenizer tokenizer, in Tag tag)
    {
        foreach (var name in BreakoutNames)
            if (tokenizer.Is(tag, name)) return true;
        return false;
    }

    private static readonly byte[][] BreakoutNames =
    [
        .. new[]
        {
            "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1",
                "h2", "h3", "h4",
            "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby",
                "s", "small",
            "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var",
        }.Select(Encoding.ASCII.GetBytes),
    ];

    /// <summary>A start or end tag: where its name lies in the input, and the four attributes the link check
    /// reads.</summary>
    private struct Tag
    {
        public int NameStart, NameLength;
        public bool IsEnd;
        public bool SelfClosing;
        public string? Id, Name, Href, Src;
    }

    private enum TextState { Data, RcData, RawText, ScriptData, PlainText }

    private ref struct Tokenizer(ReadOnlySpan<byte> input)
    {
        private readonly ReadOnlySpan<byte> _s = input;
        private int _i;
        private TextState _state = TextState.Data;
        private byte[]? _endTagName; // the "appropriate end tag" that ends RCDATA, RAWTEXT and script data

        /// <summary>Where reading goes on: after the last tag read, or where it was set.</summary>
        public int Position
        {
            readonly get => _i;
            set => _i = value;
        }

        /// <summary>Whether the input ended after its last tag in plain text (not inside a tag, a comment, or text
        /// that only an end tag ends).</summary>
        public bool EndedInText { get; private set; }

        private bool _cutOff;

        /// <summary>Whether reading on would pass through plain text, with no tag, up to <paramref name="at"/>.
        /// </summary>
        public readonly bool ReadsTextUpTo(int at) =>
            _state == TextState.Data && _i <= at && _s[_i..at].IndexOf((byte)'<') < 0;

        /// <summary>Whether the tag has this (lower-case ASCII) name, ignoring ASCII case as HTML does.</summary>
        public readonly bool Is(in Tag tag, ReadOnlySpan<byte> lowerName) =>
            System.Text.Ascii.EqualsIgnoreCase(_s.Slice(tag.NameStart, tag.NameLength), lowerName);

        public void EnterTextState(in Tag tag)
        {
            // A raw-text element's text follows even when its start tag closes itself, as the tree builder reads it.
            foreach (var (name, state) in TextElements)
                if (name.Length == tag.NameLength && Is(tag, name))
                {
                    _state = state;
                    _endTagName = name;
                    return;
                }
        }

        private static readonly (byte[] Name, TextState State)[] TextElements =
        [
            ("script"u8.ToArray(), TextState.ScriptData), ("style"u8.ToArray(), TextState.RawText),
            ("title"u8.ToArray(), TextState.RcData), ("textarea"u8.ToArray(), TextState.RcData),
            ("xmp"u8.ToArray(), TextState.RawText), ("iframe"u8.ToArray(), TextState.RawText),
            ("noembed"u8.ToArray(), TextState.RawText), ("noframes"u8.ToArray(), TextState.RawText),
            ("plaintext"u8.ToArray(), TextState.PlainText),
        ];

        /// <summary>Moves to the next start or end tag; false at the end of the input.</summary>
        public bool NextTag(bool inForeignContent, out Tag tag)
        {
            tag = default;
            while (_i < _s.Length)
            {
                switch (_state)
                {
                    case TextState.PlainText:
                        _i = _s.Length;
                        return false;
                    case TextState.RcData or TextState.RawText:
                        if (!SkipToAppropriateEndTag()) return false;
                        _state = TextState.Data;
                        break; // now at "</name", read as an end tag below
                    case TextState.ScriptData:
                        if (!SkipScriptData()) return false;
                        _state = TextState.Data;
                        break;
                }

                var lt = _s[_i..].IndexOf((byte)'<');
                if (lt < 0) { _i = _s.Length; EndedInText = true; return false; }
                _i += lt;
                var rest = _s[_i..];
                if (rest.Length < 2) { _i = _s.Length; return false; }
                var next = rest[1];
                if (next == '!')
                {
                    MarkupDeclaration(inForeignContent);
                    continue;
                }
                if (next == '?')
                {
                    SkipBogusComment(_i + 1);
                    continue;
                }
                if (next == '/')
                {
                    if (rest.Length < 3) { _i = _s.Length; return false; }
                    if (IsAsciiLetter(rest[2]))
                    {
                        _i += 2;
                        if (ReadTag(ref tag)) { tag.IsEnd = true; return true; }
                        return false;
                    }
                    if (rest[2] == '>') { _i += 3; continue; } // "</>" is dropped
                    SkipBogusComment(_i + 2);
                    continue;
                }
                if (IsAsciiLetter(next))
                {
                    _i += 1;
                    return ReadTag(ref tag);
                }
                _i += 1; // a '<' that starts nothing is text
            }
            EndedInText = _state == TextState.Data && !_cutOff;
            return false;
        }

        /// <summary>After "&lt;!": a comment, a doctype, CDATA (in foreign content) or a bogus comment.</summary>
        private void MarkupDeclaration(bool inForeignContent)
        {
            var rest = _s[(_i + 2)..];
            if (rest.StartsWith("--"u8))
            {
                _i += 4;
                // "<!-->" and "<!--->" are complete (empty) comments.
                if (_i < _s.Length && _s[_i] == '>') { _i++; return; }
                if (_i + 1 < _s.Length && _s[_i] == '-' && _s[_i + 1] == '>') { _i += 2; return; }
                // The comment ends at the first '>' that follows "--" or "--!" inside it (more dashes may come first).
                var body = _s[_i..];
                var end = -1;
                for (var from = 0; from < body.Length;)
                {
                    var gt = body[from..].IndexOf((byte)'>');
                    if (gt < 0) break;
                    var q = from + gt;
                    if ((q >= 2 && body[q - 1] == '-' && body[q - 2] == '-')
                        || (q >= 3 && body[q - 1] == '!' && body[q - 2] == '-' && body[q - 3] == '-'))
                    {
                        end = q;
                        break;
                    }
                    from = q + 1;
                }
                _i = end < 0 ? CutOff() : _i + end + 1;
                return;
            }
            if (rest.Length >= 7 && System.Text.Ascii.EqualsIgnoreCase(rest[..7], "doctype"u8))
            {
                SkipBogusComment(_i + 2); // a doctype ends at the first '>', even inside a quoted identifier
                return;
            }
            if (inForeignContent && rest.StartsWith("[CDATA["u8))
            {
                var end = _s[(_i + 9)..].IndexOf("]]>"u8);
                _i = end < 0 ? CutOff() : _i + 9 + end + 3;
                return;
            }
            SkipBogusComment(_i + 2);
        }

        private void SkipBogusComment(int from)
        {
            var end = _s[from..].IndexOf((byte)'>');
            _i = end < 0 ? CutOff() : from + end + 1;
        }

        /// <summary>The end of the input, reached inside a comment or the like.</summary>
        private int CutOff()
        {
            _cutOff = true;
            return _s.Length;
        }

        /// <summary>In RCDATA or RAWTEXT: moves to the "&lt;/name" (name followed by space, '/' or '&gt;') that ends
        /// it.</summary>
        private bool SkipToAppropriateEndTag()
        {
            while (true)
            {
                var lt = _s[_i..].IndexOf("</"u8);
                if (lt < 0) { _i = _s.Length; return false; }
                _i += lt;
                if (IsAppropriateEndTag(_i)) return true;
                _i += 2;
            }
        }

        private readonly bool IsAppropriateEndTag(int at)
        {
            var name = _endTagName!;
            var start = at + 2;
            if (start + name.Length >= _s.Length) return false;
            if (!System.Text.Ascii.EqualsIgnoreCase(_s.Slice(start, name.Length), name)) return false;
            var after = _s[start + name.Length];
            return IsSpace(after) || after == '/' || after == '>';
        }

        /// <summary>
        /// In script data: moves to the "&lt;/script" that ends it, following the escaped ("&lt;!--") and
        /// double-escaped ("&lt;!-- &lt;script&gt;") states, where an end tag may or may not count.
        /// </summary>
        private bool SkipScriptData()
        {
            // after "<!--": an end tag still ends the script, "<script>" starts double escaping
            var escaped = false;
            var doubleEscaped = false; // after "<!-- <script>": "</script>" only goes back to escaped
            var dashes = 0;            // '-' seen in a row while escaped; "-->" (or more dashes) ends the escaping
            while (_i < _s.Length)
            {
                if (!escaped)
                {
                    var k = _s[_i..].IndexOf((byte)'<');
                    if (k < 0) break;
                    _i += k;
                    if (IsAppropriateEndTag(_i)) return true;
                    if (_s[_i..].StartsWith("<!--"u8)) { escaped = true; dashes = 2; _i += 4; continue; }
                    _i++;
                    continue;
                }
                var c = _s[_i];
                if (c == '-') { dashes++; _i++; continue; }
                if (c == '>' && dashes >= 2) { escaped = doubleEscaped = false; dashes = 0; _i++; continue; }
                dashes = 0;
                if (c == '<')
                {
                    if (!doubleEscaped && IsAppropriateEndTag(_i)) return true;
                    var isEnd = _i + 1 < _s.Length && _s[_i + 1] == '/';
                    var nameStart = _i + (isEnd ? 2 : 1);
                    if (isEnd == doubleEscaped && nameStart + 6 < _s.Length
                        && System.Text.Ascii.EqualsIgnoreCase(_s.Slice(nameStart, 6), "script"u8)
                        && (IsSpace(_s[nameStart + 6]) || _s[nameStart + 6] is (byte)'/' or (byte)'>'))
                    {
                        doubleEscaped = !isEnd;
                        _i = nameStart + 6;
                        continue;
                    }
                    _i = nameStart; // the letters of any other tag name are just text here
                    continue;
                }
                _i++;
            }
            _i = _s.Length;
            return false;
        }

        /// <summary>At the first letter of a tag name: reads the name and attributes; false when the input ends inside
        /// the tag.</summary>
        private bool ReadTag(ref Tag tag)
        {
            var start = _i;
            while (_i < _s.Length && !IsSpace(_s[_i]) && _s[_i] != '/' && _s[_i] != '>') _i++;
            tag.NameStart = start;
            tag.NameLength = _i - start;
            var seen = 0; // bits: id, name, href, src already given (a repeated attribute is dropped)
            while (true)
            {
                // Before attribute name.
                while (_i < _s.Length && IsSpace(_s[_i])) _i++;
                if (_i >= _s.Length) return false;
                var c = _s[_i];
                if (c == '>') { _i++; return true; }
                if (c == '/')
                {
                    _i++;
                    if (_i >= _s.Length) return false;
                    if (_s[_i] == '>') { tag.SelfClosing = true; _i++; return true; }
                    continue; // unexpected solidus: read on as the start of an attribute
                }
                // Attribute name (a leading '=' belongs to the name).
                var nameStart = _i;
                _i++;
                while (_i < _s.Length && !IsSpace(_s[_i]) && _s[_i] != '/' && _s[_i] != '>' && _s[_i] != '=') _i++;
                var bit = Wanted(_s[nameStart.._i]);
                // After attribute name.
                while (_i < _s.Length && IsSpace(_s[_i])) _i++;
                if (_i >= _s.Length) return false;
                string? value = "";
                if (_s[_i] == '=')
                {
                    _i++;
                    while (_i < _s.Length && IsSpace(_s[_i])) _i++;
                    if (_i >= _s.Length) return false;
                    var quote = _s[_i];
                    int valueStart, valueEnd;
                    if (quote is (byte)'"' or (byte)'\'')
                    {
                        valueStart = _i + 1;
                        var close = _s[valueStart..].IndexOf(quote);
                        if (close < 0) return false;
                        valueEnd = valueStart + close;
                        _i = valueEnd + 1;
                    }
                    else if (quote == '>')
                    {
                        valueStart = valueEnd = _i; // missing value: the tag ends here
                    }
                    else
                    {
                        valueStart = _i;
                        while (_i < _s.Length && !IsSpace(_s[_i]) && _s[_i] != '>') _i++;
                        if (_i >= _s.Length) return false;
                        valueEnd = _i;
                    }
                    value = bit != 0 && (seen & bit) == 0 ? Decode(_s[valueStart..valueEnd]) : null;
                }
                if (bit != 0 && (seen & bit) == 0)
                {
                    seen |= bit;
                    switch (bit)
                    {
                        case 1: tag.Id = value; break;
                        case 2: tag.Name = value; break;
                        case 4: tag.Href = value; break;
                        case 8: tag.Src = value; break;
                    }
                }
            }
        }

        private static int Wanted(ReadOnlySpan<byte> attribute) =>
            System.Text.Ascii.EqualsIgnoreCase(attribute, "id"u8) ? 1
            : System.Text.Ascii.EqualsIgnoreCase(attribute, "name"u8) ? 2
            : System.Text.Ascii.EqualsIgnoreCase(attribute, "href"u8) ? 4
            : System.Text.Ascii.EqualsIgnoreCase(attribute, "src"u8) ? 8
            : 0;
    }

    /// <summary>An attribute value as the tokenizer emits it: character references decoded, CR LF and CR as LF, NUL as
    /// U+FFFD.</summary>
    private static string Decode(ReadOnlySpan<byte> raw)
    {
        if (raw.IndexOfAny((byte)'&', (byte)'\r', (byte)'\0') < 0) return SharedStrings.OfUtf8(raw);
        var text = Encoding.UTF8.GetString(raw);
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                result.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
            }
            else if (c == '\0') result.Append('\uFFFD');
            else if (c == '&') i = CharacterReference(text, i, result);
            else result.Append(c);
        }
        return result.ToString();
    }

    /// <summary>Decodes the character reference at <paramref name="amp"/> (in an attribute value); returns the index of
    /// its last character.</summary>
    private static int CharacterReference(string text, int amp, StringBuilder result)
    {
        var i = amp + 1;
        if (i < text.Length && text[i] == '#')
        {
            var hex = i + 1 < text.Length && (text[i + 1] == 'x' || text[i + 1] == 'X');
            var digitsStart = i + (hex ? 2 : 1);
            var j = digitsStart;
            long value = 0;
            while (j < text.Length && (hex ? char.IsAsciiHexDigit(text[j]) : char.IsAsciiDigit(text[j])))
            {
                value = Math.Min(value * (hex ? 16 : 10) + HexValue(text[j]), 0x110000);
                j++;
            }
            if (j == digitsStart) { result.Append('&'); return amp; } // "&#" with no digits stays as it is
            var end = j < text.Length && text[j] == ';' ? j : j - 1;
            result.Append(NumericReference((int)value));
            return end;
        }
        var nameEnd = i;
        while (nameEnd < text.Length && char.IsAsciiLetterOrDigit(text[nameEnd])) nameEnd++;
        if (nameEnd > i)
        {
            var name = text[i..nameEnd];
            if (nameEnd < text.Length && text[nameEnd] == ';'
                && HtmlEntityProvider.Resolver.GetSymbol(name + ";") is { } symbol)
            {
                result.Append(symbol);
                return nameEnd;
            }
            // Legacy names work without ';', but not in an attribute when a letter, digit or '=' follows
            // (the run of letters is taken whole, so a shorter legacy prefix is always followed by a letter).
            if ((nameEnd >= text.Length || text[nameEnd] != '=')
                && HtmlEntityProvider.Resolver.GetSymbol(name) is { } legacy)
            {
                result.Append(legacy);
                return nameEnd - 1;
            }
        }
        result.Append('&');
        return amp;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static string NumericReference(int code)
    {
        if (code == 0 || code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF) return "\uFFFD";
        if (code is >= 0x80 and <= 0x9F
            && Windows1252[code - 0x80] is var mapped and not '\0') return mapped.ToString();
        return char.ConvertFromUtf32(code);
    }

    /// <summary>The numeric references 0x80–0x9F mean their Windows-1252 characters (0 where they stay as they
    /// are).</summary>
    private static readonly char[] Windows1252 =
    [
        '\u20AC', '\0', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030', '\u0160',
            '\u2039', '\u0152', '\0', '\u017D', '\0',
        '\0', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', '\u02DC', '\u2122', '\u0161',
            '\u203A', '\u0153', '\0', '\u017E', '\u0178',
    ];

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // called for most bytes of every tag
    private static bool IsSpace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\f' or (byte)'\r';

    private static bool IsAsciiLetter(byte c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';
}
