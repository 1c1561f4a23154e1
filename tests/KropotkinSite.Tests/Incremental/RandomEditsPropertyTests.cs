using System.Diagnostics;
using System.Globalization;
using KropotkinSite.IO;
using KropotkinSite.Pipelines;
using KropotkinSite.Preview;
using Xunit.Abstractions;

namespace KropotkinSite.Tests.Incremental;

/// <summary>
/// The property the incremental layer exists for: after any sequence of edits, a preview session's site is
/// exactly what a fresh full build of the same input gives (the same files, byte for byte, or the same errors).
/// Random edits of every kind (<see cref="GeneratedSite.EditKinds"/>) are made to a generated site of about a
/// hundred pages, from a seed; after each, the session rebuilds (told which files changed, or now and then told
/// nothing) and is compared with a full build; half the time it rebuilds as the preview does, the pages first (every
/// file but the search index's must then be a full build's already) and then catches up, or now and then is stopped
/// while it catches up, as a change stops it, and goes on to the next edit with the index lagging.
/// <c>KS_PROPERTY_EDITS</c> sets how many edits (1,000 by default), <c>KS_PROPERTY_SEED</c> the seed.
/// </summary>
[Trait("Category", "Slow")]
public sealed class RandomEditsPropertyTests(ITestOutputHelper output)
{
    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture,
            out var value)
            ? value : fallback;

    [Fact]
    public void After_every_random_edit_the_session_gives_what_a_full_build_gives()
    {
        var edits = Setting("KS_PROPERTY_EDITS", 1000);
        var seed = Setting("KS_PROPERTY_SEED", 13);
        var random = new Random(seed);
        using var site = new GeneratedSite(seed);
        var options = new BuildOptions(site.Site.Input, site.Site.Output, site.Site.Theme);
        var session = new PreviewSession(options);
        session.Rebuild();
        var history = new List<string>();
        var failedLast = false;
        var clock = Stopwatch.StartNew();
        var (succeeded, bodyEdits, stopped) = (0, 0, 0);

        for (var i = 1; i <= edits; i++)
        {
            var kind = failedLast
                && random.Next(2) == 0 ? "repair " +
                    "links" : GeneratedSite.EditKinds[random.Next(GeneratedSite.EditKinds.Length)];
            var touched = site.Apply(kind);
            var told = random.Next(10) > 0;
            var pagesFirst = random.Next(2) == 0;
            history.Add($"{i}: {kind}{(told ? "" : " (session told nothing)")}{(pagesFirst ? ", pages first" : "")}");
            var changed = told ? touched : null;
            var rebuilt = pagesFirst ? session.Publish(session.BuildPagesFirst(changed)) : session.Rebuild(changed);

            var (engine, full) = SiteBuilder.Run(options, new DiskFiles());
            var context = $"after edit {string.Join("\n", history.TakeLast(8))}\n(seed {seed})";
            var laidOut = LaidOut(rebuilt);
            if (rebuilt.Lagging.Count > 0)
            {
                var lagging = rebuilt.Lagging.SelectMany(p => full.Outputs[p]).Select(d => d.Destination).ToHashSet();
                var notLagging = SiteBuilder.OutputDocuments(engine, full).Where(d => !lagging.Contains(d.Destination));
                foreach (var document in notLagging)
                    Assert.True(session.Current.Files.TryGetValue(document.Destination, out var bytes)
                                && document.Content.Span.SequenceEqual(bytes.Span),
                        $"{document.Destination} differs from a full build before catching up {context}");
                // Now and then a change stops the catch-up: the next edit is then built with the index lagging still.
                var caughtUp = random.Next(4) == 0
                    ? CatchUpStoppedAfter(session, TimeSpan.FromMilliseconds(random.Next(5)))
                    : session.Publish(session.CatchUp());
                if (caughtUp is not null) (rebuilt, laidOut) = (caughtUp, laidOut + LaidOut(caughtUp));
                else stopped++;
            }
            Assert.True(full.Errors.Select(e => e.ToString()).SequenceEqual(rebuilt.Errors.Select(e => e.ToString())),
                $"errors differ {context}:\nfull " +
                $"build:\n{string.Join('\n', full.Errors)}\nsession:\n{string.Join('\n', rebuilt.Errors)}");
            failedLast = !full.Succeeded;
            if (full.Succeeded && rebuilt.Lagging.Count == 0)
            {
                succeeded++;
                var expected = SiteBuilder.OutputDocuments(engine, full);
                var served = session.Current.Files;
                Assert.True(
                    expected.Select(d => d.Destination).SequenceEqual(served.Keys.Order(StringComparer.Ordinal)),
                    $"the files differ {context}");
                foreach (var document in expected)
                    Assert.True(document.Content.Span.SequenceEqual(served[document.Destination].Span),
                        $"{document.Destination} differs from a full build {context}");
            }
            if (kind == "append a paragraph" && told && full.Succeeded)
            {
                // An edit that only one page shows: that page alone is laid out again.
                bodyEdits++;
                Assert.True(laidOut <= 1, $"{laidOut} pages laid out again {context}");
            }
        }
        output.WriteLine($"{edits} edits (seed {seed}, {succeeded} of them built and caught up, {bodyEdits} body " +
            $"edits, {stopped} catch-ups stopped) in {clock.Elapsed.TotalSeconds:F0} s");
        Assert.True(succeeded > edits / 4,
            $"only {succeeded} of {edits} edits left a site that builds: the test hardly checks any output");
    }

    /// <summary>A catch-up that a change stops after <paramref name="time"/>, as the preview stops it: null when
    /// stopped, else served (it read no file anew, so it is good even when the change came as it ended).</summary>
    private static RebuildResult? CatchUpStoppedAfter(PreviewSession session, TimeSpan time)
    {
        using var change = new CancellationTokenSource(time);
        try
        {
            return session.Publish(session.CatchUp(change.Token));
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private static int LaidOut(RebuildResult result) =>
        result.Steps.Where(s => s.Step.EndsWith("/ApplyLayout", StringComparison.Ordinal)).Sum(s => s.Computed);
}
