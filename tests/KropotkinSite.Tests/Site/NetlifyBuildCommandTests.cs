using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.Site;

/// <summary>
/// netlify.toml's build command passes the address of each deploy as --base-url: $URL in production,
/// $DEPLOY_PRIME_URL for deploy previews and branch deploys, nothing outside Netlify. The command runs in bash
/// as Netlify runs it, with <c>dotnet</c> standing in as a shell function that prints what it was asked.
/// </summary>
public sealed class NetlifyBuildCommandTests
{
    [Fact]
    public void A_production_build_is_given_the_site_s_address()
    {
        var arguments = RunBuildCommand(Netlify("production", "https://main--kropotkin.netlify.app"));
        Assert.Equal([.. Build, "--base-url", Production], arguments);
    }

    [Theory]
    [InlineData("deploy-preview", "https://deploy-preview-7--kropotkin.netlify.app")]
    [InlineData("branch-deploy", "https://drafts--kropotkin.netlify.app")]
    public void A_preview_or_branch_build_is_given_its_own_address(string context, string primeUrl)
    {
        var arguments = RunBuildCommand(Netlify(context, primeUrl));
        Assert.Equal([.. Build, "--base-url", primeUrl], arguments);
    }

    /// <summary>The variables Netlify sets for a build in <paramref name="context"/>.</summary>
    private static Dictionary<string, string> Netlify(string context, string primeUrl) =>
        new() { ["CONTEXT"] = context, ["URL"] = Production, ["DEPLOY_PRIME_URL"] = primeUrl };

    private const string Production = "https://kropotkin.netlify.app";
    private static readonly string[] Build = ["run", "--project", "src/KropotkinSite", "-c", "Release", "--"];

    [Fact]
    public void Outside_netlify_the_build_runs_without_an_address()
    {
        var arguments = RunBuildCommand([]);
        Assert.Equal(Build, arguments);
    }

    private static string[] RunBuildCommand(Dictionary<string, string> environment)
    {
        var toml = File.ReadAllText(SiteCheckers.NetlifyToml);
        var start = toml.IndexOf("command = \"\"\"", StringComparison.Ordinal) + "command = \"\"\"".Length;
        var end = toml.IndexOf("\"\"\"", start, StringComparison.Ordinal);
        var command = toml[start..end].Replace("\\\\", "\\", StringComparison.Ordinal); // TOML's escaped backslash
        const string StandIns = """
            dotnet() {
              if [ "$1" = --list-sdks ]; then echo "10.0.100 [/usr/share/dotnet/sdk]"; else printf '%s\n' "$@"; fi
            }
            curl() { echo "curl must not run when an SDK is there" >&2; return 9; }
            """;
        var home = Directory.CreateTempSubdirectory("ks-netlify-home-").FullName;
        try
        {
            var info = new System.Diagnostics.ProcessStartInfo("bash");
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
