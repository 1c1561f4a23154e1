using System.Text;

namespace KropotkinSite.Theme;

/// <summary>A part of a page laid out on its own (<see cref="LayoutPart"/>): its HTML, and that HTML as UTF-8, which
/// the page's bytes take as they are wherever the page's layout writes the part.</summary>
public sealed record RenderedPart(string Html, byte[] Utf8)
{
    public static RenderedPart Of(string html) => new(html, Encoding.UTF8.GetBytes(html));
}
