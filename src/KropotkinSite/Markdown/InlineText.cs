using Markdig.Syntax.Inlines;

namespace KropotkinSite.Markdown;

/// <summary>The plain text of Markdown inlines, for excerpts and headings.</summary>
public static class InlineText
{
    // Each thread builds every text in one buffer, so that a page's few texts cost only their strings.
    [ThreadStatic] private static System.Text.StringBuilder? t_text;

    public static string Of(ContainerInline? inline)
    {
        if (inline is null) return "";
        var text = t_text ??= new System.Text.StringBuilder();
        text.Clear();
        Append(inline, text);
        var start = 0;
        var end = text.Length;
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        var result = text.ToString(start, end - start);
        if (text.Capacity > KeptCapacity) t_text = null;
        return result;
    }

    private const int KeptCapacity = 64 * 1024;

    private static void Append(Inline inline, System.Text.StringBuilder text)
    {
        switch (inline)
        {
            case LiteralInline literal: text.Append(literal.Content.AsSpan()); break;
            case CodeInline code: text.Append(code.Content); break;
            case LineBreakInline: text.Append(' '); break;
            case Markdig.Extensions.SmartyPants.SmartyPant pant: text.Append(SmartText(pant.Type)); break;
            case ContainerInline container:
                foreach (var child in container) Append(child, text);
                break;
        }
    }

    private static string SmartText(Markdig.Extensions.SmartyPants.SmartyPantType type) => type switch
    {
        Markdig.Extensions.SmartyPants.SmartyPantType.LeftQuote => "\u2018",
        Markdig.Extensions.SmartyPants.SmartyPantType.RightQuote => "\u2019",
        Markdig.Extensions.SmartyPants.SmartyPantType.LeftDoubleQuote => "\u201C",
        Markdig.Extensions.SmartyPants.SmartyPantType.RightDoubleQuote => "\u201D",
        Markdig.Extensions.SmartyPants.SmartyPantType.Dash2 => "\u2013",
        Markdig.Extensions.SmartyPants.SmartyPantType.Dash3 => "\u2014",
        Markdig.Extensions.SmartyPants.SmartyPantType.Ellipsis => "\u2026",
        _ => "",
    };
}
