using System.Security.Cryptography;
using KropotkinSite.Engine;

namespace KropotkinSite.Modules;

/// <summary>
/// Routes static files to the same relative path, except stylesheets and scripts, which get a content hash
/// in their name (<c>assets/site.3f2a9c1b0d.css</c>) so hosts can cache them for a year. Sets <c>assetPath</c>
/// to the path before hashing, so templates can look the final name up.
/// </summary>
public sealed record FingerprintAssets : IModule
{
    public const string AssetPath = "assetPath";

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context) =>
        context.Map(inputs, static (document, context) =>
        {
            var relative = document.Require<string>(ReadFiles.RelativePath);
            var destination = IsFingerprinted(relative) ? WithHash(relative, document.Content.Span) : relative;
            return document.WithDestination(destination).With(AssetPath, relative);
        });

    public static bool IsFingerprinted(string path) =>
        path.EndsWith(".css", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".js", StringComparison.OrdinalIgnoreCase);

    private static string WithHash(string path, ReadOnlySpan<byte> content)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(content))[..10];
        var extension = Path.GetExtension(path);
        return path[..^extension.Length] + "." + hash + extension;
    }
}
