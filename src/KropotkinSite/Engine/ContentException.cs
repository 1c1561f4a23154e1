namespace KropotkinSite.Engine;

/// <summary>Thrown by a module that cannot go on with a document; the engine turns it into a reported error.</summary>
public sealed class ContentException(ContentError error) : Exception(error.Message)
{
    public ContentError Error { get; } = error;
}
