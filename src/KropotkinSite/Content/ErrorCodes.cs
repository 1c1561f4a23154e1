namespace KropotkinSite.Content;

/// <summary>Every content error the build reports, one code per mistake an author can make.</summary>
public static class ErrorCodes
{
    public const string InvalidUtf8 = "KS0001";
    public const string YamlSyntax = "KS0002";
    public const string FrontMatterNotClosed = "KS0003";
    public const string FrontMatterNotMapping = "KS0004";
    public const string MissingKey = "KS0005";
    public const string WrongType = "KS0006";
    public const string UnknownKind = "KS0007";
    public const string InvalidDate = "KS0008";
    public const string UnknownLayout = "KS0009";
    public const string DuplicateAddress = "KS0010";
    public const string BrokenLink = "KS0011";
    public const string BrokenFragment = "KS0012";
    public const string MarkdownError = "KS0013";
    public const string TemplateError = "KS0014";
    public const string UnreadableFile = "KS0015";
    public const string SiteSettings = "KS0016";
    public const string DataFile = "KS0017";
    public const string UnknownEventPage = "KS0018";
    public const string InvalidValue = "KS0019";
    public const string UnknownPlace = "KS0020";
}
