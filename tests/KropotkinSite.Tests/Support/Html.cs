using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace KropotkinSite.Tests.Support;

/// <summary>Reads written pages with a real HTML parser.</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    public static IDocument Page(this TestSite site, string relativePath) => Parse(site.ReadOutput(relativePath));

    public static string[] Texts(this IDocument document, string selector) =>
        document.QuerySelectorAll(selector).Select(e => Normalise(e.TextContent)).ToArray();

    public static string[] Hrefs(this IDocument document, string selector) =>
        document.QuerySelectorAll(selector).Select(e => e.GetAttribute("href") ?? "").ToArray();

    public static string Normalise(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
