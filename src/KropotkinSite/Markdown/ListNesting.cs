namespace KropotkinSite.Markdown;

/// <summary>
/// Finds Markdown lists nested far deeper than Markdig renders (63 levels), before Markdig parses them: its
/// parse time grows with the cube of such nesting (a 3,000-line staircase took 80 s) and it gives up only at
/// the end. The count errs only high (it does not follow lazy continuation lines or indented code), so the
/// limit sits well above Markdig's own and a page it stops could never have been rendered.
/// </summary>
public static class ListNesting
{
    public const int Limit = 100;

    /// <summary>The 1-based line where lists begin to nest more than <see cref="Limit"/> deep, or null.</summary>
    public static int? LineTooDeep(string markdown)
    {
        var open = new Stack<int>(); // the indentation of each list marker still open
        var inFence = false;
        var number = 0;
        foreach (var line in markdown.AsSpan().EnumerateLines())
        {
            number++;
            var indent = Indentation(line, out var rest);
            if (rest.StartsWith("```") || rest.StartsWith("~~~")) inFence = !inFence;
            if (inFence || !StartsWithListMarker(rest)) continue;
            while (open.Count > 0 && open.Peek() >= indent) open.Pop();
            open.Push(indent);
            if (open.Count > Limit) return number;
        }
        return null;
    }

    private static int Indentation(ReadOnlySpan<char> line, out ReadOnlySpan<char> rest)
    {
        var columns = 0;
        var i = 0;
        for (; i < line.Length
            && line[i] is ' ' or '\t'; i++) columns = line[i] == '\t' ? columns + 4 - columns % 4 : columns + 1;
        rest = line[i..];
        return columns;
    }

    /// <summary><c>-</c>, <c>+</c> or <c>*</c>, or up to nine digits and <c>.</c> or <c>)</c>, then a space, a tab or
    /// the end of the line.</summary>
    private static bool StartsWithListMarker(ReadOnlySpan<char> text)
    {
        var digits = 0;
        while (digits < text.Length && digits < 10 && char.IsAsciiDigit(text[digits])) digits++;
        var marker = digits switch
        {
            0 => text.Length > 0 && text[0] is '-' or '+' or '*' ? 1 : 0,
            <= 9 => digits < text.Length && text[digits] is '.' or ')' ? digits + 1 : 0,
            _ => 0,
        };
        return marker > 0 && (marker == text.Length || text[marker] is ' ' or '\t');
    }
}
