using KropotkinSite.Content;
using KropotkinSite.Engine;
using YamlDotNet.RepresentationModel;

namespace KropotkinSite.Modules;

/// <summary>
/// Validates each page's front matter against the content model and routes it: sets <c>page</c>
/// (<see cref="PageInfo"/>), <c>url</c> and the destination. Drafts are dropped unless asked for. The parsed
/// front matter is not kept once read: <c>page</c> holds what it says.
/// </summary>
public sealed record ReadPageInfo(Func<string, bool> IsWork, bool IncludeDrafts) : IModule
{
    public const string Page = "page";
    public const string Url = "url";

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context) =>
        context.Map(inputs, (document, context) =>
        {
            var relative = document.Require<string>(ReadFiles.RelativePath);
            if (Routes.CharacterUnfitForAddress(relative) is { } unfit)
                throw new ContentException(new ContentError(document.Source, 1, 1, ErrorCodes.InvalidValue,
                    "the page's path has " +
                    $"{(char.IsControl(unfit) ? $"the control character U+{(int)unfit:X4}" : $"'{unfit}'")}, which " +
                    "its address cannot carry; rename it without #, ?, %, \\ or control characters"));
            var errors = new List<ContentError>();
            // Front matter starts on line 2 (after '---'); a file without any has its missing keys reported at line 1.
            var lineOffset = document.Get<int>(ParseFrontMatter.BodyLine) > 1 ? 1 : 0;
            var fields = new YamlFields(document.Require<YamlMappingNode>(ParseFrontMatter.FrontMatter),
                document.Source, lineOffset, errors);
            var page = PageInfoReader.Read(fields, document.Source, IsWork(relative), errors);
            foreach (var error in errors) context.Report(error);
            if (page is null || (page.Draft && !IncludeDrafts)) return null;
            var url = Routes.PageUrl(relative);
            return document.Without(ParseFrontMatter.FrontMatter).With(Page, page).With(Url,
                url).WithDestination(Routes.OutputPathOf(url));
        });
}
