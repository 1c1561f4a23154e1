using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KropotkinSite.Content;

/// <summary>
/// Reads YAML written in the plain shape front matter nearly always has into the very events YamlDotNet's parser
/// gives for it, without its scanner (which took most of the time and memory of reading front matter). The shape:
/// <c>key: value</c> lines, indented mappings and lists (<c>- </c>) below a key, each value plain or in double
/// quotes on its one line. Anything else — comments, flow collections, escapes, anchors, tags, values over several
/// lines or none, tabs, CRs — gives null, and YamlDotNet reads the text, with its errors.
/// </summary>
public sealed class PlainYaml
{
    private readonly string _text;
    private readonly List<ParsingEvent> _events = [];
    private int _at; // where the next token starts (the text's length at its end)
    private int _lineStart; // where the line of _at starts
    private int _line = 1;

    private PlainYaml(string text) => _text = text;

    /// <summary>The events of the text, from the stream's start to its end; null unless the text has the plain
    /// shape.</summary>
    public static IReadOnlyList<ParsingEvent>? Read(string text)
    {
        if (!text.EndsWith('\n') || !HasOnlyPlainCharacters(text)) return null;
        var reader = new PlainYaml(text);
        return reader.ReadStream() ? reader._events : null;
    }

    private bool ReadStream()
    {
        _events.Add(new StreamStart(Here, Here));
        SkipBlankLines();
        if (AtEnd || Indent != 0) return false;
        _events.Add(new DocumentStart(null, null, true, Here, Here));
        if (!ReadMapping(0, 1) || !AtEnd) return false;
        _events.Add(new DocumentEnd(true, Here, Here));
        _events.Add(new StreamEnd(Here, Here));
        return true;
    }

