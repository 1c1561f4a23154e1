namespace KropotkinSite.Pipelines;

/// <summary>The pipelines of a site build and what they make.</summary>
public static class PipelineNames
{
    public const string Layouts = "layouts";     // the theme's layouts and partials
    public const string Data = "data";           // _site.yml and _data/*.yml
    public const string Pages = "pages";         // every Markdown page outside works/
    public const string Works = "works";         // works/*.md
    public const string WorksIndex = "works-index";
    public const string Timeline = "timeline";
    public const string Places = "places";       // the places page: the timeline's places and the register
    public const string NotFound = "not-found";
    public const string SearchPage = "search-page"; // the page /search/ (its layout runs the search)
    public const string SearchIndex = "search-index"; // the search index, from every written page
    public const string Assets = "assets";       // theme and content files copied as they are
    public const string Render = "render";       // layouts applied to every page
    public const string Sitemap = "sitemap";
    public const string Links = "links";         // link validation over everything written
}
