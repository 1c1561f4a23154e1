using KropotkinSite.Content;
using KropotkinSite.Theme;

namespace KropotkinSite.Pipelines;

/// <summary>
/// Which files of the input folder a pipeline reads: Markdown pages (or, with <paramref name="Markdown"/> false, the
/// other files, copied as they are) that are published, that the theme does not claim, and that
/// <paramref name="Which"/> accepts. A value, so the pipelines made for the next run read the same files while the
/// theme's files are the same.
/// </summary>
public sealed record InputFilter(ThemeFiles Theme, bool Markdown, Func<string, bool> Which)
{
    public bool Accepts(string path) =>
        Routes.IsMarkdown(path) == Markdown && Routes.IsPublishable(path) && !Theme.Overrides(path) && Which(path);
}
