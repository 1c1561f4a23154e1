using KropotkinSite.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace KropotkinSite.Tests.Docs;

/// <summary>
/// The recipes of docs/hosting.md work: each build command it shows runs, and the GitHub Pages workflow's build
/// line, given what GitHub's configure-pages step answers for a project site and for a user site, builds a site
/// whose canonical links are at GitHub's address.
/// </summary>
public sealed class HostingRecipeTests
{
    private static string Docs => Path.Combine(Repository.Root, "docs");

    [Fact]
    public void Every_build_command_in_the_hosting_guide_runs()
    {
        var builds = DocumentedCommands.In(Path.Combine(Docs, "hosting.md"))
            .Select(DocumentedCommands.GeneratorArguments).OfType<string[]>().ToList();
        Assert.True(builds.Count >= 4);
        foreach (var arguments in builds)
        {
            using var site = TestSite.Minimal();
            site.BuildSuccessfully(arguments);
        }
    }

    [Theory]
    [InlineData("/kropotkin", "https://someone.github.io/kropotkin", "https://someone.github.io/kropotkin/")]
    [InlineData("", "https://someone.github.io", "https://someone.github.io/")]
    public void The_github_pages_workflow_builds_for_the_address_github_gives(
        string basePath, string baseUrl, string home)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(Docs, "github-pages.yml"))));
        var steps = (YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode)["jobs"]["build"]["steps"];
        var build = steps.Cast<YamlMappingNode>()
            .Single(s => s.Children.TryGetValue("name", out var n) && n.ToString() == "Build the site");
        var line = build["run"].ToString()
            .Replace("${{ steps.pages.outputs.base_path }}", basePath, StringComparison.Ordinal)
            .Replace("${{ steps.pages.outputs.base_url }}", baseUrl, StringComparison.Ordinal);
        var arguments = DocumentedCommands.GeneratorArguments(line);
        Assert.NotNull(arguments);
        using var site = TestSite.Minimal();
        site.BuildSuccessfully(arguments);
        Assert.Equal(home, site.Page("index.html").QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Contains($"Sitemap: {home}sitemap.xml", site.ReadOutput("robots.txt"));
    }
}
