using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.Browser;

/// <summary>
/// How the test tools decide what to install: the npm packages count as installed only when npm's record of
/// node_modules has every package of package-lock.json at its pinned version, and where apt cannot run the
/// tests get one line saying what to run.
/// </summary>
public sealed class TestToolsTests : IDisposable
{
    private readonly string _tools = Directory.CreateTempSubdirectory("ks-tools-").FullName;

    private const string Lock = """
        { "lockfileVersion": 3, "packages": {
          "": { "name": "tools" },
          "node_modules/axe-core": { "version": "4.14.1" },
          "node_modules/fsevents": { "version": "2.3.3", "optional": true },
          "node_modules/vnu-jar": { "version": "26.9.27" } } }
        """;

    /// <summary>npm's record of node_modules with axe-core at <paramref name="axeVersion"/>.</summary>
    private static string Record(string axeVersion) =>
        $$"""
        { "packages": { "node_modules/axe-core": { "version": "{{axeVersion}}" },
                        "node_modules/vnu-jar": { "version": "26.9.27" } } }
        """;

    private void LayOut(string installedRecord, bool withJar = true)
    {
        File.WriteAllText(Path.Combine(_tools, "package-lock.json"), Lock);
        Directory.CreateDirectory(Path.Combine(_tools, "node_modules"));
        File.WriteAllText(Path.Combine(_tools, "node_modules", ".package-lock.json"), installedRecord);
        var jar = Path.Combine(_tools, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        Directory.CreateDirectory(Path.GetDirectoryName(jar)!);
        if (withJar) File.WriteAllText(jar, "jar");
        else File.Delete(jar);
    }

    [Fact]
    public void Packages_laid_out_at_the_locked_versions_count_as_installed_without_the_optional_ones()
    {
        LayOut(Record("4.14.1"));
        Assert.True(TestTools.NpmPackagesInstalled(_tools));
    }

    [Fact]
    public void A_package_at_another_version_a_missing_one_or_a_missing_checker_means_installing_again()
    {
        LayOut(Record("4.10.0"));
        Assert.False(TestTools.NpmPackagesInstalled(_tools));
        LayOut("""{ "packages": { "node_modules/vnu-jar": { "version": "26.9.27" } } }""");
        Assert.False(TestTools.NpmPackagesInstalled(_tools));
        LayOut(Record("4.14.1"), withJar: false);
        Assert.False(TestTools.NpmPackagesInstalled(_tools));
        LayOut("not json");
        Assert.False(TestTools.NpmPackagesInstalled(_tools));
    }

    private const string Install = "apt-get install -y --no-install-recommends chromium nginx";

    [Fact]
    public void Where_the_tests_are_not_root_they_say_in_one_line_to_install_with_sudo()
    {
        Assert.Equal($"The tests need chromium, nginx: run `sudo {Install}` and then `dotnet test` again.",
            TestTools.WhyAptCannotInstall(["chromium", "nginx"], hasAptGet: true, privileged: false));
    }

    [Fact]
    public void Where_there_is_no_apt_get_the_tests_say_in_one_line_which_packages_to_install()
    {
        Assert.Equal("The tests need chromium, nginx and this machine has no apt-get: install Debian's packages " +
                     $"of them (`{Install}` on Debian) and run `dotnet test` again.",
            TestTools.WhyAptCannotInstall(["chromium", "nginx"], hasAptGet: false, privileged: true));
    }

    [Fact]
    public void As_root_with_apt_get_the_tests_install_by_themselves()
    {
        Assert.Null(TestTools.WhyAptCannotInstall(["chromium"], hasAptGet: true, privileged: true));
    }

    public void Dispose() => Directory.Delete(_tools, recursive: true);
}
