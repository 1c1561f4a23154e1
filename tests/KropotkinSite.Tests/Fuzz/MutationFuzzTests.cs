using System.Diagnostics;
using System.Globalization;
using KropotkinSite.IO;
using KropotkinSite.Pipelines;
using KropotkinSite.Tests.Support;
using Xunit.Abstractions;

namespace KropotkinSite.Tests.Fuzz;

/// <summary>
/// Seeded random mutations of valid files (pages, settings, data and layouts of Sites/minimal and of the
/// project's input/), each built in-process through the public command line with a time limit. Every build must
/// either succeed with complete, deterministic output, or fail with errors in the <c>file(line,col): error
/// KSnnnn: message</c> form and the previous output untouched; never crash, report an internal error, hang, or
/// write anything outside the output folder.
/// </summary>
/// <remarks>
/// KS_FUZZ_INPUTS sets how many inputs (default 1000 when CI=true, 2000 otherwise), KS_FUZZ_SEED the seed
/// (default 8), KS_FUZZ_TIMEOUT_SECONDS the limit per build (default 60: it tells a hang from a slow build, and
/// a shared 2-core machine under load made single builds take over 10 s).
/// </remarks>
[Trait("Category", "Slow")]
public sealed class MutationFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Mutated_sites_build_completely_or_fail_cleanly_without_crash_hang_internal_error_or_stray_writes()
    {
        var inputs = Setting("KS_FUZZ_INPUTS", Environment.GetEnvironmentVariable("CI") == "true" ? 1000 : 2000);
        var seed = Setting("KS_FUZZ_SEED", 8);
        var timeout = TimeSpan.FromSeconds(Setting("KS_FUZZ_TIMEOUT_SECONDS", 60));
        var only = Setting("KS_FUZZ_ONLY",
            -1); // replays one input of a run (the mutations before it are made, not built)
        var random = new Random(seed);
        var mutator = new Mutator(random);
        using var minimal = new FuzzSite(Path.Combine(Repository.Sites, "minimal"));
        using var project = new FuzzSite(Repository.Input);
        var errorsByCode = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var failedBuilds = new SortedDictionary<string, int>(StringComparer.Ordinal); // by first error code
        int succeeded = 0, failed = 0;
        var slowest = TimeSpan.Zero;
        var slowestWhat = "";
        var stopwatch = Stopwatch.StartNew();

        for (var n = 0; n < inputs; n++)
        {
            // Most inputs mutate the small site (fast); one in eight the project's whole content.
            var site = random.Next(8) == 0 ? project : minimal;
            var file = site.PickFile(random);
            var mutated = mutator.Mutate(site.Original(file));
            var what = $"input {n} (seed {seed}; replay with KS_FUZZ_SEED={seed} KS_FUZZ_ONLY={n}): " +
                $"{site.Name}/{file}: {mutator.Describe}";
            if (only >= 0 && n != only) continue;
            site.Write(file, mutated);

            var outputBefore = site.OutputSnapshot;
            var inputBefore = TestSite.SnapshotOf(site.Input);
            var build = Task.Run(site.Build);
            if (await Task.WhenAny(build, Task.Delay(timeout)) != build)
                Fail(what, mutated, $"the build did not finish within {timeout.TotalSeconds} s");
            if (build.IsFaulted)
                Fail(what, mutated, $"the build threw {build.Exception!.InnerException}");
            var (run, elapsed) = await build;
            if (elapsed > slowest) (slowest, slowestWhat) = (elapsed, what);

            try
            {
                BuildPromises.AssertSameFiles(inputBefore, TestSite.SnapshotOf(site.Input),
                    what + ": the input changed");
                BuildPromises.AssertNothingBesideOutput(site.Site, what);
                if (run.ExitCode == 0)
                {
                    Assert.Empty(ReportedError.Parse(run.Stderr, site.Input));
                    site.AssertOutputIsCompleteAndDeterministic(what);
                    succeeded++;
                }
                else
                {
                    var errors = BuildPromises.AssertFailedCleanly(site.Site, run, outputBefore, what);
                    foreach (var error in errors)
                        errorsByCode[error.Code] = errorsByCode.GetValueOrDefault(error.Code) + 1;
                    failedBuilds[errors[0].Code] = failedBuilds.GetValueOrDefault(errors[0].Code) + 1;
                    failed++;
                }
            }
            catch (Exception e) when (e is Xunit.Sdk.XunitException)
            {
                Fail(what, mutated, e.Message + "\n" + run.Stderr);
            }
            site.Restore(file);
        }

        output.WriteLine($"Fuzzed {inputs} mutated inputs (seed {seed}) in {stopwatch.Elapsed.TotalSeconds:F1} s: " +
            $"{succeeded} built, {failed} failed cleanly, 0 crashes, 0 hangs, 0 internal errors.");
        output.WriteLine($"Mutated inputs per site: {minimal.Name} {minimal.Builds - 1}, {project.Name} " +
            $"{project.Builds - 1}.");
        output.WriteLine("Failed builds by their first error: " + string.Join(", ",
            failedBuilds.Select(p => $"{p.Key} {p.Value}")));
        output.WriteLine("Errors reported, by code: " + string.Join(", ",
            errorsByCode.Select(p => $"{p.Key} {p.Value}")));
        output.WriteLine($"Slowest build: {slowest.TotalMilliseconds:F0} ms, {slowestWhat}");
        if (only >= 0) return;
        Assert.True(succeeded > inputs / 20,
            $"only {succeeded} of {inputs} mutated sites built: the mutations no longer leave valid inputs");
        Assert.True(failed > inputs / 4,
            $"only {failed} of {inputs} mutated sites failed: the mutations no longer reach the errors");
    }

    private void Fail(string what, byte[] mutated, string problem)
    {
        output.WriteLine($"{what}\n{problem}\nThe mutated file, base64: {Convert.ToBase64String(mutated)}");
        Assert.Fail($"{what}\n{problem}");
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture,
            out var value) && value >= 0 ? value : fallback;

    /// <summary>A site folder reused for every input: one file is mutated, built, checked, and put back.</summary>
    private sealed class FuzzSite : IDisposable
    {
        private readonly Dictionary<string, byte[]> _originals;
        private readonly string[] _files;

        public FuzzSite(string from)
        {
            Name = Path.GetRelativePath(Repository.Root, from).Replace('\\', '/');
            Site = TestSite.Empty();
            TestSite.CopyDirectory(from, Site.Input);
            Directory.CreateDirectory(Path.Combine(Site.Input, "layouts"));
            _originals = TestSite.SnapshotOf(Site.Input).Where(p => p.Key.EndsWith(".md", StringComparison.Ordinal)
                || p.Key.EndsWith(".yml", StringComparison.Ordinal))
                .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            // The theme's layouts, mutated as a site's own overrides of them.
            foreach (var layout in Directory.GetFiles(Path.Combine(Site.Theme, "layouts"),
                "*.liquid").Order(StringComparer.Ordinal))
                _originals["layouts/" + Path.GetFileName(layout)] = File.ReadAllBytes(layout);
            _files = [.. _originals.Keys.Order(StringComparer.Ordinal)];
            Assert.True(Build().Run.ExitCode == 0, $"{Name} does not build before any mutation");
            OutputSnapshot = Site.Snapshot();
        }

        public string Name { get; }
        public TestSite Site { get; }
        public string Input => Site.Input;
        public int Builds { get; private set; }
        public SortedDictionary<string, byte[]> OutputSnapshot { get; private set; }

        /// <summary>A page or data file nine times in ten, else a layout.</summary>
        public string PickFile(Random random)
        {
            var layouts = _files.Where(f => f.StartsWith("layouts/", StringComparison.Ordinal)).ToArray();
            var content = _files.Except(layouts).ToArray();
            return random.Next(10) == 0 ? layouts[random.Next(layouts.Length)] : content[random.Next(content.Length)];
        }

        public byte[] Original(string file) => _originals[file];

        public void Write(string file, byte[] bytes) => Site.WriteBytes(file, bytes);

        /// <summary>Puts the file back as it was (a layout override is removed).</summary>
        public void Restore(string file)
        {
            if (file.StartsWith("layouts/", StringComparison.Ordinal)) File.Delete(Path.Combine(Input, file));
            else Site.WriteBytes(file, _originals[file]);
        }

        public (BuildRun Run, TimeSpan Elapsed) Build()
        {
            Builds++;
            var stopwatch = Stopwatch.StartNew();
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var code = CommandLine.Run(["build", "--input", Site.Input, "--output", Site.Output, "--theme", Site.Theme],
                stdout, stderr);
            return (new BuildRun(code, stdout.ToString(), stderr.ToString()), stopwatch.Elapsed);
        }

        /// <summary>
        /// The output holds exactly what a second run of the same input makes, byte for byte: nothing missing,
        /// nothing extra, nothing that depends on timing or order.
        /// </summary>
        public void AssertOutputIsCompleteAndDeterministic(string what)
        {
            var written = Site.Snapshot();
            var (engine, result) = SiteBuilder.Run(new BuildOptions(Site.Input, Site.Output, Site.Theme),
                new DiskFiles());
            Assert.True(result.Succeeded,
                $"{what}: the same input built once and failed the second time:\n{string.Join('\n', result.Errors)}");
            var again = SiteBuilder.OutputDocuments(engine, result).ToDictionary(d => d.Destination,
                d => d.Content.ToArray(), StringComparer.Ordinal);
            BuildPromises.AssertSameFiles(written, new SortedDictionary<string, byte[]>(again, StringComparer.Ordinal),
                what + " (second run)");
            OutputSnapshot = written;
        }

        public void Dispose() => Site.Dispose();
    }
}
