using KropotkinSite.Content;
using KropotkinSite.Engine;
using KropotkinSite.Html;
using KropotkinSite.Modules;
using KropotkinSite.Theme;
using static KropotkinSite.Pipelines.PipelineNames;

namespace KropotkinSite.Pipelines;

/// <summary>Which modules run in which pipeline, and what depends on what, for a site folder.</summary>
public static class SitePipelines
{
    /// <param name="theme">The theme's files, and those of the input that replace them.</param>
    /// <param name="inputFiles">The input folder's files (relative paths).</param>
    public static IReadOnlyList<Pipeline> Create(BuildOptions options, ThemeFiles theme,
        IReadOnlyList<string> inputFiles)
    {
        var input = options.InputDirectory;
        var basePath = Urls.NormaliseBasePath(options.BasePath);
        var pageFiles = inputFiles.Where(new InputFilter(theme, true, static _ => true).Accepts).ToArray();

        IModule[] ReadPages(Func<string, bool> accept) =>
        [
            new ReadFiles(input, new InputFilter(theme, true, accept).Accepts),
            new ParseFrontMatter(),
            new ReadPageInfo(SitePaths.IsWork, options.IncludeDrafts),
            new RenderMarkdown(basePath),
        ];

        return
        [
            new Pipeline(Layouts, new ReadTheme(options.ThemeDirectory, input)),
            new Pipeline(Data, new ReadFiles(input, SitePaths.IsData), new ReadData(),
                new ReadSiteModel(input, SitePaths.SettingsFile, SitePaths.TimelineDataFile, SitePaths.PlacesDataFile,
                    options.BaseUrl)),
            new Pipeline(Pages, [], ReadPages(p => !SitePaths.IsWork(p) && !SitePaths.IsIntroOfGeneratedPage(p))),
            new Pipeline(Works, [], ReadPages(SitePaths.IsWork)),
            new Pipeline(WorksIndex, [Works],
            [
                .. ReadPages(p => SitePaths.IsIntroOf(p, SitePaths.WorksUrl)),
                new GeneratePage(SitePaths.WorksUrl, PageKinds.WorksIndex, "Works"),
            ]),
            new Pipeline(Timeline, [Pages, Works, Data],
            [
                .. ReadPages(p => SitePaths.IsIntroOf(p, SitePaths.TimelineUrl)),
                new GeneratePage(SitePaths.TimelineUrl, PageKinds.Timeline, "Timeline"),
                new CollectTimeline([Pages, Works], Data),
            ]),
            new Pipeline(Places, [Timeline, Data],
            [
                .. ReadPages(p => SitePaths.IsIntroOf(p, SitePaths.PlacesUrl)),
                new GeneratePage(SitePaths.PlacesUrl, PageKinds.Places, "Places"),
                new CollectPlaces(Timeline, Data, SitePaths.PlacesDataFile),
            ]),
            new Pipeline(NotFound, [],
            [
                .. ReadPages(p => p == "404.md"),
                new GeneratePage(SitePaths.NotFoundUrl, PageKinds.NotFound, "Page not found",
                    "There is no page at this address."),
            ]),
            new Pipeline(SearchPage, [],
            [
                .. ReadPages(p => SitePaths.IsIntroOf(p, SitePaths.SearchUrl)),
                new GeneratePage(SitePaths.SearchUrl, PageKinds.Search, "Search",
                    "Find the pages of this site that tell of a name, a place, a work or an idea."),
            ]),
            new Pipeline(Assets,
                new ReadFiles(theme.Assets),
                new ReadFiles(input, new InputFilter(theme, false, static _ => true).Accepts),
                new FingerprintAssets()) { IsOutput = true },
            new Pipeline(Render,
                [Pages, Works, WorksIndex, Timeline, Places, NotFound, SearchPage, Data, Assets, Layouts],
            [
                new Gather(Pages, Works, WorksIndex, Timeline, Places, NotFound, SearchPage),
                new GenerateSectionPages(),
                new PrepareLayouts(basePath, Data, Assets, Timeline, Places, Layouts, SitePaths.TimelineUrl,
                    SitePaths.WorksUrl, SitePaths.PlacesUrl, SitePaths.SearchUrl, SitePaths.DataFolder),
                new RenderLayoutParts(Layouts),
                new ApplyLayout(Layouts),
            ]) { IsOutput = true },
            new Pipeline(Sitemap, [Render, Data],
                [new GenerateSiteFiles(Data, basePath, "favicon.svg", [Render])]) { IsOutput = true },
            new Pipeline(SearchIndex, [Render],
            [
                new Gather(Render),
                new ReadSearchText(basePath, [PageKinds.Search, PageKinds.NotFound]),
                new WriteSearchIndex(SitePaths.SearchFolder),
            ]) { IsOutput = true, MayLag = true },
            new Pipeline(Links, [Render, Assets, Sitemap, SearchIndex],
            [
                new Gather(Render, Assets, Sitemap, SearchIndex),
                new CheckUniqueDestinations(),
                new ValidateLinks(basePath, pageFiles, [SitePaths.SearchFolder]),
            ]),
        ];
    }
}
