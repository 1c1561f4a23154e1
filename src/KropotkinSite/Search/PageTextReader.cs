using System.Net;
using System.Text;

namespace KropotkinSite.Search;

/// <summary>
/// Reads the text a reader searches from a written page: what is inside its <c>main</c> element (the whole page
/// when it has none), without navigation, forms, scripts, styles, SVG, or anything marked
/// <c>data-search-ignore</c> (such as the list of pages that mention it). The first <c>h1</c> is the title; the
/// other headings and the body come in reading order, split into blocks where a block element starts or ends.
/// The pages are the generator's own output, valid HTML, so a small scanner does: no tree is built.
/// </summary>
public static class PageTextReader
{
    /// <summary>Elements whose text is not the page's own.</summary>
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "nav", "header", "footer", "form", "script", "style", "template", "noscript", "svg", "math", "button", "select",
        "textarea",
    };

    /// <summary>Elements inside a word or a sentence: they neither split a word nor end a block.</summary>
    private static readonly HashSet<string> Inline = new(StringComparer.Ordinal)
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q", "s", "samp",
        "small",
        "span", "strong", "time", "u", "var",
    };

    /// <summary>Elements that split words but not blocks.</summary>
    private static readonly HashSet<string> Spacing = new(StringComparer.Ordinal) { "br", "wbr", "sup", "sub", "img" };

    private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    public static PageText Read(string html)
    {
        var (start, end) = MainOf(html);
        var blocks = new List<TextBlock>();
        string? title = null;
        var text = new StringBuilder();
        var headingLevel = 0; // inside h1 … h6

        void Flush()
        {
            var block = Collapse(WebUtility.HtmlDecode(text.ToString()));
            text.Clear();
            if (block.Length == 0) return;
            if (headingLevel == 1 && title is null) title = block;
            else blocks.Add(new TextBlock(headingLevel > 0, block));
        }

        var i = start;
        while (i < end)
        {
            var lt = html.IndexOf('<', i, end - i);
            if (lt < 0) lt = end;
            text.Append(html, i, lt - i);
            if (lt >= end) break;
            if (html.AsSpan(lt).StartsWith("<!--"))
            {
                var close = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                i = close < 0 ? end : close + 3;
                continue;
            }
            var tag = ReadTag(html, lt, end);
            i = tag.End;
            if (tag.Name.Length == 0) { text.Append('<'); i = lt + 1; continue; }
            if (!tag.IsEnd && (Skipped.Contains(tag.Name) || tag.Ignored))
            {
                if (!tag.SelfClosing && !Void.Contains(tag.Name)) i = AfterElement(html, tag.Name, i, end);
                text.Append(' ');
                continue;
            }
            if (Inline.Contains(tag.Name)) continue;
            if (Spacing.Contains(tag.Name)) { text.Append(' '); continue; }
            Flush();
            if (tag.Name is ['h', >= '1' and <= '6']) headingLevel = tag.IsEnd ? 0 : tag.Name[1] - '0';
        }
        Flush();
        return new PageText(title ?? "", blocks);
    }

    /// <summary>Where the content of the <c>main</c> element begins and ends; the whole text when there is none.
    /// </summary>
    private static (int Start, int End) MainOf(string html)
    {
        var open = html.IndexOf("<main", StringComparison.Ordinal);
        if (open < 0) return (0, html.Length);
        var start = html.IndexOf('>', open) + 1;
        var close = html.LastIndexOf("</main>", StringComparison.Ordinal);
        return start <= 0 || close < start ? (0, html.Length) : (start, close);
    }

    private readonly record struct Tag(string Name, bool IsEnd, bool SelfClosing, bool Ignored, int End);

    /// <summary>The tag starting at <paramref name="lt"/>: its lower-case name (empty when it is not a tag), and where
    /// it ends.</summary>
    private static Tag ReadTag(string html, int lt, int end)
    {
        var i = lt + 1;
        var isEnd = i < end && html[i] == '/';
        if (isEnd) i++;
        var nameStart = i;
        while (i < end && (char.IsAsciiLetterOrDigit(html[i]) || html[i] == '-')) i++;
        if (i == nameStart || !char.IsAsciiLetter(html[nameStart])) return new Tag("", false, false, false, lt + 1);
        var name = html[nameStart..i].ToLowerInvariant();
        // To the closing '>', stepping over quoted attribute values.
        char quote = '\0';
        var attributesStart = i;
        for (; i < end; i++)
        {
            var c = html[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; }
            else if (c is '"' or '\'') quote = c;
            else if (c == '>') break;
        }
        var attributes = html.AsSpan(attributesStart, i - attributesStart);
        var selfClosing = attributes.TrimEnd().EndsWith("/");
        var ignored = attributes.Contains("data-search-ignore", StringComparison.Ordinal);
        return new Tag(name, isEnd, selfClosing, ignored, Math.Min(i + 1, end));
    }

    /// <summary>Where an element that opened before <paramref name="from"/> ends, counting nested ones of its name.
    /// </summary>
    private static int AfterElement(string html, string name, int from, int end)
    {
        var depth = 1;
        var i = from;
        while (i < end)
        {
            var lt = html.IndexOf('<', i, end - i);
            if (lt < 0) return end;
            var tag = ReadTag(html, lt, end);
            i = tag.Name.Length == 0 ? lt + 1 : tag.End;
            if (tag.Name != name || tag.SelfClosing) continue;
            depth += tag.IsEnd ? -1 : 1;
            if (depth == 0) return i;
        }
        return end;
    }

    /// <summary>Whitespace runs to one space, trimmed.</summary>
    private static string Collapse(string text)
    {
        var collapsed = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) { space = collapsed.Length > 0; continue; }
            if (space) collapsed.Append(' ');
            space = false;
            collapsed.Append(c);
        }
        return collapsed.ToString();
    }
}
