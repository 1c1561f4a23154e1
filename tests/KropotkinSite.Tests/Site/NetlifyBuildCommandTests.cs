using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.Site;

/// <summary>
/// netlify.toml's build command passes the address of each deploy as --base-url: $URL in production,
/// $DEPLOY_PRIME_URL for deploy previews and branch deploys, nothing outside Netlify. The command runs in bash
/// as Netlify runs it, with <c>dotnet</c> standing in as a shell function that prints what it was asked.
/// </summary>
public sealed class NetlifyBuildCommandTests
{
    [Theory]
    [InlineData("production", "https://kropotkin.netlify.app", "https://main--kropotkin.netlify.app", "https://kropotkin.netlify.app")]
    [InlineData("deploy-preview", "https://kropotkin.netlify.app", "https://deploy-preview-7--kropotkin.netlify.app", "https://deploy-preview-7--kropotkin.netlify.app")]
    [InlineData("branch-deploy", "https://kropotkin.netlify.app", "https://drafts--kropotkin.netlify.app", "https://drafts--kropotkin.netlify.app")]
    public void The_build_is_given_the_address_the_deploy_is_published_at(string context, string url, string primeUrl, string expected)
    {
        var arguments = RunBuildCommand(new() { ["CONTEXT"] = context, ["URL"] = url, ["DEPLOY_PRIME_URL"] = primeUrl });
        Assert.Equal(["run", "--project", "src/KropotkinSite", "-c", "Release", "--", "--base-url", expected], arguments);
    }

    [Fact]
    public void Outside_netlify_the_build_runs_without_an_address()
    {
        var arguments = RunBuildCommand([]);
        Assert.Equal(["run", "--project", "src/KropotkinSite", "-c", "Release", "--"], arguments);
    }

    private static string[] RunBuildCommand(Dictionary<string, string> environment)
    {
        var toml = File.ReadAllText(SiteCheckers.NetlifyToml);
        var start = toml.IndexOf("command = \"\"\"", StringComparison.Ordinal) + "command = \"\"\"".Length;
        var command = toml[start..toml.IndexOf("\"\"\"", start, StringComparison.Ordinal)].Replace("\\\\", "\\", StringComparison.Ordinal);
        const string StandIns = """
            dotnet() { if [ "$1" = --list-sdks ]; then echo "10.0.100 [/usr/share/dotnet/sdk]"; else printf '%s\n' "$@"; fi; }
            curl() { echo "curl must not run when an SDK is there" >&2; return 9; }
            """;
        var home = Directory.CreateTempSubdirectory("ks-netlify-home-").FullName;
        try
        {
            var info = new System.Diagnostics.ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(StandIns + "\n" + command);
            foreach (var name in new[] { "CONTEXT", "URL", "DEPLOY_PRIME_URL" }) info.Environment.Remove(name);
            foreach (var (name, value) in environment) info.Environment[name] = value;
            info.Environment["HOME"] = home;
            var run = TestTools.Run(info, TimeSpan.FromSeconds(30));
            Assert.True(run.ExitCode == 0, run.Stderr);
            return run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}
