namespace KropotkinSite.Preview;

/// <summary>What a request path resolves to in the served site.</summary>
public abstract record Resolution
{
    public sealed record File(string Key) : Resolution;
    public sealed record Redirect(string Location) : Resolution;
    public sealed record NotFound : Resolution;
}
