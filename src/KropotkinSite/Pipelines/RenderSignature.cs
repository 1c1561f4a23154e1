using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using KropotkinSite.Content;

namespace KropotkinSite.Pipelines;

/// <summary>
/// A hash of everything a layout sees for one page, so a preview session re-renders only pages whose view
/// changed. The page body enters through the fingerprint of its source file (the body is a function of it),
/// or through its own hash for generated pages, rather than by serialising large HTML strings.
/// </summary>
public static class RenderSignature
{
    private static readonly JsonSerializerOptions Options = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { SkipBodies } },
    };

    /// <summary>A hash of values every page shares (the site, the navigation), computed once per build.</summary>
    public static string OfShared(object value) => Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(value, Options)));

    /// <param name="shared">From <see cref="OfShared"/>, plus whatever picks the page's own view of the shared values.</param>
    public static string Of(string shared, PageView view, string? sourceFingerprint, string body)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(view, Options);
        var bodyIdentity = sourceFingerprint ?? Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        return bodyIdentity + ":" + shared + ":" + Convert.ToHexString(SHA256.HashData(json));
    }

    private static void SkipBodies(JsonTypeInfo type)
    {
        if (type.Type != typeof(PageView) && type.Type != typeof(LayoutModel)) return;
        for (var i = type.Properties.Count - 1; i >= 0; i--)
            if (type.Properties[i].Name == "Content") type.Properties.RemoveAt(i);
    }
}
