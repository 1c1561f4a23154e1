namespace KropotkinSite.Content;

/// <summary>The kinds of page the site builds; a layout is chosen by kind unless the page names one.</summary>
public static class PageKinds
{
    public const string Home = "home";
    public const string Section = "section";
    public const string Page = "page";
    public const string Work = "work";
    public const string WorksIndex = "works-index";
    public const string Timeline = "timeline";
    public const string Places = "places";
    public const string NotFound = "not-found";
    public const string Search = "search";
}