    /// <summary>Keys at one indentation, from the current token, which must be a key.</summary>
    private bool ReadMapping(int indent, int depth)
    {
        if (depth > SafeYaml.MaxDepth) return false;
        _events.Add(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block, Here, Here));
        while (!AtEnd && Indent == indent)
        {
            var keyEnd = KeyEnd();
            if (keyEnd < 0) return false;
            _events.Add(new Scalar(AnchorName.Empty, TagName.Empty, _text[_at..keyEnd], ScalarStyle.Plain, true, false,
                Here, MarkAt(keyEnd), isKey: true));
            _at = keyEnd + 1;
            SkipSpaces();
            var value = _text[_at] == '\n' ? ReadBelow(indent, depth) : ReadValueToLineEnd(indent);
            if (!value) return false;
        }
        if (!AtEnd && Indent > indent) return false;
        _events.Add(new MappingEnd(Here, Here));
        return true;
    }

    /// <summary>The value of a key that ends its line: a list or a mapping on the lines below.</summary>
    private bool ReadBelow(int keyIndent, int depth)
    {
        NextLine();
        if (AtEnd) return false; // a key without a value
        return IsListItem()
            ? Indent >= keyIndent && ReadList(Indent, depth + 1, indentless: Indent == keyIndent)
            : Indent > keyIndent && ReadMapping(Indent, depth + 1);
    }

    /// <summary>Items at one indentation, from the current token, which must be <c>- </c>. A list as indented as
    /// the key it belongs to is "indentless": YamlDotNet then ends its start event after the first '-'.</summary>
    private bool ReadList(int indent, int depth, bool indentless)
    {
        if (depth > SafeYaml.MaxDepth) return false;
        _events.Add(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block, Here,
            indentless ? MarkAt(_at + 1) : Here));
        while (!AtEnd && Indent == indent && IsListItem())
        {
            _at++;
            SkipSpaces();
            if (_text[_at] == '\n') return false; // an item without a value
            var item = KeyEnd() >= 0 ? ReadMapping(Indent, depth + 1) : ReadValueToLineEnd(indent);
            if (!item) return false;
        }
        if (!AtEnd && Indent > indent) return false;
        _events.Add(new SequenceEnd(Here, Here));
        return true;
    }

    /// <summary>A value that fills the rest of its line; the next line must not be indented more than
    /// <paramref name="indent"/> (it would continue the value).</summary>
    private bool ReadValueToLineEnd(int indent)
    {
        var lineEnd = _text.IndexOf('\n', _at);
        var start = Here;
        Scalar value;
        if (_text[_at] == '"')
        {
            var close = _text.IndexOf('"', _at + 1, lineEnd - _at - 1);
            if (close < 0 || _text.AsSpan(_at, close - _at).Contains('\\')
                || !_text.AsSpan(close + 1, lineEnd - close - 1).TrimStart(' ').IsEmpty) return false;
            value = new Scalar(AnchorName.Empty, TagName.Empty, _text[(_at + 1)..close], ScalarStyle.DoubleQuoted,
                false, true, start, MarkAt(close + 1));
        }
        else
        {
            var end = _text.AsSpan(_at, lineEnd - _at).TrimEnd(' ').Length + _at;
            if (!IsPlain(_text.AsSpan(_at, end - _at))) return false;
            value = new Scalar(AnchorName.Empty, TagName.Empty, _text[_at..end], ScalarStyle.Plain, true, false,
                start, MarkAt(end));
        }
        _events.Add(value);
        _at = lineEnd;
        NextLine();
        return AtEnd || Indent <= indent;
    }

    /// <summary>A plain value that cannot be read as anything else: no indicator first, no ': ', ' #' or final
    /// ':' (a key), no brackets or braces.</summary>
    private static bool IsPlain(ReadOnlySpan<char> value) =>
        !value.IsEmpty && !"-?:,[]{}#&*!|>'\"%@`".Contains(value[0]) && value[^1] != ':'
            && !value.Contains(": ", StringComparison.Ordinal) && !value.Contains(" #", StringComparison.Ordinal)
            && value.IndexOfAny("[]{}") < 0;

    /// <summary>Where the key at the current token ends (its colon), or -1 unless the token is a key: a letter or
    /// '_', then letters, digits, '_' or '-', then ':' and a space or the line's end. YAML allows a key without
    /// quotes up to 1,024 characters; a longer one is left to YamlDotNet.</summary>
    private int KeyEnd()
    {
        var i = _at;
        if (!char.IsAsciiLetter(_text[i]) && _text[i] != '_') return -1;
        while (char.IsAsciiLetterOrDigit(_text[i]) || _text[i] is '_' or '-') i++;
        return _text[i] == ':' && (_text[i + 1] is ' ' or '\n') && i - _at <= MaxKeyLength ? i : -1;
    }

    private const int MaxKeyLength = 1000;

    private bool IsListItem() => _text[_at] == '-' && _text[_at + 1] == ' ';

    private bool AtEnd => _at == _text.Length;

    private int Indent => _at - _lineStart;

    private Mark Here => MarkAt(_at);

    private Mark MarkAt(int index) => new(index, _line, index - _lineStart + 1);

    private void SkipSpaces()
    {
        while (_at < _text.Length && _text[_at] == ' ') _at++;
    }

    /// <summary>From the end of a line (its '\n') to the first token of the next line that is not blank.</summary>
    private void NextLine()
    {
        _at++;
        _line++;
        _lineStart = _at;
        SkipBlankLines();
    }

    private void SkipBlankLines()
    {
        while (true)
        {
            SkipSpaces();
            if (AtEnd || _text[_at] != '\n') return;
            _at++;
            _line++;
            _lineStart = _at;
        }
    }

    /// <summary>No character that YAML treats specially wherever it stands: tabs, CRs and other line breaks,
    /// control characters, a byte order mark, surrogates (characters beyond U+FFFF), non-characters.</summary>
    private static bool HasOnlyPlainCharacters(string text)
    {
        foreach (var c in text)
            if (c < ' ' ? c != '\n' : c is >= '\u007F' and <= '\u009F' or '\u2028' or '\u2029' or '\uFEFF'
                    or >= '\uD800' and <= '\uDFFF' or '\uFFFE' or '\uFFFF')
                return false;
        return true;
    }
}
