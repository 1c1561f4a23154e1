using System.Security.Cryptography;
using System.Text;

namespace KropotkinSite.Content;

/// <summary>A short fixed-length stand-in for a long text, for keys that are compared and kept, never read.</summary>
public static class TextHash
{
    /// <summary>The SHA-256 of the text's UTF-8 bytes, in hex.</summary>
    public static string Of(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
