using Markdig.Renderers;

namespace KropotkinSite.Markdown;

/// <summary>
/// An HTML renderer into a string buffer that renders page after page, so that its renderers for each kind of
/// Markdown element are made once rather than for every page. Only a render that ended normally leaves it ready
/// for the next page: one that threw part way may keep state, such as leaving out paragraph tags.
/// </summary>
public sealed class ReusableHtmlRenderer(StringWriter writer) : HtmlRenderer(writer)
{
    public System.Text.StringBuilder Buffer => writer.GetStringBuilder();

    /// <summary>Empties the buffer and resets what a whole render leaves behind (indentation, line start).</summary>
    public void Clear() => Reset();
}
