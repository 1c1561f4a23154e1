namespace KropotkinSite.Engine;

/// <summary>
/// An immutable unit of work flowing through pipelines: where it came from, where it goes, what is known
/// about it and its content. Modules never change a document; they return new ones.
/// </summary>
/// <param name="Source">Full path of the file it was read from, or empty for a generated document.</param>
/// <param name="Destination">Path relative to the output folder, with '/' separators; empty when not written.</param>
public sealed record Document(
    string Source,
    string Destination,
    DocumentMetadata Metadata,
    ReadOnlyMemory<byte> Content)
{
    /// <summary>For a document read from a file: its path below the folder it was read from, with '/'.</summary>
    public const string RelativePath = "relativePath";

    public static Document Create(string source, string destination, ReadOnlyMemory<byte> content) =>
        new(source, destination, DocumentMetadata.Empty, content);

    /// <summary>A file's bytes as a document that is not written anywhere yet.</summary>
    public static Document FromFile(string fullPath, string relativePath, ReadOnlyMemory<byte> content) =>
        Create(fullPath, "", content).With(RelativePath, relativePath);

    public T? Get<T>(string key) => Metadata.TryGetValue(key, out var value) && value is T typed ? typed : default;

    public T Require<T>(string key) where T : class =>
        Get<T>(key) ?? throw new InvalidOperationException(
            $"Document '{Source}{Destination}' has no metadata '{key}' of type {typeof(T).Name}.");

    public bool Has(string key) => Metadata.ContainsKey(key);

    public Document With(string key, object? value) => this with { Metadata = Metadata.SetItem(key, value) };

    /// <summary>The document without a piece of metadata, so what no later module needs is not held in
    /// memory.</summary>
    public Document Without(string key) => this with { Metadata = Metadata.Remove(key) };

    public Document WithContent(string text) => this with { Content = System.Text.Encoding.UTF8.GetBytes(text) };

    public Document WithContent(ReadOnlyMemory<byte> bytes) => this with { Content = bytes };

    public Document WithDestination(string destination) => this with { Destination = destination };
}
