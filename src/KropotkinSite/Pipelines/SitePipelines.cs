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
    /// <param name="inputFiles">The input folder's files (relative paths), listed once for the whole build.</param>
    public static IReadOnlyList<Pipeline> Create(BuildOptions options, ThemeFiles theme, LiquidLayouts layouts, IReadOnlyList<string> inputFiles)
    {
        var input = options.InputDirectory;
        var basePath = Urls.NormaliseBasePath(options.BasePath);
        var pageFiles = inputFiles.Where(path => Routes.IsMarkdown(path) && Routes.IsPublishable(path) && !theme.Overrides(path)).ToArray();

        IModule[] ReadPages(Func<string, bool> accept) =>
        [
            new ReadFiles(input, accept, pageFiles),
            new ParseFrontMatter(),
            new ReadPageInfo(SitePaths.IsWork, options.IncludeDrafts),
            new RenderMarkdown(basePath),
        ];

        return
        [
            new Pipeline(Data, new ReadFiles(input, SitePaths.IsData, inputFiles), new ReadData(),
                new ReadSiteModel(input, SitePaths.SettingsFile, SitePaths.TimelineDataFile, options.BaseUrl)),
            new Pipeline(Pages, [], ReadPages(p => !SitePaths.IsWork(p) && !SitePaths.IsIntroOfGeneratedPage(p))),
            new Pipeline(Works, [], ReadPages(SitePaths.IsWork)),
            new Pipeline(WorksIndex, [Works],
                [.. ReadPages(p => SitePaths.IsIntroOf(p, SitePaths.WorksUrl)), new GeneratePage(SitePaths.WorksUrl, PageKinds.WorksIndex, "Works")]),
            new Pipeline(Timeline, [Pages, Works, Data],
                [.. ReadPages(p => SitePaths.IsIntroOf(p, SitePaths.TimelineUrl)), new GeneratePage(SitePaths.TimelineUrl, PageKinds.Timeline, "Timeline"),
                 new CollectTimeline([Pages, Works], Data)]),
            new Pipeline(NotFound, [],
                [.. ReadPages(p => p == "404.md"), new GeneratePage(SitePaths.NotFoundUrl, PageKinds.NotFound, "Page not found", "There is no page at this address.")]),
            new Pipeline(Assets,
                new ReadFiles(theme.Assets),
                new ReadFiles(input, path => !Routes.IsMarkdown(path) && Routes.IsPublishable(path) && !theme.Overrides(path), inputFiles),
                new FingerprintAssets()) { IsOutput = true },
            new Pipeline(Render, [Pages, Works, WorksIndex, Timeline, NotFound, Data, Assets],
            [
                new Gather(Pages, Works, WorksIndex, Timeline, NotFound),
                new GenerateSectionPages(),
                new ApplyLayout(layouts, new SiteRendering(basePath, layouts, Data, Assets, Timeline).Prepare),
            ]) { IsOutput = true },
            new Pipeline(Sitemap, [Render, Data], [new GenerateSiteFiles(SiteRendering.Settings(Data), basePath, "favicon.svg", [Render])]) { IsOutput = true },
            new Pipeline(Links, [Render, Assets, Sitemap],
            [
                new Gather(Render, Assets, Sitemap),
                new CheckUniqueDestinations(),
                new ValidateLinks(basePath, pageFiles),
            ]),
        ];
    }
}
