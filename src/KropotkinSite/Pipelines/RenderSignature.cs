using System.Security.Cryptography;
using System.Text.Json;

namespace KropotkinSite.Pipelines;

/// <summary>
/// A hash of a value as JSON, for the keys a preview session uses to tell which pages must be rendered again
/// (the site settings and navigation every page shows, a generated page's whole catalogue or timeline).
/// </summary>
public static class RenderSignature
{
    public static string Of(object value) => Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(value)));
}
