using System.Buffers;
using System.Text;

namespace KropotkinSite.Search;

/// <summary>
/// Builds a <see cref="PageText"/> from the UTF-8 text between a page's tags, as <see cref="PageTextReader"/>
/// finds it, and where its blocks end: white space of any kind and length (<see cref="char.IsWhiteSpace(char)"/>)
/// becomes one space inside a block and none at its ends, and entities are decoded, as the text comes. Text
/// mostly comes as words with one space between them, so it is copied a stretch at a time up to the next
/// character that needs a look (other white space, <c>&amp;</c>, a character beyond ASCII), not a word at a time.
/// The block being built is held in a buffer borrowed from the shared pool until the builder is disposed. A builder
/// that does not keep the title (for a part of a page, <see cref="PartText"/>) marks the blocks of level-1 headings
/// instead, so that the page that takes them can.
/// </summary>
internal sealed class PageTextBuilder(bool keepsTitle) : IDisposable
{
    /// <summary>ASCII white space but the space, <c>&amp;</c>, and every byte of a character beyond ASCII.</summary>
    private static readonly SearchValues<byte> NeedALook = SearchValues.Create(
        Enumerable.Range(0, 256).Where(b => b >= 0x80 || b == '&' || (b != ' ' && char.IsWhiteSpace((char)b)))
            .Select(b => (byte)b).ToArray());

    /// <summary>Entities longer than this many characters (with <c>&amp;</c> and <c>;</c>) are not decoded.</summary>
    private const int MaxEntity = 12;

    private byte[] _text = ArrayPool<byte>.Shared.Rent(4096);
    private int _length;
    private bool _space;
    private string? _title;
    private readonly List<TextBlock> _blocks = [];
    private readonly List<PartBlock> _partBlocks = [];

    /// <summary>The level of the heading being read (1 to 6), or 0 in body text.</summary>
    public int HeadingLevel { get; set; }

    public PageText ToPageText()
    {
        EndBlock();
        return new PageText(_title ?? "", _blocks);
    }

    public PartText ToPartText(bool endsBetweenBlocks) => new(_partBlocks.ToArray(), endsBetweenBlocks);

    /// <summary>Whether no block has begun since the last one ended, outside any heading: a part of the page read
    /// on its own begins so.</summary>
    public bool IsBetweenBlocks => _length == 0 && HeadingLevel == 0;

    /// <summary>Adds the blocks of a part read on its own, when <see cref="IsBetweenBlocks"/>.</summary>
    public void Blocks(IReadOnlyList<PartBlock> blocks)
    {
        foreach (var (isTitleLevel, block) in blocks)
            if (isTitleLevel && _title is null) _title = block.Text;
            else _blocks.Add(block);
    }

    /// <summary>Adds text of the page, decoding its entities.</summary>
    public void Text(ReadOnlySpan<byte> text)
    {
        while (!text.IsEmpty)
        {
            var look = text.IndexOfAny(NeedALook);
            Plain(look < 0 ? text : text[..look]);
            if (look < 0) return;
            text = text[look..];
            if (text[0] == '&') text = text[Entity(text)..];
            else if (text[0] < 0x80)
            {
                Space();
                text = text[1..];
            }
            else
            {
                Rune.DecodeFromUtf8(text, out var rune, out var length);
                if (Rune.IsWhiteSpace(rune)) Space();
                else Word(text[..length]);
                text = text[length..];
            }
        }
    }

    /// <summary>Adds a space between two words (one of them in an element that splits words).</summary>
    public void Space() => _space = _length > 0;

    /// <summary>Ends the block being read: it becomes the page's title (the first level-1 heading's), a heading
    /// or a block of body text; an empty one is dropped.</summary>
    public void EndBlock()
    {
        var length = _length;
        (_length, _space) = (0, false);
        if (length == 0) return;
        var block = Encoding.UTF8.GetString(_text, 0, length);
        if (!keepsTitle) _partBlocks.Add(new PartBlock(HeadingLevel == 1, new TextBlock(HeadingLevel > 0, block)));
        else if (HeadingLevel == 1 && _title is null) _title = block;
        else _blocks.Add(new TextBlock(HeadingLevel > 0, block));
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_text);
        _text = [];
    }

    /// <summary>Adds ASCII text whose only white space is the space.</summary>
    private void Plain(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty) return;
        if (text[0] == ' ') Space();
        var words = text.Trim((byte)' ');
        if (words.IsEmpty) return;
        if (words.IndexOf("  "u8) < 0) Word(words);
        else
        {
            var first = true;
            foreach (var range in words.Split((byte)' '))
            {
                if (!first) Space();
                first = false;
                if (!words[range].IsEmpty) Word(words[range]);
            }
        }
        if (text[^1] == ' ') Space();
    }

    /// <summary>Decodes the entity that <paramref name="text"/> starts with, or takes its <c>&amp;</c> as it is;
    /// gives how many bytes it took.</summary>
    private int Entity(ReadOnlySpan<byte> text)
    {
        var semicolon = text[..CharsLength(text, MaxEntity)].IndexOf((byte)';');
        if (semicolon < 0)
        {
            Word("&"u8);
            return 1;
        }
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in DecodedEntities.Of(text[..(semicolon + 1)]).EnumerateRunes())
            if (Rune.IsWhiteSpace(rune)) Space();
            else Word(bytes[..rune.EncodeToUtf8(bytes)]);
        return semicolon + 1;
    }

    /// <summary>How many bytes of UTF-8 text make its first <paramref name="chars"/> UTF-16 characters (or all
    /// of it, when it has fewer).</summary>
    private static int CharsLength(ReadOnlySpan<byte> text, int chars)
    {
        var i = 0;
        while (i < text.Length && chars > 0)
        {
            chars -= text[i] >= 0xF0 ? 2 : 1; // four bytes are two UTF-16 characters
            i++;
            while (i < text.Length && (text[i] & 0xC0) == 0x80) i++; // the rest of the character's bytes
        }
        return i;
    }

    /// <summary>Adds characters that are not white space, after a space if white space came before them.</summary>
    private void Word(ReadOnlySpan<byte> word)
    {
        if (_length + word.Length + 1 > _text.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_text.Length * 2, _length + word.Length + 1));
            _text.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_text);
            _text = larger;
        }
        if (_space) _text[_length++] = (byte)' ';
        _space = false;
        word.CopyTo(_text.AsSpan(_length));
        _length += word.Length;
    }
}
