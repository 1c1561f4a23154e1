namespace KropotkinSite.Engine;

/// <summary>A bug met while building (not a content mistake), still reported in the parseable form.</summary>
public static class InternalError
{
    public const string Code = "KS9000";

    public static ContentError Of(string file, Exception exception, string? module = null) =>
        new(file, 1, 1, Code, $"internal error{(module is null ? "" : " in module " + module)}: " +
            $"{exception.GetType().Name}: {exception.Message} (please report this)");
}
