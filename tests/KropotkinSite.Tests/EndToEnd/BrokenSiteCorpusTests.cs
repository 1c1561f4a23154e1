using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.EndToEnd;

/// <summary>
/// The corpus of hostile and broken sites in Sites/broken/: each case is laid over a copy of Sites/minimal
/// (its <c>input/</c> files replace or join the minimal site's) and its <c>expected.txt</c> says what must
/// happen. A broken case must report exactly the listed errors, at those files, lines and columns, exit 1 and
/// leave the output of the previous build byte for byte as it was; an odd but valid case (<c>builds</c>) must
/// build, write the listed files and build again to the same bytes.
/// </summary>
public sealed class BrokenSiteCorpusTests
{
    public static string Folder => Path.Combine(Repository.Sites, "broken");

    public static TheoryData<string> BrokenCases => new(CaseNames(valid: false));

    public static TheoryData<string> ValidCases => new(CaseNames(valid: true));

    [Fact]
    public void The_corpus_has_at_least_forty_broken_sites_and_covers_every_content_error_code()
    {
        var broken = CaseNames(valid: false);
        Assert.True(broken.Length >= 40, $"only {broken.Length} broken sites");
        var codes = broken.SelectMany(name => CorpusCase.Load(name).Errors).Select(e => e.Split(' ')[^1]).ToHashSet();
        var documented = Enumerable.Range(1, 20).Select(n => $"KS{n:D4}");
        // KS0001 (invalid UTF-8) and KS0015 (unreadable files) need bytes or file kinds git cannot keep:
        // GeneratedHostileInputTests.
        Assert.Empty(documented.Except(codes).Except(["KS0001", "KS0015"]));
    }

    [Theory]
    [MemberData(nameof(BrokenCases))]
    public void A_broken_site_reports_exactly_its_expected_errors_and_leaves_the_previous_output_untouched(string name)
    {
        var @case = CorpusCase.Load(name);
        using var site = TestSite.FromFixture("minimal");
        site.BuildSuccessfully();
        var before = site.Snapshot();
        @case.LayOver(site);

        var run = site.Build();

        var errors = BuildPromises.AssertFailedCleanly(site, run, before, name);
        Assert.Equal(@case.Errors.Order(StringComparer.Ordinal),
            errors.Select(e => e.Key).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ValidCases))]
    public void An_odd_but_valid_site_builds_completely_and_deterministically(string name)
    {
        var @case = CorpusCase.Load(name);
        using var site = TestSite.FromFixture("minimal");
        @case.LayOver(site);

        var run = site.Build();
        Assert.True(run.ExitCode == 0, $"{name} did not build:\n{run.Stderr}");
        foreach (var file in @case.Writes) Assert.True(site.OutputExists(file), $"{name}: {file} was not written");
        var first = site.Snapshot();
        site.BuildSuccessfully();
        BuildPromises.AssertSameFiles(first, site.Snapshot(), name + " (second build)");
        BuildPromises.AssertNothingBesideOutput(site, name);
    }

    private static string[] CaseNames(bool valid) =>
        Directory.GetDirectories(Folder).Select(Path.GetFileName).OfType<string>()
            .Where(name => CorpusCase.Load(name).Builds == valid)
            .Order(StringComparer.Ordinal).ToArray();

    /// <summary>A case of the corpus: its files, the files it deletes from the minimal site, and what must
    /// happen.</summary>
    private sealed record CorpusCase(string Name, bool Builds, IReadOnlyList<string> Errors,
        IReadOnlyList<string> Writes, IReadOnlyList<string> Deletes)
    {
        public static CorpusCase Load(string name)
        {
            var lines = File.ReadAllLines(Path.Combine(Folder, name, "expected.txt"))
                .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
            var builds = lines.Contains("builds");
            var errors = lines.Where(l => l.Contains(": error KS", StringComparison.Ordinal)).ToArray();
            var writes = lines.Where(l => l.StartsWith("writes ",
                StringComparison.Ordinal)).Select(l => l["writes ".Length..]).ToArray();
            var deletes = lines.Where(l => l.StartsWith("delete ",
                StringComparison.Ordinal)).Select(l => l["delete ".Length..]).ToArray();
            Assert.True(builds != (errors.Length > 0), $"{name}/expected.txt must either say 'builds' or list errors");
            return new CorpusCase(name, builds, errors, writes, deletes);
        }

        public void LayOver(TestSite site)
        {
            var input = Path.Combine(Folder, Name, "input");
            if (Directory.Exists(input)) TestSite.CopyDirectory(input, site.Input, overwrite: true);
            foreach (var file in Deletes) site.Delete(file);
        }
    }
}
